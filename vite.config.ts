/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultLayoutPlugin } from './src/graph/default-layout-plugin.ts';

export default defineConfig({
  plugins: [svelte(), defaultLayoutPlugin('static/catalogues')],
  publicDir: 'static',
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
  },
});
