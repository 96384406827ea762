// The built main process (out/main/index.js, `npm run build` first) loads its CommonJS
// dependencies, and zod, with require() (electron.vite.config.ts, scripts/require-cjs-externals.js)
// and Electron's own module with an import. Electron cannot run here: this reads the bundle,
// and resolves each required id from where the bundle is, as its require() will.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { isCommonJsPackage } from '../../scripts/require-cjs-externals.js';

const MAIN = path.resolve('out/main/index.js');
let text = '';

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error('out/main/index.js is missing: run `npm run build`.');
  text = readFileSync(MAIN, 'utf8');
});

const bare = (id: string) =>
  !id.startsWith('.') && !id.startsWith('node:') && !builtinModules.includes(id);
const imported = () =>
  [
    ...text.matchAll(/^import\s[^"\n]*?"([^"]+)";?$/gm),
    ...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
  ]
    .map((m) => m[1]!)
    .filter(bare);
const required = () => [...text.matchAll(/__cjsRequire\("([^"]+)"\)/g)].map((m) => m[1]!);

describe('out/main/index.js', () => {
  it('requires the CommonJS dependencies and zod, and imports only ES ones and electron', () => {
    const requiredIds = new Set(required());
    for (const id of ['zod', '@napi-rs/keyring', '@alicloud/openapi-core', '@alicloud/cs20151215'])
      expect(requiredIds.has(id), id).toBe(true);
    const importedIds = new Set(imported());
    expect(importedIds.has('electron')).toBe(true);
    // The electron package is CommonJS (its binary's path); Electron answers the import itself.
    expect(
      [...importedIds].filter((id) => id !== 'electron' && (id === 'zod' || isCommonJsPackage(id))),
    ).toEqual([]);
    expect(requiredIds.has('electron')).toBe(false);
  });

  it('loads no package that is not a dependency, and each required one resolves from out/main', () => {
    const deps = Object.keys(pkg.dependencies);
    const isDependency = (id: string) => deps.some((d) => id === d || id.startsWith(`${d}/`));
    expect(
      [...imported(), ...required()].filter((id) => id !== 'electron' && !isDependency(id)),
    ).toEqual([]);
    const requireFromMain = createRequire(MAIN);
    expect(
      required().filter((id) => {
        try {
          requireFromMain.resolve(id);
          return false;
        } catch {
          return true;
        }
      }),
    ).toEqual([]);
  });
});
