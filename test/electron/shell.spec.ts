// Runs only where an Electron binary exists (see scripts/test-electron.js).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';

let app: ElectronApplication;

test.beforeEach(async () => {
  app = await electron.launch({
    executablePath: process.env.ELECTRON_BINARY,
    args: [path.resolve('out/main/index.js')],
    env: { ...process.env, ACK_SG_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'ack-sg-el-')) },
  });
});

test.afterEach(async () => {
  await app.close();
});

test('the window opens with the secure webPreferences', async () => {
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-info')).toBeVisible();
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences is real but untyped in electron.d.ts: the preferences in force.
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
      getLastWebPreferences(): Record<string, unknown> | null;
    };
    const p = contents.getLastWebPreferences();
    return {
      contextIsolation: p?.contextIsolation,
      sandbox: p?.sandbox,
      nodeIntegration: p?.nodeIntegration,
      webSecurity: p?.webSecurity,
    };
  });
  expect(prefs).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
  });
});

test('the page has no Node and cannot navigate away or open windows', async () => {
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-info')).toBeVisible();
  expect(
    await page.evaluate(() => [
      typeof (window as unknown as { require?: unknown }).require,
      typeof (window as unknown as { process?: unknown }).process,
    ]),
  ).toEqual(['undefined', 'undefined']);

  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);

  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(app.windows()).toHaveLength(1);
});
