// The built CLI loads only what a command needs: `--version` and `--help` load no SDK at all,
// and reading the stored snapshot none either, not even openapi-core (each takes up to seconds
// to load; see electron/core/cloud/sdk.ts). Checked in a real child process: the CommonJS modules
// it loaded are listed by a small --require probe when it exits.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_CATALOGS } from '../../../electron/contract/messages/format';
import { en as cliEn } from '../../../electron/cli/i18n/en';
import { zhCN as cliZhCN } from '../../../electron/cli/i18n/zh-CN';
import { CLI, assertCliBuilt } from '../../support/cli-process';

const run = promisify(execFile);
const PRODUCTS = ['cs20151215', 'ecs20140526', 'vpc20160428', 'ram20150501', 'sts20150401'];

let probe: string;

beforeAll(() => {
  assertCliBuilt();
  probe = path.join(mkdtempSync(path.join(os.tmpdir(), 'ack-sg-probe-')), 'probe.cjs');
  // ES modules are not in require.cache: a module load hook lists them (in its own thread).
  writeFileSync(
    path.join(path.dirname(probe), 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.LOAD_OUT, url + '\\n');
  return next(url, context);
}\n`,
  );
  writeFileSync(
    path.join(path.dirname(probe), 'register.mjs'),
    `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
  );
  writeFileSync(
    probe,
    `const fs = require('node:fs');
process.on('exit', () => {
  const loaded = Object.keys(require.cache).filter((f) => f.includes('node_modules'));
  fs.writeFileSync(process.env.PROBE_OUT, JSON.stringify(loaded));
});\n`,
  );
});

/** The packages (under node_modules) the built CLI loaded for these arguments. */
async function packagesLoaded(args: string[], dataDir: string): Promise<Set<string>> {
  const out = path.join(dataDir, `probe-${Math.random().toString(36).slice(2)}.json`);
  await run(process.execPath, ['--require', probe, CLI, '--data-dir', dataDir, ...args], {
    env: { ...process.env, PROBE_OUT: out },
  });
  const files = JSON.parse((await import('node:fs')).readFileSync(out, 'utf8')) as string[];
  return new Set(
    files.map((f) => {
      const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(f);
      return m ? m[1]!.replace(/\\/g, '/') : f;
    }),
  );
}

