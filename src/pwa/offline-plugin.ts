import { existsSync } from 'node:fs';
import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Precache limit: the ELK worker chunk is about 1.46 MB, over Workbox's 2 MiB default only with room to grow. */
const MAX_PRECACHE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * The service worker and the web app manifest. After one visit the app, the catalogues,
 * the schemas and the tours (static/tours/, once there are any) come from the precache,
 * so it starts with the network off. A new version waits until the user chooses to
 * reload (`registerType: 'prompt'`, see UpdatePrompt.svelte); it never takes over by itself.
 */
export function offlinePlugin(): PluginOption {
  return VitePWA({
    registerType: 'prompt',
    // main.ts registers through `virtual:pwa-register`; an injected inline script would break the CSP.
    injectRegister: false,
    workbox: {
      // The manifest is added by the plugin itself; Workbox warns about a pattern that matches nothing.
      globPatterns: [
        '**/*.{html,js,css,svg,png}',
        'catalogues/*.json',
        'schemas/*.json',
        ...(existsSync('static/tours') ? ['tours/*.json'] : []),
      ],
      maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
      navigateFallback: 'index.html',
      // Old precaches from earlier versions are dropped once the new version has taken over.
      cleanupOutdatedCaches: true,
      // Controls the first page at once, so its lazy chunks come from the precache too. A later
      // version still waits: it activates only when the user reloads from the prompt.
      clientsClaim: true,
    },
    // The icons are in the glob above already.
    includeManifestIcons: false,
    manifest: {
      name: 'Rollekort',
      short_name: 'Rollekort',
      description: 'KOMBITs Rollegalleri som et kort, der kan redigeres: roller, personer og dækning.',
      lang: 'da',
      dir: 'ltr',
      start_url: '.',
      scope: '.',
      display: 'standalone',
      theme_color: '#1e3a5f',
      background_color: '#ffffff',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
  });
}
