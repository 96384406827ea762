// A cross-process lock on a file, so the desktop app and the CLI (or two CLIs) cannot interleave
// read-modify-write cycles and lose an account. The lock is a file created with O_EXCL holding
// who owns it. A lock whose owner died (same host, pid gone) or that is far older than any real
// hold (holds last milliseconds) is stale and broken by renaming it away first, so two processes
// cannot both break the same lock and each think they own the next one.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { GuardError } from '../../contract';
import { sleep } from '../util/sleep';

export interface LockOptions {
  /** Give up waiting after this long. */
  timeoutMs?: number;
  /** A lock older than this is stale whoever holds it. */
  staleMs?: number;
  /** Wall clock, injectable for tests of staleness. */
  now?: () => number;
}

interface LockOwner {
  pid: number;
  host: string;
  nonce: string;
  createdAt: number;
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
  const age = now - (owner?.createdAt ?? mtimeMs);
  if (age > staleMs) return true;
  if (owner && owner.host === os.hostname() && owner.pid !== process.pid)
    return !pidAlive(owner.pid);
  // An unreadable owner record younger than staleMs may still be being written.
  return false;
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
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await fs.open(path, 'wx', 0o600);
      try {
        await handle.writeFile(body);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return {
        async stillHeld() {
          const current = await readOwner(path);
          return current?.owner?.nonce === me.nonce;
        },
        async release() {
          const current = await readOwner(path);
          // Never delete a lock someone else took after ours was (wrongly) judged stale.
          if (current?.owner?.nonce === me.nonce) await fs.rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new GuardError(
          'storage',
          `Cannot create the lock file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check that the data folder is writable.`,
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
      const who = lastOwner ? ` (process ${lastOwner.pid} on ${lastOwner.host})` : '';
      throw new GuardError(
        'storage',
        `Another ACK Secret Guard process${who} is still writing the accounts file; try again in a moment. If no other copy is running, delete ${path}.`,
        { path },
      );
    }
    await sleep(10 + Math.floor(Math.random() * 20) + Math.min(attempt, 10) * 5);
  }
}
