// The metadata file: atomic replacement, corrupt files kept aside and reported, files from a
// newer version left alone, and concurrent writers (in-process and real child processes) that
// cannot lose each other's accounts.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GuardError } from '../../../electron/contract';
import { acquireLock } from '../../../electron/core/util/lock';
import { AccountRegistry, SCHEMA_VERSION } from '../../../electron/core/accounts/registry';
import type { StoredAccount } from '../../../electron/core/accounts/types';
import { buildChild } from './build-child';
import { tempDir } from './fakes';

const run = promisify(execFile);

function account(id: string, name = id): StoredAccount {
  const stamp = '2026-01-01T00:00:00.000Z';
  return {
    id,
    name,
    kind: 'access-key',
    accessKeyId: 'LTAI5tUnitTestKey0001',
    colour: 'blue',
    regions: null,
    network: { endpoint: null, proxy: null, proxyHasPassword: false, caBundlePath: null },
    identity: null,
    demo: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

const append = (registry: AccountRegistry, a: StoredAccount) =>
  registry.update((accounts) => ({ accounts: [...accounts, a], result: undefined }));

afterEach(() => vi.restoreAllMocks());

describe('AccountRegistry', () => {
  it('starts empty and round-trips accounts with a schema version', async () => {
    const dir = tempDir();
    const registry = new AccountRegistry(dir);
    expect(await registry.read()).toEqual([]);
    await append(registry, account('a'));
    const doc = JSON.parse(readFileSync(registry.file, 'utf8'));
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(await registry.read()).toEqual([account('a')]);
    // Only the file itself: no temp file and no lock left behind.
    expect(readdirSync(dir)).toEqual(['accounts.json']);
    if (process.platform !== 'win32')
      expect((await fs.stat(registry.file)).mode & 0o777).toBe(0o600);
  });

  it('answers an unchanged file from its last parse, and sees another writer at once', async () => {
    const dir = tempDir();
    const mine = new AccountRegistry(dir);
    const theirs = new AccountRegistry(dir); // another process: the CLI
    await append(mine, account('a'));
    const readFile = vi.spyOn(fs, 'readFile');
    expect(await mine.read()).toEqual([account('a')]);
    const first = readFile.mock.calls.length;
    expect(first).toBeGreaterThan(0); // the spy does see reads
    const copy = await mine.read();
    expect(readFile.mock.calls.length).toBe(first); // not read again
    copy[0]!.name = 'mutated by a caller';
    expect((await mine.read())[0]!.name).toBe('a'); // callers get copies
    await append(theirs, account('b'));
    expect((await mine.read()).map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('finds one account as a copy, with one stat for callers that ask at once', async () => {
    const dir = tempDir();
    const registry = new AccountRegistry(dir);
    await append(registry, account('a'));
    await append(registry, account('b'));
    expect(await registry.find('b')).toEqual(account('b'));
    expect(await registry.find('nope')).toBeUndefined();
    const found = (await registry.find('a'))!;
    found.name = 'mutated by a caller';
    expect((await registry.find('a'))!.name).toBe('a');

    // Every cloud call asks for its account: 50 calls at once share one stat.
    const stat = vi.spyOn(fs, 'stat');
    const answers = await Promise.all(Array.from({ length: 50 }, () => registry.find('b')));
    expect(answers.every((a) => a?.id === 'b')).toBe(true);
    expect(stat.mock.calls.length).toBe(1);

    // A stat begun before our own write (held here until the write is done) does not answer a
    // read that starts after it.
    const before = await fs.stat(registry.file);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    stat.mockImplementationOnce((async () => {
      await held;
      return before;
    }) as unknown as typeof fs.stat);
    const stale = registry.find('a');
    await registry.update((accounts) => ({
      accounts: accounts.map((x) => (x.id === 'a' ? { ...x, name: 'renamed' } : x)),
      result: undefined,
    }));
    const after = registry.find('a');
    release();
    expect((await stale)!.name).toBe('a');
    expect((await after)!.name).toBe('renamed');
  });

  it('replaces the file by rename: a failed write leaves the previous version intact', async () => {
    const dir = tempDir();
    const registry = new AccountRegistry(dir);
    await append(registry, account('a'));
    const before = readFileSync(registry.file, 'utf8');
    const rename = vi
      .spyOn(fs, 'rename')
      .mockRejectedValueOnce(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    const error = await append(registry, account('b')).catch((e: unknown) => e);
    expect(rename).toHaveBeenCalled();
    expect(error).toBeInstanceOf(GuardError);
    expect(error).toMatchObject({ code: 'storage', details: { path: registry.file } });
    expect(readFileSync(registry.file, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['accounts.json']);
  });

  it('fsyncs the temp file before the rename', async () => {
    const registry = new AccountRegistry(tempDir());
    const order: string[] = [];
    const realOpen = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await realOpen(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        order.push(`sync:${path.basename(String(args[0]))}`);
        return sync();
      };
      return handle;
    });
    const realRename = fs.rename.bind(fs);
    vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      order.push('rename');
      return realRename(from, to);
    });
    await append(registry, account('a'));
    const renameAt = order.indexOf('rename');
    expect(
      order
        .slice(0, renameAt)
        .some((o) => o.startsWith('sync:accounts.json.') && o.endsWith('.tmp')),
    ).toBe(true);
    // …and the folder after it, so the rename itself survives a power cut.
    expect(order.slice(renameAt)).toContain(`sync:${path.basename(registry.dataDir)}`);
  });

  it('moves a corrupt file aside with a timestamp and reports where', async () => {
    const dir = tempDir();
    const registry = new AccountRegistry(dir, {
      now: () => Date.parse('2026-03-04T05:06:07.089Z'),
    });
    writeFileSync(registry.file, '{"schemaVersion":1,"accounts":[{"id":');
    const error = (await registry.read().catch((e: unknown) => e)) as GuardError;
    expect(error).toBeInstanceOf(GuardError);
    expect(error.code).toBe('storage');
    const movedTo = path.join(dir, 'accounts.json.corrupt-2026-03-04T05-06-07-089Z');
    expect(error.details).toEqual({ path: registry.file, movedTo });
    expect(error.message).toContain(movedTo);
    expect(readFileSync(movedTo, 'utf8')).toBe('{"schemaVersion":1,"accounts":[{"id":');
    // Not silently replaced: the bad copy stays, the list starts empty, writing works again.
    expect(await registry.read()).toEqual([]);
    await append(registry, account('a'));
    expect(existsSync(movedTo)).toBe(true);
  });

  it('treats valid JSON of the wrong shape as corrupt too, also inside an update', async () => {
    const dir = tempDir();
    const registry = new AccountRegistry(dir);
    writeFileSync(registry.file, JSON.stringify({ schemaVersion: 1, accounts: [{ id: 'x' }] }));
    await expect(append(registry, account('a'))).rejects.toMatchObject({ code: 'storage' });
    expect(readdirSync(dir).some((f) => f.startsWith('accounts.json.corrupt-'))).toBe(true);
    expect(existsSync(registry.file)).toBe(false);
  });

  it('leaves a file from a newer version untouched', async () => {
    const dir = tempDir();
    const registry = new AccountRegistry(dir);
    const text = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, accounts: [], future: true });
    writeFileSync(registry.file, text);
    await expect(registry.read()).rejects.toMatchObject({ code: 'storage' });
    await expect(append(registry, account('a'))).rejects.toMatchObject({ code: 'storage' });
    expect(readFileSync(registry.file, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['accounts.json']);
  });

  it('two independent registry instances racing lose nothing', async () => {
    const dir = tempDir();
    const one = new AccountRegistry(dir);
    const two = new AccountRegistry(dir);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => append(i % 2 ? one : two, account(`acc-${i}`))),
    );
    const ids = (await one.read()).map((a) => a.id).sort();
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => `acc-${i}`).sort());
  });

  it('real child processes writing at once lose nothing', async () => {
    const dir = tempDir();
    const child = await buildChild(path.join(import.meta.dirname, 'registry-child.ts'), 'registry');
    const writers = ['p1', 'p2', 'p3', 'p4'];
    const outputs = await Promise.all(
      writers.map((w) => run(process.execPath, [child, dir, w, '15'], { timeout: 60_000 })),
    );
    expect(outputs.map((o) => o.stdout.trim())).toEqual(writers.map(() => 'done'));
    const accounts = await new AccountRegistry(dir).read();
    expect(accounts).toHaveLength(60);
    for (const w of writers)
      for (let i = 0; i < 15; i += 1) expect(accounts.some((a) => a.id === `${w}-${i}`)).toBe(true);
  }, 60_000);
});

