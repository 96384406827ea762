// The real shell, launched by Playwright's _electron. Runs only where an Electron binary exists
// (scripts/test-electron.js says clearly when it skips); CI runs it on Linux (Xvfb), Windows and
// macOS in .github/workflows/release.yml.
// The app is launched as a folder (`.` in the repository root), as electron-builder packages it:
// Electron then reads our package.json (name, productName, version, main). Launched as a bare
// out/main/index.js it would run as "Electron" with Electron's own version.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';

const ROOT = path.resolve('.');
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  productName: string;
  version: string;
};
let app: ElectronApplication;
let dataDir: string;

function launch(dir: string): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: process.env.ELECTRON_BINARY,
    args: ['.'],
    cwd: ROOT,
    env: { ...process.env, ACK_SG_DATA_DIR: dir },
  });
}

/**
 * A second copy of the app, started by hand as a user would. On Linux it gets the flag
 * Playwright gives the first one: ubuntu-24.04 forbids the unprivileged user namespaces of
 * Chromium's sandbox (AppArmor), and the SUID fallback is not set up in node_modules.
 */
async function runSecondInstance(dir: string): Promise<number | null> {
  const args = process.platform === 'linux' ? ['--no-sandbox', '.'] : ['.'];
  const second = spawn(process.env.ELECTRON_BINARY!, args, {
    cwd: ROOT,
    env: { ...process.env, ACK_SG_DATA_DIR: dir },
    stdio: 'ignore',
  });
  return new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill();
      reject(new Error('the second instance did not exit'));
    }, 20_000);
    second.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
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

test('the app runs under its own name and version (from package.json)', async () => {
  await app.firstWindow();
  const [name, version] = await app.evaluate(({ app: electronApp }) => [
    electronApp.getName(),
    electronApp.getVersion(),
  ]);
  expect(name).toBe(PACKAGE.productName);
  expect(name).toBe('ACK Secret Guard');
  expect(version).toBe(PACKAGE.version);
});

test('our page may write the clipboard (a Copy button works), and gets no other permission', async () => {
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-info')).toBeVisible();
  const states = await page.evaluate(async () => {
    const query = async (name: string) => {
      try {
        return (await navigator.permissions.query({ name: name as PermissionName })).state;
      } catch {
        return 'unsupported';
      }
    };
    return {
      write: await query('clipboard-write'),
      read: await query('clipboard-read'),
      geolocation: await query('geolocation'),
      notifications: await query('notifications'),
    };
  });
  expect(states.write).toBe('granted');
  expect(states.read).not.toBe('granted');
  expect(states.geolocation).not.toBe('granted');
  expect(states.notifications).not.toBe('granted');

  // A real click (user activation, focused window) on a button that copies, as ours do.
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'clipboard-probe';
    button.textContent = 'probe';
    button.addEventListener('click', () => {
      void navigator.clipboard.writeText('ack-sg-clipboard-probe').then(
        () => (document.body.dataset.copy = 'ok'),
        (error: unknown) => (document.body.dataset.copy = String(error)),
      );
    });
    document.body.append(button);
  });
  await page.click('#clipboard-probe');
  await expect(page.locator('body')).toHaveAttribute('data-copy', 'ok');
  expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe(
    'ack-sg-clipboard-probe',
  );
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
  // (devTools is on here: a development run. A packaged one has it off, see window.ts.)
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
  // Under plain Xvfb there is no window manager, so a window cannot be minimised there: on
  // Linux the second launch is checked without that step.
  if (process.platform !== 'linux') {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.minimize());
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isMinimized()),
      )
      .toBe(true);
  }

  expect(await runSecondInstance(dataDir)).toBe(0);
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

test('macOS: a second launch after the window was closed opens a window', async () => {
  test.skip(process.platform !== 'darwin', 'closing the last window quits on Windows and Linux');
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-info')).toBeVisible();
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
  await expect
    .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length))
    .toBe(0);
  expect(await runSecondInstance(dataDir)).toBe(0);
  await expect
    .poll(() =>
      app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
      ),
    )
    .toEqual(['app://guard/index.html']);
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
  // A size inside this display's work area (runners' screens can be as small as 1024x768), not
  // the default one, and not below the window's minimum (960x600).
  const area = await app.evaluate(({ screen }) => screen.getPrimaryDisplay().workArea);
  const want = [Math.min(1111, area.width - 40), Math.min(777, area.height - 40)] as const;
  expect(want[0]).toBeGreaterThanOrEqual(960);
  expect(want[1]).toBeGreaterThanOrEqual(600);
  await app.evaluate(
    ({ BrowserWindow }, [width, height]) =>
      BrowserWindow.getAllWindows()[0]!.setBounds({ width, height }),
    want,
  );
  await expect
    .poll(() =>
      app.evaluate(({ BrowserWindow }) => {
        const b = BrowserWindow.getAllWindows()[0]!.getBounds();
        return [b.width, b.height];
      }),
    )
    .toEqual([...want]);
  await app.close();
  const saved = JSON.parse(readFileSync(path.join(dataDir, 'window-state.json'), 'utf8')) as {
    width: number;
    height: number;
  };
  expect([saved.width, saved.height]).toEqual([...want]);
  expect(readFileSync(path.join(dataDir, 'logs', 'main.log'), 'utf8')).toMatch(/INFO {2}starting /);

  app = await launch(dataDir);
  await app.firstWindow();
  const size = await app.evaluate(({ BrowserWindow }) => {
    const b = BrowserWindow.getAllWindows()[0]!.getNormalBounds();
    return [b.width, b.height];
  });
  expect(size).toEqual([...want]);
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
