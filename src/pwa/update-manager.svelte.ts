/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

/** How often an open tab asks the server for a new version, besides on each page load. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * The service worker's side of the app: registers it, and knows when a new version
 * has been installed and is waiting. The new version takes over only through
 * `reload()`, which the user starts from UpdatePrompt.
 */
export class UpdateManager {
  #needRefresh = $state(false);
  #reloading = $state(false);
  #update: ((reloadPage?: boolean) => Promise<void>) | null = null;

  /** True when a new version is installed and waits for the user to reload. */
  get needRefresh() { return this.#needRefresh; }
  get reloading() { return this.#reloading; }

  start(): void {
    this.#update = registerSW({
      onNeedRefresh: () => {
        this.#needRefresh = true;
      },
      // The new version now controls this page. Reload only if this tab asked for it: when
      // another tab did, this one keeps its prompt, so an edit here is never cut off.
      onNeedReload: () => {
        if (this.#reloading) location.reload();
        else this.#needRefresh = true;
      },
      onRegisteredSW: (_url, registration) => {
        if (!registration) return;
        setInterval(() => {
          if (navigator.onLine) registration.update().catch(() => { /* the next check tries again */ });
        }, UPDATE_CHECK_MS);
      },
      onRegisterError: () => {
        // Working offline is an extra: without a service worker the app still runs online.
      },
    });
  }

  /** Lets the waiting version take over; the page reloads once it controls the page. */
  async reload(): Promise<void> {
    if (!this.#update || this.#reloading) return;
    this.#reloading = true;
    const waiting = await navigator.serviceWorker.getRegistration().then((r) => r?.waiting);
    // Already taken over (from another tab): nothing waits, so just load the new version.
    if (!waiting) location.reload();
    else await this.#update(true);
  }
}
