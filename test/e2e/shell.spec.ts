import { expect, test } from './fixtures';

test.describe('app shell', () => {
  test('shows app.info through the bridge and switches language', async ({
    page,
    server,
    dataDir,
    bridgeCalls,
  }) => {
    const consoleErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    await page.goto(`${server.url}/`);

    // The preload ran: window.guard exists, is frozen, and exposes exactly invoke + on.
    const shape = await page.evaluate(() => ({
      keys: Object.keys(window.guard ?? {}).sort(),
      frozen: Object.isFrozen(window.guard),
    }));
    expect(shape).toEqual({ keys: ['invoke', 'on'], frozen: true });

    await page.getByRole('radio', { name: 'EN' }).click();
    const info = page.getByTestId('app-info');
    await expect(info.locator('[data-field="version"]')).toHaveText('0.1.0-e2e');
    await expect(info.locator('[data-field="dataDir"]')).toHaveText(dataDir);
    await expect(info.locator('[data-field="secretStore"]')).toContainText('Secret Service');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No accounts yet');
    expect(bridgeCalls.names).toContain('app.info');
    await page.screenshot({ path: 'test-results/screens/shell-en.png', fullPage: true });

    await page.getByRole('radio', { name: '中文' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('还没有账号');
    await expect(info.locator('dt').first()).toHaveText('版本');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.screenshot({ path: 'test-results/screens/shell-zh-CN.png', fullPage: true });

    expect(consoleErrors).toEqual([]);
  });

  test('the bridge refuses operations that are not in the contract', async ({
    page,
    server,
    bridgeCalls,
  }) => {
    await page.goto(`${server.url}/`);
    const reply = await page.evaluate(() =>
      (window.guard as unknown as { invoke: (n: string) => Promise<unknown> }).invoke(
        'accounts.dumpSecrets',
      ),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(bridgeCalls.names).not.toContain('accounts.dumpSecrets');
  });

  test('core events reach renderer listeners without the transport event object', async ({
    page,
    server,
    core,
  }) => {
    await page.goto(`${server.url}/`);
    await page.evaluate(() => {
      const seen: unknown[][] = [];
      (window as unknown as { __seen: unknown[][] }).__seen = seen;
      window.guard?.on('app.notice', (...args: unknown[]) => seen.push(args));
    });
    core.events.emit('app.notice', { level: 'info', message: 'hello', at: '2026-11-29T00:00:00Z' });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __seen: unknown[][] }).__seen))
      .toEqual([[{ level: 'info', message: 'hello', at: '2026-11-29T00:00:00Z' }]]);
  });
});
