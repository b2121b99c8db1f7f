/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultLayoutPlugin } from './src/graph/default-layout-plugin.ts';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, SYNC_ORIGIN_ENV, withSyncOrigin } from './src/pwa/csp.ts';
import { cspPlugin } from './src/pwa/csp-plugin.ts';
import { offlinePlugin } from './src/pwa/offline-plugin.ts';

// Absolute: the dev server turns the plugin's watch files into imports, and cannot resolve a relative path.
const CATALOGUES = fileURLToPath(new URL('./static/catalogues', import.meta.url));

// Live workshops: a sync server on another origin is allowed only when configured at build time.
const SYNC_ORIGIN = process.env[SYNC_ORIGIN_ENV];
// The sync server behind the dev and preview servers' own origin, at /sync (as the README's
// reverse proxy does), so `connect-src 'self'` covers it. The browser tests point it at
// the server they start.
const syncProxy = {
  '/sync': { target: process.env.ROLLEKORT_SYNC_PROXY ?? 'http://127.0.0.1:1234', ws: true },
};

export default defineConfig({
  plugins: [svelte(), defaultLayoutPlugin(CATALOGUES), cspPlugin(withSyncOrigin(META_CONTENT_SECURITY_POLICY, SYNC_ORIGIN)), offlinePlugin()],
  publicDir: 'static',
  // The tests run against `vite preview`, so it sends the header a real host sends.
  preview: { headers: { 'Content-Security-Policy': withSyncOrigin(CONTENT_SECURITY_POLICY, SYNC_ORIGIN) }, proxy: syncProxy },
  server: { headers: { 'Content-Security-Policy': withSyncOrigin(DEV_CONTENT_SECURITY_POLICY, SYNC_ORIGIN) }, proxy: syncProxy },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
  },
});
