// The real shell, launched by Playwright's _electron. Runs only where an Electron binary exists
// (scripts/test-electron.js says clearly when it skips); CI runs it on Linux (Xvfb), Windows and
// macOS in .github/workflows/release.yml.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';

const MAIN = path.resolve('out/main/index.js');
let app: ElectronApplication;
let dataDir: string;

function launch(dir: string): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: process.env.ELECTRON_BINARY,
    args: [MAIN],
    env: { ...process.env, ACK_SG_DATA_DIR: dir },
  });
}

test.beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-el-'));
  app = await launch(dataDir);
});

test.afterEach(async () => {
  await app.close().catch(() => undefined);
});

test('the app starts with one window showing our page from app://guard', async () => {
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-info')).toBeVisible();
  expect(page.url()).toBe('app://guard/index.html');
  expect(app.windows()).toHaveLength(1);
  expect(
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible()),
  ).toBe(true);
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
      nodeIntegrationInSubFrames: p?.nodeIntegrationInSubFrames,
      webSecurity: p?.webSecurity,
      allowRunningInsecureContent: p?.allowRunningInsecureContent,
      webviewTag: p?.webviewTag,
    };
  });
  expect(prefs).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  });
});

test('the page has no Node: window.require and process are undefined', async () => {
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-info')).toBeVisible();
  expect(
    await page.evaluate(() => [
      typeof (window as unknown as { require?: unknown }).require,
      typeof (window as unknown as { process?: unknown }).process,
      typeof (window as unknown as { module?: unknown }).module,
      Object.keys((window as unknown as { guard: object }).guard)
        .sort()
        .join(','),
    ]),
  ).toEqual(['undefined', 'undefined', 'undefined', 'invoke,on']);
});

test('navigation to an outside URL is blocked', async () => {
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-info')).toBeVisible();
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  await expect(page.getByTestId('app-info')).toBeVisible();
});

test('window.open is denied and opens no window', async () => {
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-info')).toBeVisible();
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(await page.evaluate(() => window.open('app://guard/index.html') === null)).toBe(true);
  await page.waitForTimeout(300);
  expect(app.windows()).toHaveLength(1);
});

test('a second instance exits and focuses (restores) the first window', async () => {
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-info')).toBeVisible();
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.minimize());
  await expect
    .poll(() =>
      app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isMinimized()),
    )
    .toBe(true);

  const second = spawn(process.env.ELECTRON_BINARY!, [MAIN], {
    env: { ...process.env, ACK_SG_DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill();
      reject(new Error('the second instance did not exit'));
    }, 20_000);
    second.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  expect(exitCode).toBe(0);
  await expect
    .poll(() =>
      app.evaluate(({ BrowserWindow }) => {
        const windows = BrowserWindow.getAllWindows();
        return {
          count: windows.length,
          minimized: windows[0]!.isMinimized(),
          visible: windows[0]!.isVisible(),
        };
      }),
    )
    .toEqual({ count: 1, minimized: false, visible: true });
});

test('the menu has Refresh fleet, which tells the window via app.command', async () => {
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-info')).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as {
      guard: { on(name: string, listener: (payload: unknown) => void): void };
      commands: unknown[];
    };
    w.commands = [];
    w.guard.on('app.command', (payload) => w.commands.push(payload));
  });
  const labels = await app.evaluate(({ Menu }) => {
    const menu = Menu.getApplicationMenu();
    const ids = ['fleet.refresh', 'open.data', 'open.logs'];
    const found = ids.map((id) => menu?.getMenuItemById(id)?.label ?? null);
    menu?.getMenuItemById('fleet.refresh')?.click();
    return found;
  });
  expect(labels.every((label) => typeof label === 'string' && label.length > 0)).toBe(true);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { commands: unknown[] }).commands))
    .toEqual([{ command: 'fleet.refresh' }]);
});

test('the window size is remembered across restarts, and the log file is written', async () => {
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-info')).toBeVisible();
  await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]!.setBounds({ width: 1111, height: 777 }),
  );
  await app.close();
  const saved = JSON.parse(readFileSync(path.join(dataDir, 'window-state.json'), 'utf8')) as {
    width: number;
    height: number;
  };
  expect([saved.width, saved.height]).toEqual([1111, 777]);
  expect(readFileSync(path.join(dataDir, 'logs', 'main.log'), 'utf8')).toMatch(/INFO {2}starting /);

  app = await launch(dataDir);
  await app.firstWindow();
  const size = await app.evaluate(({ BrowserWindow }) => {
    const b = BrowserWindow.getAllWindows()[0]!.getNormalBounds();
    return [b.width, b.height];
  });
  expect(size).toEqual([1111, 777]);
});

test('the demo account journey works end to end in the real shell', async () => {
  test.setTimeout(180_000);
  const page = await app.firstWindow();
  await page.getByRole('radio', { name: 'EN' }).click();
  // Welcome -> demo: the simulated cloud starts inside the main process.
  await page.getByTestId('start-demo').click();
  await expect(page.getByTestId('demo-badge')).toBeVisible({ timeout: 30_000 });
  const rows = page.getByTestId('cluster-table').locator('[role="row"][data-cluster-id]');
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('refresh-progress')).toHaveCount(0, { timeout: 60_000 });

  // A cluster, its checklist, an eligible key, the confirmation, the change to its end.
  await page.getByTestId('fleet-search').fill('edge-pro-hz-plain');
  await rows.filter({ hasText: 'edge-pro-hz-plain' }).first().click();
  const panel = page.getByTestId('cluster-panel');
  await panel.locator('input[type="radio"][value="key-hzz6demovalid000000001"]').check();
  await expect(panel.getByTestId('checklist-verdict')).toContainText('Ready', { timeout: 30_000 });
  await panel.getByTestId('change-button').click();
  await page
    .getByTestId('confirm-change')
    .getByRole('button', { name: 'Enable encryption' })
    .click();
  const timeline = panel.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-outcome', 'succeeded', { timeout: 120_000 });

  // The change is in the journal and the audit log in the data folder, as the CLI would see it.
  const journal = readFileSync(path.join(dataDir, 'operations.jsonl'), 'utf8');
  expect(journal).toContain('"outcome":"succeeded"');
  const audit = readFileSync(path.join(dataDir, 'audit.jsonl'), 'utf8');
  expect(audit).toContain('"action":"encryption.enable"');
});
