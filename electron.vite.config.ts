import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import { readAppId } from './scripts/app-id.js';
import { rendererViteAliases } from './scripts/renderer-aliases.js';

export default defineConfig({
  main: {
    // One home for the app id: electron-builder.yml (see scripts/app-id.js).
    define: { __APP_ID__: JSON.stringify(readAppId()) },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed window cannot load an ESM preload: emit CommonJS with a .cjs name, and bundle
      // everything (the sandbox has no require for node_modules).
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    // '$contract' and any other alias of tsconfig.web.json (see scripts/renderer-aliases.js).
    resolve: { alias: rendererViteAliases() },
    plugins: [svelte({ configFile: resolve('svelte.config.mjs') })],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
