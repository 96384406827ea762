// The architecture rules in eslint.config.js must fire on a violation (and stay quiet on the
// allowed path). Each case lints a snippet as if it lived at the given path: one deliberate
// violation per forbidden arrow of the layering table, one allowed import per allowed arrow.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

/** A module that imports `specifier` and uses it (so no other rule has anything to say). */
function importing(specifier: string): string {
  return `import * as m from '${specifier}';\nexport const a = m;\n`;
}

// [importing file, import specifier, the arrow it stands for]
type Arrow = [file: string, specifier: string, arrow: string];

const FORBIDDEN: Arrow[] = [
  // contract imports nothing of ours, no Node, no Electron
  ['electron/contract/x.ts', '../core/service', 'contract -> core'],
  ['electron/contract/x.ts', '../main/security', 'contract -> main'],
  ['electron/contract/x.ts', '../shell/origin', 'contract -> shell'],
  ['electron/contract/types/x.ts', '../../../renderer/src/lib/format', 'contract -> renderer'],
  ['electron/contract/x.ts', 'node:fs', 'contract -> node'],
  ['electron/contract/x.ts', 'path', 'contract -> node (bare built-in)'],
  ['electron/contract/x.ts', 'electron', 'contract -> electron'],
  // core: contract and the SDKs; never Electron, a shell, the CLI, the renderer, the simulator
  ['electron/core/x.ts', 'electron', 'core -> electron'],
  ['electron/core/fleet/x.ts', '../../main/ipc', 'core -> main'],
  ['electron/core/x.ts', '../cli/main', 'core -> cli'],
  ['electron/core/x.ts', '../shell/protocol', 'core -> shell'],
  ['electron/core/x.ts', '../web-demo/server', 'core -> web-demo'],
  ['electron/core/x.ts', '../preload', 'core -> preload'],
  ['electron/core/x.ts', '../../renderer/src/lib/format', 'core -> renderer'],
  ['electron/core/x.ts', '../../simulator', 'core -> simulator'],
  ['electron/core/x.ts', '../../test/support/chromium', 'core -> a file in no room'],
  // main: core, contract, shell; nothing imports cli or the browser demo
  ['electron/main/x.ts', '../cli/main', 'main -> cli'],
  ['electron/main/x.ts', '../web-demo/server', 'main -> web-demo'],
  ['electron/main/x.ts', '../preload', 'main -> preload'],
  ['electron/main/x.ts', '../../simulator/index', 'main -> simulator'],
  ['electron/main/x.ts', '../../renderer/src/lib/api', 'main -> renderer'],
  // cli: core and contract
  ['electron/cli/x.ts', '../main/security', 'cli -> main'],
  ['electron/cli/x.ts', '../shell/origin', 'cli -> shell'],
  ['electron/cli/x.ts', 'electron', 'cli -> electron'],
  ['electron/cli/commands/x.ts', '../../../simulator', 'cli -> simulator'],
  // the browser demo's server: core, contract, shell; plain Node
  ['electron/web-demo/x.ts', 'electron', 'web-demo -> electron'],
  ['electron/web-demo/x.ts', '../main/ipc', 'web-demo -> main'],
  ['electron/web-demo/x.ts', '../main/security', 'web-demo -> main (the old exception)'],
  ['electron/web-demo/x.ts', '../cli/main', 'web-demo -> cli'],
  ['electron/web-demo/x.ts', '../../simulator', 'web-demo -> simulator'],
  // shell: contract and Node only
  ['electron/shell/x.ts', 'electron', 'shell -> electron'],
  ['electron/shell/x.ts', '../core/service', 'shell -> core'],
  ['electron/shell/x.ts', '../main/security', 'shell -> main'],
  // preload: the contract (and Electron's contextBridge) only
  ['electron/preload/x.ts', '../core/service', 'preload -> core'],
  ['electron/preload/x.ts', '../main/ipc', 'preload -> main'],
  ['electron/preload/x.ts', 'node:fs', 'preload -> node'],
  ['electron/preload/x.ts', 'zod', 'preload -> packages'],
  // renderer: the contract only (and npm packages such as svelte)
  ['renderer/src/x.ts', '../../electron/core/service', 'renderer -> core'],
  ['renderer/src/lib/x.ts', '../../../electron/main/security', 'renderer -> main'],
  ['renderer/src/x.ts', '../../electron/cli/main', 'renderer -> cli'],
  ['renderer/src/x.ts', '../../electron/preload', 'renderer -> preload'],
  ['renderer/src/x.ts', '../../electron/shell/origin', 'renderer -> shell'],
  ['renderer/src/x.ts', '../../simulator', 'renderer -> simulator'],
  ['renderer/src/x.ts', 'electron', 'renderer -> electron'],
  ['renderer/src/x.ts', 'node:path', 'renderer -> node'],
  // the simulator: nothing of the app
  ['simulator/src/x.ts', '../../electron/contract', 'simulator -> contract'],
  ['simulator/src/x.ts', '../../electron/core/service', 'simulator -> core'],
];

