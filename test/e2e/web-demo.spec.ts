// `npm run demo:web` as a user meets it: the BUILT server (out/web-demo/index.js) started as a
// child process, the address it prints opened in Chromium, and the demo fleet on screen, with
// its bridge over HTTP and Server-Sent Events instead of Electron IPC. This spec uses Playwright's
// own `test`, not ./fixtures: no test bridge is installed, the page's own script must do it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const SERVER = path.resolve('out/web-demo/index.js');

let child: ChildProcess | undefined;
let url = '';

test.beforeAll(async () => {
  if (!existsSync(SERVER))
    throw new Error(
      'out/web-demo/index.js is missing: run `npm run build` before the browser tests.',
    );
  child = spawn(process.execPath, [SERVER], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  url = await new Promise<string>((resolve, reject) => {
    child!.stdout!.setEncoding('utf8');
    child!.stderr!.setEncoding('utf8');
    child!.stderr!.on('data', (chunk: string) => (output += chunk));
    child!.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const found = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child!.on('exit', (code) =>
      reject(new Error(`demo:web exited (${code}) before printing its address:\n${output}`)),
    );
  });
  // One readable line with the address.
  expect(output.split('\n').filter((line) => line.includes(url))).toHaveLength(1);
});

test.afterAll(async () => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child!.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
});

test('the printed address shows the demo fleet in the browser, answered over HTTP and SSE', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  await page.goto(url);
  await expect(page.getByTestId('demo-badge')).toBeVisible({ timeout: 30_000 });
  const rows = page.getByTestId('cluster-table').locator('[role="row"][data-cluster-id]');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  // The refresh's progress arrives as events over the stream; when it ends the strip goes.
  await expect(page.getByTestId('refresh-progress')).toHaveCount(0, { timeout: 30_000 });
  expect(await rows.count()).toBeGreaterThan(1);
  await page.screenshot({ path: 'test-results/screens/web-demo-fleet.png' });

  // The token left the address bar; the cookie carries it, so a reload still works.
  expect(new URL(page.url()).search).toBe('');
  await page.reload();
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  // The page got the preload's bridge, frozen, with nothing else of the transport on window.
  expect(
    await page.evaluate(() => {
      const guard = (window as unknown as { guard?: object }).guard;
      return guard ? [Object.isFrozen(guard), Object.keys(guard).sort().join(',')] : null;
    }),
  ).toEqual([true, 'invoke,on']);
  // An event reaches a listener in the page over the stream, through the preload's bridge.
  const event = await page.evaluate(async () => {
    type Bridge = {
      invoke(name: string): Promise<{ ok: boolean }>;
      on(name: string, listener: (payload: unknown) => void): () => void;
    };
    const guard = (window as unknown as { guard: Bridge }).guard;
    const updated = new Promise<unknown>((resolve) => {
      const off = guard.on('fleet.updated', (payload) => {
        off();
        resolve(payload);
      });
    });
    const reply = await guard.invoke('fleet.refresh');
    return { ok: reply.ok, payload: await updated };
  });
  expect(event).toMatchObject({ ok: true, payload: { failures: 0 } });
  expect(errors).toEqual([]);
});

test('the same address without its token is refused', async ({ page }) => {
  const response = await page.goto(new URL(url).origin + '/');
  expect(response?.status()).toBe(403);
});
