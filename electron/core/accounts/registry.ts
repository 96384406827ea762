// The account metadata file (no secrets): one JSON document with a schema version in the data
// folder. Writes are atomic (temp file, fsync, rename, fsync of the folder) and happen under a
// cross-process lock as read-modify-write, so a concurrent writer cannot lose an account. A file
// that cannot be read is moved aside with a timestamp and reported, never silently replaced.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ACCOUNT_COLOURS, GuardError, message } from '../../contract';
import { acquireLock } from '../util/lock';
import type { LockOptions } from '../util/lock';
import type { StoredAccount } from './types';

export const ACCOUNTS_FILE = 'accounts.json';
export const SCHEMA_VERSION = 1;

const identity = z.object({
  accountId: z.string(),
  identityType: z.enum(['Account', 'RAMUser', 'AssumedRoleUser', 'Unknown']),
  arn: z.string(),
  checkedAt: z.string(),
});
const base = {
  id: z.string().min(1),
  name: z.string().min(1),
  colour: z.enum(ACCOUNT_COLOURS),
  regions: z.array(z.string()).nullable(),
  network: z.object({
    endpoint: z.string().nullable(),
    proxy: z.string().nullable(),
    proxyHasPassword: z.boolean(),
    caBundlePath: z.string().nullable(),
  }),
  identity: identity.nullable(),
  demo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
const storedAccount = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('access-key'), accessKeyId: z.string() }),
  z.object({
    ...base,
    kind: z.literal('sts-token'),
    accessKeyId: z.string(),
    expiration: z.string(),
  }),
  z.object({
    ...base,
    kind: z.literal('ram-role'),
    sourceAccountId: z.string(),
    roleArn: z.string(),
    sessionName: z.string(),
    durationSeconds: z.number().int(),
    externalId: z.string().nullable(),
  }),
]);
const fileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  accounts: z.array(storedAccount),
});

export interface RegistryOptions {
  lock?: LockOptions;
  now?: () => number;
}

type Parsed = { ok: true; accounts: StoredAccount[] } | { ok: false; why: string };

function parseFile(text: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, why: 'it is not valid JSON' };
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    // Not corrupt: written by a newer version. Leave it exactly where it is.
    throw new GuardError(
      'storage',
      message('error.storage.accountsNewer', { version, supported: SCHEMA_VERSION }),
      { schemaVersion: version },
    );
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, why: 'its contents do not have the expected shape' };
  const ids = new Set<string>();
  for (const account of parsed.data.accounts) {
    if (ids.has(account.id)) return { ok: false, why: `account id ${account.id} appears twice` };
    ids.add(account.id);
  }
  return { ok: true, accounts: parsed.data.accounts as StoredAccount[] };
}

/** `2026-01-31T12-00-00-000Z`: sortable and valid in file names on every OS. */
const fileStamp = (ms: number): string => new Date(ms).toISOString().replace(/[:.]/g, '-');

export class AccountRegistry {
  readonly file: string;
  private readonly lockFile: string;

