// The architecture rules in eslint.config.js must fire on a violation (and stay quiet on the
// allowed path). Each case lints a snippet as if it lived at the given path.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// The first lint loads the TypeScript parser and the whole config: seconds on a busy machine.
describe('architecture lint rules', { timeout: 60_000 }, () => {
  it.each([
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/contract/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/contract/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    [
      'electron/core/x.ts',
      "import { startSimulator } from '../../simulator';\nexport const a = startSimulator;\n",
    ],
    [
      'electron/main/x.ts',
      "import { startSimulator } from '../../simulator/index';\nexport const a = startSimulator;\n",
    ],
    [
      'renderer/src/x.ts',
      "import { createCore } from '../../electron/core/service';\nexport const a = createCore;\n",
    ],
    [
      'renderer/src/x.ts',
      "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n",
    ],
    ['electron/web-demo/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    [
      'electron/web-demo/x.ts',
      "import { startSimulator } from '../../simulator';\nexport const a = startSimulator;\n",
    ],
    [
      'electron/web-demo/x.ts',
      "import { registerIpc } from '../main/ipc';\nexport const a = registerIpc;\n",
    ],
    ['electron/web-demo/x.ts', "import { main } from '../cli/main';\nexport const a = main;\n"],
  ])('%s: forbidden import is an error', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it('only renderer/src/lib/api.ts may touch window.guard', async () => {
    const code = 'export const g = window.guard;\n';
    expect(await ruleIds('renderer/src/components/x.ts', code)).toContain('no-restricted-syntax');
    expect(await ruleIds('renderer/src/lib/api.ts', code)).not.toContain('no-restricted-syntax');
  });

  it('allows the permitted arrows', async () => {
    expect(
      await ruleIds(
        'renderer/src/x.ts',
        "import type { AppInfo } from '../../electron/contract';\nexport type A = AppInfo;\n",
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        'electron/main/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        'test/integration/x.ts',
        "import { startSimulator } from '../../simulator';\nexport const a = startSimulator;\n",
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        'electron/web-demo/x.ts',
        [
          "import { createCore } from '../core/service';",
          "import { fail } from '../contract';",
          "import { CONTENT_SECURITY_POLICY } from '../main/security';",
          "import { resolveAppRequest } from '../main/protocol';",
          'export const a = [createCore, fail, CONTENT_SECURITY_POLICY, resolveAppRequest];',
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        'electron/core/demo/x.ts',
        "import { startSimulator } from '../../../simulator';\nexport const a = startSimulator;\n",
      ),
    ).toEqual([]);
  });
});
