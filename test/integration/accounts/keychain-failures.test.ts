// The keychain unavailable in each way we know of: no session bus, a bus that leads
// nowhere, a locked keyring with no display, a keychain that never answers. Each gives a clear
// keychain error in bounded time, and nothing is half-saved (metadata without its secret or
// the reverse).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../../electron/contract';
import { KeyringSecretStore } from '../../../electron/core/accounts/keyring-store';
import { dispatch } from '../../../electron/core/dispatch';
import { DEMO } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { buildChild } from '../../unit/accounts/build-child';
import { HangingSecretStore, MemorySecretStore, tempDir } from '../../unit/accounts/fakes';
import { demoSecret, makeCore, secretToolLookup, startSim } from './helpers';

let sim: Simulator;
let child: string;

beforeAll(async () => {
  sim = await startSim();
  child = await buildChild(path.join(import.meta.dirname, 'cli-child.ts'), 'cli');
});
afterAll(() => sim?.stop());
afterEach(() => vi.restoreAllMocks());

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command with stdin, collecting everything; never rejects. */
function runWith(cmd: string, args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<Ran> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c) => (stdout += String(c)));
    p.stderr.on('data', (c) => (stderr += String(c)));
    const killer = setTimeout(() => p.kill('SIGKILL'), 40_000);
    p.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
    p.stdin.end(stdin);
  });
}

const addArgs = (dataDir: string, name = 'Retail') => [
  '--data-dir',
  dataDir,
  'accounts',
  'add',
  '--name',
  name,
  '--type',
  'access-key',
  '--access-key-id',
  DEMO.accessKeys.retailRoot,
  '--secret-stdin',
  '--endpoint',
  sim.url,
];

function accountsIn(dataDir: string): unknown[] {
  const file = path.join(dataDir, 'accounts.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).accounts as unknown[]) : [];
}

function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const n of names) delete env[n];
  return env;
}

describe('no Secret Service', () => {
  it('a session bus address that leads nowhere: clear error, exit 4, nothing saved', async () => {
    const dataDir = tempDir();
    const r = await runWith(
      process.execPath,
      [child, ...addArgs(dataDir)],
      { ...envWithout('DISPLAY'), DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/ack-sg-bus' },
      `${demoSecret(DEMO.accessKeys.retailRoot)}\n`,
    );
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/error \(keychain\): .*no D-Bus session/);
    expect(r.stderr).toContain('DBUS_SESSION_BUS_ADDRESS');
    expect(accountsIn(dataDir)).toEqual([]);
  });

  it('no session bus at all and no display: same, never a plain-text fallback', async () => {
    const dataDir = tempDir();
    const r = await runWith(
      process.execPath,
      [child, ...addArgs(dataDir)],
      envWithout('DBUS_SESSION_BUS_ADDRESS', 'DISPLAY'),
      `${demoSecret(DEMO.accessKeys.retailRoot)}\n`,
    );
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/keychain/);
    expect(accountsIn(dataDir)).toEqual([]);
    // Nothing anywhere in the data folder carries the secret.
    for (const f of await fs.readdir(dataDir))
      expect(readFileSync(path.join(dataDir, f), 'latin1')).not.toContain(
        demoSecret(DEMO.accessKeys.retailRoot),
      );
  });
});