  constructor(
    readonly dataDir: string,
    private readonly options: RegistryOptions = {},
  ) {
    this.file = path.join(dataDir, ACCOUNTS_FILE);
    this.lockFile = `${this.file}.lock`;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The last good parse, and the identity of the file it came from. */
  private cache: { key: string; accounts: StoredAccount[] } | null = null;
  /** The stat under way: concurrent readers (every cloud call asks for its account) share it. */
  private statting: Promise<string | null> | null = null;

  /**
   * Reads the accounts. Needs no lock: the file is only ever replaced whole, by rename, so a new
   * inode means new contents. Every cloud call asks for its account, so an unchanged file (same
   * inode, size and mtime) is answered from the last parse instead of read and validated again;
   * an edit by another process (the CLI) is still seen at once.
   */
  async read(): Promise<StoredAccount[]> {
    return structuredClone(await this.parsed()) as StoredAccount[];
  }

  /**
   * One account, or undefined. What every cloud call asks: it copies that account only, not the
   * whole list (at 100 accounts a copy of every account per call was most of a refresh's CPU).
   */
  async find(accountId: string): Promise<StoredAccount | undefined> {
    const account = (await this.parsed()).find((a) => a.id === accountId);
    return account && structuredClone(account);
  }

  /** The file's identity; one stat at a time however many callers ask meanwhile. */
  private identity(): Promise<string | null> {
    if (this.statting) return this.statting;
    const statting = fs.stat(this.file).then(
      (st) => `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`,
      () => null,
    );
    this.statting = statting;
    void statting.finally(() => {
      if (this.statting === statting) this.statting = null;
    });
    return statting;
  }

  /** The current parse, shared: callers copy what they hand out (read, find). */
  private async parsed(): Promise<readonly StoredAccount[]> {
    const key = await this.identity();
    if (key !== null && this.cache?.key === key) return this.cache.accounts;
    const text = await this.readText();
    if (text === null) return [];
    const parsed = parseFile(text);
    if (parsed.ok) {
      if (key !== null) this.cache = { key, accounts: parsed.accounts };
      return parsed.accounts;
    }
    // Move it aside under the lock, and only if it is still the same bad file.
    const release = await this.lock();
    try {
      const again = await this.readText();
      if (again !== null && again === text) this.throwCorrupt(await this.moveAside(), parsed.why);
    } finally {
      await release();
    }
    return this.parsed();
  }

  /**
   * Read-modify-write under the lock. `mutate` gets a copy of the current accounts and returns
   * the new list and a result; it must be quick and local (no network, no keychain).
   */
  async update<T>(
    mutate: (accounts: StoredAccount[]) => { accounts: StoredAccount[]; result: T },
  ): Promise<T> {
    for (;;) {
      const lock = await acquireLock(this.lockFile, this.options.lock);
      try {
        const text = await this.readText();
        let current: StoredAccount[] = [];
        if (text !== null) {
          const parsed = parseFile(text);
          if (!parsed.ok) this.throwCorrupt(await this.moveAside(), parsed.why);
          else current = parsed.accounts;
        }
        const { accounts, result } = mutate(structuredClone(current));
        // Our lock may have been broken as stale (a very slow disk); then start over rather
        // than overwrite another writer's result.
        if (!(await lock.stillHeld())) continue;
        await this.writeAtomic({ schemaVersion: SCHEMA_VERSION, accounts });
        // A stat begun before the rename must not answer a read that starts after it.
        this.statting = null;
        return result;
      } finally {
        await lock.release();
      }
    }
  }

  private async lock(): Promise<() => Promise<void>> {
    const held = await acquireLock(this.lockFile, this.options.lock);
    return () => held.release();
  }

  private async readText(): Promise<string | null> {
    try {
      return await fs.readFile(this.file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new GuardError(
        'storage',
        message('error.storage.accountsUnreadable', { file: this.file, code: code ?? 'error' }),
        { path: this.file },
      );
    }
  }

  private async moveAside(): Promise<string> {
    const aside = `${this.file}.corrupt-${fileStamp(this.now())}`;
    await fs.rename(this.file, aside);
    return aside;
  }

  private throwCorrupt(movedTo: string, why: string): never {
    throw new GuardError(
      'storage',
      message('error.storage.accountsCorrupt', { file: this.file, why, movedTo }),
      { path: this.file, movedTo },
    );
  }

  private async writeAtomic(document: unknown): Promise<void> {
    const temp = `${this.file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(document, null, 2)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, this.file);
      await syncDir(this.dataDir);
    } catch (error) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      if (error instanceof GuardError) throw error;
      throw new GuardError(
        'storage',
        message('error.storage.accountsUnwritable', {
          file: this.file,
          code: (error as NodeJS.ErrnoException).code ?? 'error',
        }),
        { path: this.file },
      );
    }
  }
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync; NTFS journals it. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
