// Playwright fixtures: the built renderer served on loopback, a real core in this process with a
// throwaway data folder, and the page's `window.guard` answered by that core.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { createCore } from '../../electron/core/service';
import type { Core } from '../../electron/core/service';
import { installBridge } from '../support/bridge-harness';
import type { BridgeCalls } from '../support/bridge-harness';
import { serveRenderer } from '../support/static-server';
import type { StaticServer } from '../support/static-server';

const outDir = path.resolve('out');

export const test = base.extend<
  { core: Core; bridgeCalls: BridgeCalls; dataDir: string },
  { server: StaticServer }
>({
  server: [
    async ({}, use) => {
      if (!existsSync(path.join(outDir, 'renderer', 'index.html'))) {
        throw new Error('out/renderer is missing: run `npm run build` before the browser tests.');
      }
      const server = await serveRenderer(path.join(outDir, 'renderer'));
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  core: async ({ dataDir }, use) => {
    const core = createCore({
      dataDir,
      version: '0.1.0-e2e',
      keyGuard: { sweepOnRefresh: true },
    });
    await use(core);
    await core.dispose();
  },
  // Automatic: every page gets the bridge, whether or not the test looks at the calls.
  bridgeCalls: [
    async ({ page, core, server }, use) => {
      const calls = await installBridge(page, core, { outDir, origin: server.url });
      await use(calls);
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
