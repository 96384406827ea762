// Bundles a TypeScript entry into one ESM file that plain `node` can run, so tests can race
// real child processes. Dependencies stay external and resolve from the repo's node_modules,
// which is why the output goes under node_modules/.cache.
import { mkdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '../../..');

export async function buildChild(entry: string, name: string): Promise<string> {
  const outDir = path.join(root, 'node_modules', '.cache', 'ack-sg-test-children');
  mkdirSync(outDir, { recursive: true });
  const fileName = `${name}-${process.pid}-${Date.now()}.mjs`;
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      write: true,
      minify: false,
      target: 'node20',
      rollupOptions: {
        external: (id) =>
          builtinModules.includes(id) ||
          id.startsWith('node:') ||
          (/^@?[a-z0-9][\w.-]*(\/|$)/i.test(id) && !id.startsWith('.') && !path.isAbsolute(id)),
        output: { format: 'esm', entryFileNames: fileName },
      },
    },
  });
  return path.join(outDir, fileName);
}