describe('a locked keyring, no display', () => {
  // A private keyring home: created unlocked once, then used by sessions that start the
  // daemon WITHOUT unlocking it (what a desktop login without auto-unlock looks like).
  const home = tempDir('ack-sg-lockedhome-');
  const dataDir = tempDir();
  const env = {
    ...envWithout('DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'),
    HOME: home,
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
  };
  const session = (unlock: boolean, args: string[], stdin = '') =>
    runWith(
      'dbus-run-session',
      [
        '--',
        'bash',
        '-c',
        unlock
          ? 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"'
          : 'gnome-keyring-daemon --start --components=secrets >/dev/null; exec "$@"',
        'bash',
        process.execPath,
        child,
        '--data-dir',
        dataDir,
        ...args,
      ],
      env,
      stdin,
    );

  it('adding fails with "unlock it" advice and saves nothing', async () => {
    // Create the keyring (unlocked) and one account in it.
    const created = await session(
      true,
      addArgs(dataDir).slice(2),
      `${demoSecret(DEMO.accessKeys.retailRoot)}\n`,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(accountsIn(dataDir)).toHaveLength(1);

    const locked = await session(
      false,
      addArgs(dataDir, 'Second').slice(2),
      `${demoSecret(DEMO.accessKeys.retailRoot)}\n`,
    );
    expect(locked.code).toBe(4);
    expect(locked.stderr).toMatch(/error \(keychain\): .*keyring is locked.*Unlock it/);
    expect(accountsIn(dataDir)).toHaveLength(1);
  });

  it('removing fails and leaves the account and its secret in place', async () => {
    const locked = await session(false, ['accounts', 'remove', 'Retail']);
    expect(locked.code).toBe(4);
    expect(locked.stderr).toMatch(/keyring is locked/);
    expect(accountsIn(dataDir)).toHaveLength(1);
    // Unlocked again, the account still works: metadata and secret are both there.
    const tested = await session(true, ['accounts', 'test', 'Retail']);
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toContain(DEMO.accounts.retail.id);
  });

  it('using the account while locked says so instead of "secret missing"', async () => {
    const locked = await session(false, ['accounts', 'test', 'Retail']);
    expect(locked.code).toBe(4);
    expect(locked.stderr).toMatch(/keyring is locked/);
  });
});

describe('a keychain that does not answer', () => {
  it('times out every operation with advice and half-saves nothing', async () => {
    const store = new MemorySecretStore();
    const core = makeCore({ accounts: { secretStore: store, keychainTimeoutMs: 300 } });
    const add = (name: string) =>
      dispatch(core.api, 'accounts.add', {
        kind: 'access-key',
        name,
        accessKeyId: DEMO.accessKeys.retailRoot,
        accessKeySecret: demoSecret(DEMO.accessKeys.retailRoot),
        network: { endpoint: sim.url, proxy: 'http://u:proxy-pass-1@proxy.invalid:3128' },
      });
    const ok = await add('kept');
    expect(ok.ok).toBe(true);
    const kept = (ok as { value: { account: Account } }).value.account;

    store.failOn = { set: 'hang' };
    const timedOut = await add('never');
    expect(timedOut).toMatchObject({
      ok: false,
      error: { code: 'keychain', details: { reason: 'timeout' } },
    });
    expect((await core.api['accounts.list']({})).accounts.map((a) => a.name)).toEqual(['kept']);
    expect([...store.items.keys()]).toEqual([kept.id]);

    // Update of a secret: the old secret and the old metadata both stay.
    const before = store.items.get(kept.id);
    const upd = await dispatch(core.api, 'accounts.update', {
      id: kept.id,
      kind: kept.kind,
      network: { proxy: 'http://u:proxy-pass-2@proxy.invalid:3128' },
    });
    expect(upd).toMatchObject({ ok: false, error: { code: 'keychain' } });
    expect(store.items.get(kept.id)).toBe(before);

    // Remove: the keychain is asked first, so nothing is removed while it hangs.
    store.failOn = { get: 'hang' };
    const rm = await dispatch(core.api, 'accounts.remove', { id: kept.id });
    expect(rm).toMatchObject({
      ok: false,
      error: { code: 'keychain', details: { reason: 'timeout' } },
    });
    expect((await core.api['accounts.list']({})).accounts).toHaveLength(1);
    await core.dispose();
  });

  it('a store whose promises never settle at all is bounded too', async () => {
    const core = makeCore({
      accounts: { secretStore: new HangingSecretStore(), keychainTimeoutMs: 200 },
    });
    const r = await dispatch(core.api, 'accounts.add', {
      kind: 'access-key',
      name: 'x',
      accessKeyId: DEMO.accessKeys.retailRoot,
      accessKeySecret: demoSecret(DEMO.accessKeys.retailRoot),
      network: { endpoint: sim.url },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'keychain' } });
    expect((r as { error: { message: string } }).error.message).toMatch(/did not answer in time/);
    expect((await core.api['accounts.list']({})).accounts).toEqual([]);
  });
});

describe('metadata fails after the secret was written', () => {
  it('the secret is deleted again (real keychain)', async () => {
    const real = new KeyringSecretStore();
    const written: string[] = [];
    const core = makeCore({
      accounts: {
        secretStore: {
          get: (id) => real.get(id),
          set: async (id, s) => {
            written.push(id);
            await real.set(id, s);
          },
          delete: (id) => real.delete(id),
        },
      },
    });
    vi.spyOn(fs, 'rename').mockRejectedValueOnce(Object.assign(new Error('EIO'), { code: 'EIO' }));
    const r = await dispatch(core.api, 'accounts.add', {
      kind: 'access-key',
      name: 'half',
      accessKeyId: DEMO.accessKeys.retailRoot,
      accessKeySecret: demoSecret(DEMO.accessKeys.retailRoot),
      network: { endpoint: sim.url },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(written).toHaveLength(1);
    expect(await secretToolLookup(written[0]!)).toBeNull();
    expect((await core.api['accounts.list']({})).accounts).toEqual([]);
    await core.dispose();
  });
});
