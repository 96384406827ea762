import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_BOUNDS, formatMessage } from '../../../electron/contract';
import { dispatch } from '../../../electron/core/dispatch';
import { createCore } from '../../../electron/core/service';
import { SettingsStore } from '../../../electron/core/settings/store';
import { Limiter } from '../../../electron/core/util/limiter';
import { CloudLimits } from '../../../electron/core/cloud/session';
import { MemorySecretStore } from '../accounts/fakes';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'ack-sg-settings-'));

describe('settings', () => {
  it('starts from the defaults, and an update is kept on disk', async () => {
    const dataDir = dir();
    const store = new SettingsStore(dataDir);
    expect(store.current).toEqual(DEFAULT_SETTINGS);
    await store.update({ cloud: { concurrencyPerAccount: 4 } });
    expect(new SettingsStore(dataDir).current.cloud).toEqual({
      concurrency: DEFAULT_SETTINGS.cloud.concurrency,
      concurrencyPerAccount: 4,
    });
  });

  it('moves an unreadable file aside, uses the defaults and says so', () => {
    const dataDir = dir();
    writeFileSync(
      path.join(dataDir, 'settings.json'),
      '{"settings": {"cloud": {"concurrency": -3}}}',
    );
    const store = new SettingsStore(dataDir);
    expect(store.current).toEqual(DEFAULT_SETTINGS);
    expect(formatMessage(store.problem!)).toMatch(/moved to .*settings\.json\.unreadable-/);
    expect(existsSync(path.join(dataDir, 'settings.json'))).toBe(false);
    expect(readdirSync(dataDir).some((f) => f.startsWith('settings.json.unreadable-'))).toBe(true);
  });

  it('through the contract: validated, applied to the cloud limits at once, notice for a bad file', async () => {
    const dataDir = dir();
    writeFileSync(path.join(dataDir, 'settings.json'), 'not json');
    const core = createCore({
      dataDir,
      version: 't',
      accounts: { secretStore: new MemorySecretStore() },
    });
    try {
      const info = await core.api['app.info']({});
      expect(info.notices.map((n) => n.message).join()).toMatch(/could not be read/);
      expect(
        await dispatch(core.api, 'settings.update', { cloud: { concurrency: 2 } }),
      ).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
      const reply = await dispatch(core.api, 'settings.update', {
        cloud: { concurrency: 16, concurrencyPerAccount: 2 },
      });
      expect(reply).toMatchObject({
        ok: true,
        value: { cloud: { concurrency: 16, concurrencyPerAccount: 2 } },
      });
      expect(core.context.cloudLimits.globalLimit).toBe(16);
      expect(core.context.cloudLimits.forAccount('x').limit).toBe(2);
      // The bound leaves room above the default (800, a 100-account refresh's share).
      const max = SETTINGS_BOUNDS.concurrency.max;
      expect(max).toBeGreaterThan(DEFAULT_SETTINGS.cloud.concurrency);
      expect(
        await dispatch(core.api, 'settings.update', { cloud: { concurrency: max } }),
      ).toMatchObject({ ok: true });
      expect(core.context.cloudLimits.globalLimit).toBe(max);
      expect(
        await dispatch(core.api, 'settings.update', { cloud: { concurrency: max + 1 } }),
      ).toMatchObject({ ok: false, error: { code: 'validation' } });
    } finally {
      await core.dispose();
    }
  });
});

describe('Limiter.setLimit', () => {
  it('lets waiters in when raised, and drains to a lower limit', async () => {
    const limiter = new Limiter(1);
    const release: (() => void)[] = [];
    let running = 0;
    let peak = 0;
    const task = () =>
      limiter.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => release.push(r));
        running -= 1;
      });
    const all = Promise.all([task(), task(), task()]);
    await Promise.resolve();
    expect(running).toBe(1);
    limiter.setLimit(3);
    await new Promise((r) => setTimeout(r, 0));
    expect(running).toBe(3);
    limiter.setLimit(1);
    release.splice(0).forEach((r) => r());
    await all;
    expect(peak).toBe(3);
  });
});

describe('the shipped cloud limits', () => {
  it('let a 20-account refresh run every account at its own limit at once', async () => {
    // The overall limit guards this machine; a refresh of 20 accounts must not queue on it
    // (with 128 overall, 160 calls waited on each other).
    const limits = new CloudLimits();
    const release: (() => void)[] = [];
    let running = 0;
    let peak = 0;
    const call = (account: number) =>
      limits.forAccount(`account-${account}`).run(() =>
        limits.global.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise<void>((r) => release.push(r));
          running -= 1;
        }),
      );
    const calls = Array.from({ length: 20 * 10 }, (_, i) => call(i % 20));
    await new Promise((r) => setTimeout(r, 0));
    expect(running).toBe(20 * limits.accountLimit);
    while (release.length > 0) {
      release.splice(0).forEach((r) => r());
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(calls);
    expect(peak).toBe(20 * limits.accountLimit);
    expect(limits.accountLimit).toBe(8);
  });
});
