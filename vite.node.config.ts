// Builds the plain-Node entry points (the command line, the simulator command and the browser
// demo's server) into out/. electron-vite builds main, preload and renderer; these run under
// plain Node. What the CLI loads on demand (each command, the core; see cli/commands/index.ts)
// is split into out/node-chunks/, emptied first so chunks of older builds do not pile up.
// The CommonJS dependencies (the Alibaba SDKs) are loaded with require(), not import: see
// scripts/require-cjs-externals.js.
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { requireCommonJsExternals } from './scripts/require-cjs-externals.js';

const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies ?? {}),
];

const isExternal = (id: string) => external.some((e) => id === e || id.startsWith(`${e}/`));

const chunks = 'node-chunks';

export default defineConfig({
  plugins: [
    {
      name: 'empty-node-chunks',
      buildStart() {
        rmSync(path.resolve('out', chunks), { recursive: true, force: true });
      },
    },
    // zod too: its CommonJS build is the same code, ~30 ms less to load than its ES one, and
    // only this build's chunks import it.
    requireCommonJsExternals({ external: isExternal, dual: ['zod'] }),
  ],
  build: {
    ssr: true,
    outDir: 'out',
    emptyOutDir: false,
    target: 'node20',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      input: {
        'cli/index': 'electron/cli/index.ts',
        'simulator/bin': 'simulator/bin.ts',
        'web-demo/index': 'electron/web-demo/index.ts',
      },
      external: isExternal,
      output: {
        format: 'esm',
        entryFileNames: '[name].js',
        chunkFileNames: `${chunks}/[name]-[hash].js`,
        banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
      },
    },
  },
});
