/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultLayoutPlugin } from './src/graph/default-layout-plugin.ts';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from './src/pwa/csp.ts';
import { cspPlugin } from './src/pwa/csp-plugin.ts';
import { offlinePlugin } from './src/pwa/offline-plugin.ts';

// Absolute: the dev server turns the plugin's watch files into imports, and cannot resolve a relative path.
const CATALOGUES = fileURLToPath(new URL('./static/catalogues', import.meta.url));

export default defineConfig({
  plugins: [svelte(), defaultLayoutPlugin(CATALOGUES), cspPlugin(), offlinePlugin()],
  publicDir: 'static',
  // The tests run against `vite preview`, so it sends the header a real host sends.
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  server: { headers: { 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
  },
});
