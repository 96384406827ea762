import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { readAppId } from './scripts/app-id.js';
import { rendererViteAliases } from './scripts/renderer-aliases.js';

// One runner, three projects: fast unit tests of the core, integration tests that talk to the
// simulator over HTTP with the official SDKs (and to a real Secret Service), and component
// tests of the renderer in jsdom.
export default defineConfig({
  test: {
    projects: [
      {
        // The main process's build-time constant (electron.vite.config.ts puts in the same).
        define: { __APP_ID__: JSON.stringify(readAppId()) },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/renderer/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        plugins: [svelte(), svelteTesting()],
        // The renderer's '$contract' (tsconfig.web.json, see scripts/renderer-aliases.js).
        resolve: { alias: rendererViteAliases() },
        test: {
          name: 'renderer',
          include: ['test/unit/renderer/**/*.test.ts'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
