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
    if (!('serviceWorker' in navigator)) return;
    this.#update = registerSW({
      onNeedRefresh: () => {
        this.#needRefresh = true;
      },
      // The plugin would reload here, but only when the page was controlled when it loaded;
      // the listener below covers every case, and never reloads a tab that did not ask.
      onNeedReload: () => {},
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
    let controlled = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      // The first version taking over a page loaded from the network changes nothing on it.
      if (!controlled) {
        controlled = true;
        return;
      }
      // A new version now answers this page's requests. Reload only the tab that asked:
      // in another tab the prompt stays, so an edit there is never cut off.
      if (this.#reloading) location.reload();
      else this.#needRefresh = true;
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
