import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import pkg from './package.json' with { type: 'json' };
import { readAppId } from './scripts/app-id.js';
import { rendererViteAliases } from './scripts/renderer-aliases.js';
import { requireCommonJsExternals } from './scripts/require-cjs-externals.js';

/** What electron-vite keeps external in main: the dependencies (electron is a devDependency). */
const isDependency = (id: string) =>
  Object.keys(pkg.dependencies).some((d) => id === d || id.startsWith(`${d}/`));

export default defineConfig({
  main: {
    // One home for the app id: electron-builder.yml (see scripts/app-id.js).
    define: { __APP_ID__: JSON.stringify(readAppId()) },
    // The main process is ES too and loads the same CommonJS dependencies (the SDKs at a first
    // call, the keychain at a first secret) and zod at start: required, not imported, as in the
    // CLI build (scripts/require-cjs-externals.js says why). Only main imports zod at run time
    // (preload and renderer bundle their own), so its CommonJS build is the one copy. `electron`
    // is not a dependency: it stays an import of Electron's built-in module.
    plugins: [requireCommonJsExternals({ external: isDependency, dual: ['zod'] })],
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
