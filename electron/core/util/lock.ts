// A cross-process lock on a file, so the desktop app and the CLI (or two CLIs) cannot interleave
// read-modify-write cycles (the accounts file), prepare the same change of a cluster, or apply
// the same batch. The lock is a file created with O_EXCL holding who owns it. A lock whose owner
// died (same host, pid gone) or whose owner has not shown a sign of life for longer than any real
// hold is stale and broken by renaming it away first, so two processes cannot both break the same
// lock and each think they own the next one. Long holds (a batch being applied) beat a heartbeat
// into the file so that they are never judged stale while their owner lives.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { GuardError, message } from '../../contract';
import { sleep } from './sleep';

export interface LockOptions {
  /** Give up waiting after this long; 0 = do not wait (the first refusal is final). */
  timeoutMs?: number;
  /** A lock with no sign of life for longer than this is stale whoever holds it. */
  staleMs?: number;
  /** While held, refresh the lock's sign of life this often (holds longer than staleMs). */
  heartbeatMs?: number;
  /** Wall clock, injectable for tests of staleness. */
  now?: () => number;
  /** The error when the lock stays taken (default: a storage error about the accounts file). */
  busy?: (holder: LockOwner | null, path: string) => Error;
}

export interface LockOwner {
  pid: number;
  host: string;
  nonce: string;
  createdAt: number;
  /** Last sign of life of a long hold (heartbeatMs). */
  aliveAt?: number;
}

export interface HeldLock {
  /** True while the lock file is still ours (checked right before committing a write). */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<{ owner: LockOwner | null; raw: string } | null> {
  try {
    const raw = await fs.readFile(path, 'utf8');
    try {
      return { owner: JSON.parse(raw) as LockOwner, raw };
    } catch {
      // Half-written by a process that died between create and write.
      return { owner: null, raw };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isStale(owner: LockOwner | null, mtimeMs: number, now: number, staleMs: number): boolean {
  const age = now - (owner ? Math.max(owner.createdAt, owner.aliveAt ?? 0) : mtimeMs);
  if (age > staleMs) return true;
  if (owner && owner.host === os.hostname() && owner.pid !== process.pid)
    return !pidAlive(owner.pid);
  // An unreadable owner record younger than staleMs may still be being written.
  return false;
}

/** Writes a fresh sign of life into a lock we still own, in place. */
async function beat(path: string, me: LockOwner, now: () => number): Promise<void> {
  try {
    const current = await readOwner(path);
    if (current?.owner?.nonce !== me.nonce) return;
    // r+ never creates: a beat racing the release cannot bring a removed lock back.
    const handle = await fs.open(path, 'r+');
    try {
      const body = Buffer.from(JSON.stringify({ ...me, aliveAt: now() }));
      await handle.write(body, 0, body.length, 0);
      await handle.truncate(body.length);
    } finally {
      await handle.close();
    }
  } catch {
    // The next beat tries again; a lock that misses several is broken by others, as it should.
  }
}

/** Who holds a lock, in words for an error message. */
export function describeHolder(holder: LockOwner | null): string {
  return holder ? `process ${holder.pid} on ${holder.host}` : 'another process';
}

export async function acquireLock(path: string, options: LockOptions = {}): Promise<HeldLock> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 15_000;
  const now = options.now ?? Date.now;
  const started = Date.now();
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    nonce: randomBytes(12).toString('hex'),
    createdAt: now(),
  };
  const body = JSON.stringify(me);
  let lastOwner: LockOwner | null = null;
  // The folder may not exist yet (first run of the CLI on a machine where the app never ran).
  await fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await fs.open(path, 'wx', 0o600);
      try {
        await handle.writeFile(body);
        await handle.sync();
      } finally {
        await handle.close();
      }
      const heartbeat = options.heartbeatMs
        ? setInterval(() => void beat(path, me, now), options.heartbeatMs)
        : undefined;
      // A heartbeat must not keep a finished CLI process alive.
      heartbeat?.unref();
      return {
        async stillHeld() {
          const current = await readOwner(path);
          return current?.owner?.nonce === me.nonce;
        },
        async release() {
          clearInterval(heartbeat);
          const current = await readOwner(path);
          // Never delete a lock someone else took after ours was (wrongly) judged stale.
          if (current?.owner?.nonce === me.nonce) await fs.rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new GuardError(
          'storage',
          message('error.storage.lockFile', {
            path,
            code: (error as NodeJS.ErrnoException).code ?? 'error',
          }),
          { path },
        );
      }
    }
    const current = await readOwner(path);
    if (current) {
      lastOwner = current.owner;
      let mtimeMs = now();
      try {
        mtimeMs = (await fs.stat(path)).mtimeMs;
      } catch {
        // gone meanwhile: just retry
      }
      if (isStale(current.owner, mtimeMs, now(), staleMs)) {
        const aside = `${path}.stale-${randomBytes(6).toString('hex')}`;
        try {
          await fs.rename(path, aside);
          const moved = await fs.readFile(aside, 'utf8');
          if (moved !== current.raw) {
            // Someone broke it and re-locked between our read and rename: give theirs back.
            await fs.link(aside, path).catch(() => undefined);
          }
          await fs.rm(aside, { force: true });
        } catch {
          // Another process broke it first; fine, we retry.
        }
        continue;
      }
    }
    if (Date.now() - started >= timeoutMs) {
      if (options.busy) throw options.busy(lastOwner, path);
      const who = lastOwner ? ` (process ${lastOwner.pid} on ${lastOwner.host})` : '';
      throw new GuardError('storage', message('error.storage.accountsBusy', { who, path }), {
        path,
      });
    }
    await sleep(10 + Math.floor(Math.random() * 20) + Math.min(attempt, 10) * 5);
  }
}