const ALLOWED: Arrow[] = [
  ['electron/contract/x.ts', 'zod', 'contract -> packages'],
  ['electron/contract/types/x.ts', '../errors', 'contract -> contract'],
  ['electron/core/x.ts', '../contract', 'core -> contract'],
  ['electron/core/cloud/x.ts', '@alicloud/cs20151215', 'core -> packages (an SDK)'],
  ['electron/core/x.ts', 'node:fs', 'core -> node'],
  ['electron/core/x.ts', './demo', 'core -> demo'],
  ['electron/core/demo/x.ts', '../../../simulator', 'demo -> simulator'],
  ['electron/core/demo/x.ts', '../service', 'demo -> core'],
  ['electron/main/x.ts', 'electron', 'main -> electron'],
  ['electron/main/x.ts', '../core/service', 'main -> core'],
  ['electron/main/x.ts', '../contract', 'main -> contract'],
  ['electron/main/x.ts', '../shell/origin', 'main -> shell'],
  ['electron/main/x.ts', './security', 'main -> main'],
  ['electron/cli/x.ts', '../core/service', 'cli -> core'],
  ['electron/cli/x.ts', '../contract', 'cli -> contract'],
  ['electron/cli/commands/x.ts', '../main', 'cli -> cli (its own main.ts)'],
  ['electron/cli/x.ts', '../../package.json', 'cli -> manifest'],
  ['electron/web-demo/x.ts', '../core/service', 'web-demo -> core'],
  ['electron/web-demo/x.ts', '../contract', 'web-demo -> contract'],
  ['electron/web-demo/x.ts', '../shell/protocol', 'web-demo -> shell'],
  ['electron/shell/x.ts', 'node:path', 'shell -> node'],
  ['electron/shell/x.ts', '../contract', 'shell -> contract'],
  ['electron/preload/x.ts', 'electron', 'preload -> electron'],
  ['electron/preload/x.ts', '../contract/bridge', 'preload -> contract'],
  ['renderer/src/x.ts', '$contract', 'renderer -> contract (alias)'],
  ['renderer/src/lib/x.ts', '$contract/key-ref', 'renderer -> contract (alias, a file)'],
  ['renderer/src/x.ts', '../../electron/contract', 'renderer -> contract (relative)'],
  ['renderer/src/x.ts', 'svelte', 'renderer -> packages'],
  ['simulator/src/x.ts', 'zod', 'simulator -> packages'],
  ['test/integration/x.ts', '../../simulator', 'tests -> simulator'],
  ['test/unit/x.ts', '../../electron/main/security', 'tests -> main'],
  ['bench/x.ts', '../electron/core/service', 'bench -> core'],
];

// The first lint loads the TypeScript parser and the whole config: seconds on a busy machine.
describe('the layering table', { timeout: 120_000 }, () => {
  it.each(FORBIDDEN)('%s importing %s (%s) is an error', async (file, specifier) => {
    expect(await ruleIds(file, importing(specifier))).toContain('layering/rooms');
  });

  it.each(ALLOWED)('%s importing %s (%s) is allowed', async (file, specifier) => {
    expect(await ruleIds(file, importing(specifier))).toEqual([]);
  });

  it('catches every way of writing an import', async () => {
    const file = 'electron/core/x.ts';
    const cases = [
      "export { app } from 'electron';\n",
      "export * from 'electron';\n",
      "export const load = () => import('electron');\n",
      "export type App = import('electron').App;\n",
      "import type { App } from 'electron';\nexport type A = App;\n",
    ];
    for (const code of cases) expect(await ruleIds(file, code)).toContain('layering/rooms');
  });

  it('checks a Svelte component like any module', async () => {
    const component = (specifier: string) =>
      `<script lang="ts">\n  import * as m from '${specifier}';\n  export const a = m;\n</script>\n`;
    // A real component's path: the type-aware Svelte parser only lints files its project holds.
    const file = 'renderer/src/components/StatusIcon.svelte';
    expect(await ruleIds(file, component('../../../electron/core/service'))).toContain(
      'layering/rooms',
    );
    expect(await ruleIds(file, component('$contract'))).not.toContain('layering/rooms');
  });

  it('names the arrow and what the table allows', async () => {
    const [result] = await eslint.lintText(importing('../cli/main'), {
      filePath: 'electron/main/x.ts',
    });
    expect(result?.messages[0]?.message).toBe(
      "main may not import cli ('../cli/main'). The layering table in eslint.config.js allows main -> core, contract, shell, electron, node, packages.",
    );
  });
});

describe('the rules beside the table', { timeout: 120_000 }, () => {
  it('only renderer/src/lib/api.ts may touch window.guard', async () => {
    const code = 'export const g = window.guard;\n';
    expect(await ruleIds('renderer/src/components/x.ts', code)).toContain('no-restricted-syntax');
    expect(await ruleIds('renderer/src/lib/api.ts', code)).not.toContain('no-restricted-syntax');
  });

  it.each([
    ['window', 'export const w = window.location;\n'],
    ['document', 'export const d = document.title;\n'],
    ['process', 'export const p = process.env;\n'],
    ['Buffer', "export const b = Buffer.from('x');\n"],
  ])('the contract may not use %s (it runs in both Node and the page)', async (_name, code) => {
    expect(await ruleIds('electron/contract/x.ts', code)).toContain('no-undef');
  });

  it('the contract may use what both Node and the page have', async () => {
    const code =
      "export const u = new URL('https://example.com/').host;\nexport const t = setTimeout;\n";
    expect(await ruleIds('electron/contract/x.ts', code)).toEqual([]);
  });

  it('the renderer may not use Node-only globals', async () => {
    expect(await ruleIds('renderer/src/x.ts', 'export const p = process.env;\n')).toContain(
      'no-undef',
    );
  });
});