describe('lock', () => {
  it('breaks a lock left by a process that died', async () => {
    const lockFile = path.join(tempDir(), 'x.lock');
    // A pid that cannot be alive: far above pid_max.
    writeFileSync(
      lockFile,
      JSON.stringify({ pid: 2 ** 30, host: os.hostname(), nonce: 'dead', createdAt: Date.now() }),
    );
    const lock = await acquireLock(lockFile, { timeoutMs: 2000 });
    expect(await lock.stillHeld()).toBe(true);
    await lock.release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('breaks a lock older than the stale limit, whoever held it', async () => {
    const lockFile = path.join(tempDir(), 'x.lock');
    writeFileSync(
      lockFile,
      JSON.stringify({
        pid: process.pid,
        host: 'elsewhere',
        nonce: 'old',
        createdAt: Date.now() - 60_000,
      }),
    );
    const lock = await acquireLock(lockFile, { timeoutMs: 2000, staleMs: 15_000 });
    await lock.release();
  });

  it('waits for a live holder and then reports who holds it', async () => {
    const lockFile = path.join(tempDir(), 'x.lock');
    const held = await acquireLock(lockFile);
    const error = await acquireLock(lockFile, { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage' });
    expect((error as Error).message).toContain(`process ${process.pid}`);
    await held.release();
    const next = await acquireLock(lockFile, { timeoutMs: 1000 });
    await next.release();
  });

  it('never deletes a lock it no longer owns', async () => {
    const lockFile = path.join(tempDir(), 'x.lock');
    const held = await acquireLock(lockFile);
    writeFileSync(
      lockFile,
      JSON.stringify({
        pid: process.pid,
        host: os.hostname(),
        nonce: 'someone-else',
        createdAt: Date.now(),
      }),
    );
    expect(await held.stillHeld()).toBe(false);
    await held.release();
    expect(existsSync(lockFile)).toBe(true);
  });

  it("with timeoutMs 0 refuses at once with the caller's error", async () => {
    const lockFile = path.join(tempDir(), 'x.lock');
    const held = await acquireLock(lockFile);
    const error = await acquireLock(lockFile, {
      timeoutMs: 0,
      busy: (holder) => new Error(`busy: ${holder?.pid}`),
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`busy: ${process.pid}`);
    await held.release();
  });

  it('a held lock with a heartbeat is not judged stale by its age', async () => {
    const lockFile = path.join(tempDir(), 'x.lock');
    let clock = Date.now();
    const held = await acquireLock(lockFile, { heartbeatMs: 10, now: () => clock });
    clock += 60_000; // a minute later its heartbeat has written a fresh sign of life
    await vi.waitFor(() => {
      const owner = JSON.parse(readFileSync(lockFile, 'utf8')) as { aliveAt?: number };
      expect(owner.aliveAt).toBe(clock);
    });
    // As if another host looked (no pid check): still alive by its heartbeat.
    const error = await acquireLock(lockFile, {
      timeoutMs: 0,
      staleMs: 15_000,
      now: () => clock,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage' });
    await held.release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('creates the folder of the lock file when it is missing (first run)', async () => {
    const lockFile = path.join(tempDir(), 'not', 'yet', 'x.lock');
    const held = await acquireLock(lockFile, { timeoutMs: 0 });
    await held.release();
  });
});
