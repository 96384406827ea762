// @ts-check
// The renderer's path aliases have one home, tsconfig.web.json (`compilerOptions.paths`), which
// svelte-check reads; the Vite build, the renderer's component tests and the layering lint rule
// read them from there through this file, so '$contract' means the same folder everywhere.
import fs from 'node:fs';
import path from 'node:path';

/** { alias: folder relative to `root` } for every `"alias": ["./folder"]` in tsconfig.web.json. */
export function rendererAliases(root = process.cwd()) {
  const config = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.web.json'), 'utf8'));
  /** @type {Record<string, string[]>} */
  const paths = config?.compilerOptions?.paths ?? {};
  /** @type {Record<string, string>} */
  const aliases = {};
  for (const [alias, targets] of Object.entries(paths)) {
    if (alias.endsWith('/*')) continue; // the "$contract/*" twin of "$contract"
    const target = targets[0];
    if (typeof target !== 'string' || targets.length !== 1) {
      throw new Error(`tsconfig.web.json: paths.${alias} must name exactly one folder`);
    }
    if (paths[`${alias}/*`]?.[0] !== `${target}/*`) {
      throw new Error(`tsconfig.web.json: paths.${alias}/* must be ["${target}/*"]`);
    }
    aliases[alias] = path.posix.normalize(target);
  }
  return aliases;
}

/** The same aliases as absolute folders, for Vite's resolve.alias. */
export function rendererViteAliases(root = process.cwd()) {
  return Object.fromEntries(
    Object.entries(rendererAliases(root)).map(([alias, folder]) => [
      alias,
      path.resolve(root, folder),
    ]),
  );
}
