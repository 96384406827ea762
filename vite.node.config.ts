// Builds the plain-Node entry points (the command line, the simulator command and the browser
// demo's server) into out/. electron-vite builds main, preload and renderer; these run under plain
// Node.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies ?? {}),
];

export default defineConfig({
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
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { format: 'esm', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
    },
  },
});