/** The files (and their text) and packages the built CLI loads before it runs: its static imports. */
function staticImports(entry: string): { files: Map<string, string>; packages: Set<string> } {
  const files = new Map<string, string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (files.has(file)) return;
    const text = readFileSync(file, 'utf8');
    files.set(file, text);
    // A CommonJS package is loaded with require() at the chunk's top level
    // (scripts/require-cjs-externals.js; rolldown may inline its `__cjsRequire`), an ES one with
    // import. A top-level line is one that does not start with white space.
    const loads =
      /^(?:(?:import|export)[^'"]*?["']([^"']+)["'];?|(?!\s)[^\n]*?__cjs(?:Create)?Require\((?:import\.meta\.url\)\()?"([^"]+)"\).*)$/gm;
    for (const m of text.matchAll(loads)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('.')) walk(path.resolve(path.dirname(file), spec));
      else packages.add(spec);
    }
  };
  walk(entry);
  return { files, packages };
}

/**
 * The 3 longest plain texts of a dictionary or catalog: found in a file, they stand for it. For a
 * Chinese one, only texts in Chinese (its usage lines are the English ones).
 */
function longestTexts(texts: unknown, chinese = false): string[] {
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : value !== null && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];
  return strings(texts)
    .filter((v) => /^[^"'`\\{$\n]+$/.test(v) && (!chinese || /[\u4e00-\u9fff]/.test(v)))
    .sort((a, b) => b.length - a.length)
    .slice(0, 3);
}

/** Every ES module file the built CLI loaded for these arguments (a load hook lists them). */
async function esModulesLoaded(args: string[]): Promise<string[]> {
  const out = path.join(path.dirname(probe), `loaded-${Math.random().toString(36).slice(2)}.txt`);
  await run(
    process.execPath,
    ['--import', path.join(path.dirname(probe), 'register.mjs'), CLI, ...args],
    {
      env: { ...process.env, LOAD_OUT: out },
    },
  );
  return readFileSync(out, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => fileURLToPath(u));
}

/** The ES module files of out/ the built CLI loaded for these arguments. */
async function modulesLoaded(args: string[]): Promise<string[]> {
  return (await esModulesLoaded(args)).filter((f) => f.includes(`${path.sep}out${path.sep}`));
}

describe('CLI start-up', () => {
  it('--version and --help load no SDK', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-startup-'));
    for (const args of [['--version'], ['--help']]) {
      const loaded = [...(await packagesLoaded(args, dir))];
      expect(
        loaded.filter((p) => p.startsWith('@alicloud/') || p.startsWith('@darabonba/')),
      ).toEqual([]);
    }
  });

  it('--version loads no zod: the start-up imports of the built CLI name no schema module', () => {
    // zod is ESM (not in require.cache): walk the static imports of out/cli/index.js instead.
    // A schema module beside GuardError in a shared chunk once cost every command ~200 ms.
    const { files, packages } = staticImports(CLI);
    expect(files.size).toBeGreaterThan(1);
    expect(
      [...packages].filter((p) => !p.startsWith('node:') && p !== 'path' && p !== 'fs'),
    ).toEqual([]);
  });

  it('--version loads no dictionary and no message catalog: its start-up imports hold none of their words', () => {
    // Both are tens of kilobytes to compile; the dictionary is loaded for text (i18n/load.ts),
    // the catalog with a real command (run-command.ts). Their longest texts stand for them.
    const markers = [
      ...longestTexts(cliEn),
      ...longestTexts(cliZhCN, true),
      ...longestTexts(MESSAGE_CATALOGS.en),
      ...longestTexts(MESSAGE_CATALOGS['zh-CN'], true),
    ];
    expect(markers).toHaveLength(12);
    const text = [...staticImports(CLI).files.values()].join('\n');
    expect(markers.filter((m) => text.includes(m))).toEqual([]);
  });

  it('--help loads its one dictionary and no message catalog', async () => {
    const loaded = await modulesLoaded(['--help']);
    const text = loaded.map((f) => readFileSync(f, 'utf8')).join('\n');
    const absent = [
      ...longestTexts(cliZhCN, true),
      ...longestTexts(MESSAGE_CATALOGS.en),
      ...longestTexts(MESSAGE_CATALOGS['zh-CN'], true),
    ];
    expect(absent.filter((m) => text.includes(m))).toEqual([]);
    expect(longestTexts(cliEn).filter((m) => text.includes(m))).toHaveLength(3);
  });

  it('clusters list --cached reads the snapshot without loading a product SDK', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-startup-'));
    writeFileSync(
      path.join(dir, 'fleet-snapshot.json'),
      JSON.stringify({
        schemaVersion: 1,
        snapshot: {
          fetchedAt: '2026-01-01T00:00:00.000Z',
          stale: false,
          includeAckPro: false,
          clusters: [],
          failures: [],
        },
      }),
    );
    const loaded = await packagesLoaded(['clusters', 'list', '--cached'], dir);
    expect(PRODUCTS.filter((p) => loaded.has(`@alicloud/${p}`))).toEqual([]);
    // Nor the client they share and its runtime (cloud/openapi-core.ts): no call is made.
    expect(
      ['@alicloud/openapi-core', '@darabonba/typescript'].filter((p) => loaded.has(p)),
    ).toEqual([]);
    // Nor the keychain's native module (no secret is read: accounts/keyring-store.ts) nor the
    // proxy agent (no request: cloud/transport.ts). https-proxy-agent is ES, seen by the hook.
    expect(loaded.has('@napi-rs/keyring')).toBe(false);
    const esm = await esModulesLoaded(['--data-dir', dir, 'clusters', 'list', '--cached']);
    const ours = esm.filter((f) => f.includes(`${path.sep}out${path.sep}`));
    expect(ours.length).toBeGreaterThan(0);
    // Nor the simulator, which only the demo starts (core/demo/simulator-module.ts).
    expect(
      ours.filter((f) => readFileSync(f, 'utf8').includes('function startSimulator(')),
    ).toEqual([]);
    expect(
      esm.filter((f) => /node_modules[\\/](https-proxy-agent|agent-base)[\\/]/.test(f)),
    ).toEqual([]);
  });
});
