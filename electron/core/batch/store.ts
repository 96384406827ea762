// Batches on disk: <dataDir>/batches/<batchId>.json, one file per batch, rewritten atomically
// (writeFileAtomic) at every step so that a crash leaves the previous step or the next, never a
// torn file. Writes of one batch are queued: the last one written is always the newest state.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { GuardError } from '../../contract';
import type { BatchView } from '../../contract/types/batch';
import { writeFileAtomic } from '../util/atomic-file';

export const BATCH_DIR = 'batches';
export const BATCH_SCHEMA = 1;

/** What the file holds beside the view: which audit entries were written. */
export interface BatchMeta {
  auditedApplied: boolean;
  auditedEnded: boolean;
}

export interface BatchFile {
  schema: typeof BATCH_SCHEMA;
  batch: BatchView;
  meta: BatchMeta;
}

const ID = /^[A-Za-z0-9-]{1,64}$/;

function parse(text: string, file: string): BatchFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${path.basename(file)} is not valid JSON`);
  }
  const v = value as Partial<BatchFile> | null;
  if (typeof v !== 'object' || v === null) throw new Error(`${path.basename(file)} is not a batch`);
  if (v.schema !== BATCH_SCHEMA) {
    throw new Error(
      `${path.basename(file)} has schema ${String(v.schema)}; this version reads ${BATCH_SCHEMA} (written by another version of the app?)`,
    );
  }
  const b = v.batch;
  if (
    typeof b !== 'object' ||
    b === null ||
    typeof b.batchId !== 'string' ||
    !Array.isArray(b.items) ||
    typeof b.state !== 'string'
  ) {
    throw new Error(`${path.basename(file)} is not a batch`);
  }
  return {
    schema: BATCH_SCHEMA,
    batch: b,
    meta: { auditedApplied: false, auditedEnded: false, ...v.meta },
  };
}

export class BatchStore {
  readonly dir: string;
  private readonly queues = new Map<string, Promise<void>>();
  /** Set on dispose: a process shutting down writes nothing more (its successor may have begun). */
  private frozen = false;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, BATCH_DIR);
  }

  fileOf(batchId: string): string {
    if (!ID.test(batchId)) throw new GuardError('validation', `"${batchId}" is not a batch id.`);
    return path.join(this.dir, `${batchId}.json`);
  }

  /** The cross-process lock held by the process that applies the batch. */
  lockFileOf(batchId: string): string {
    return `${this.fileOf(batchId).slice(0, -'.json'.length)}.lock`;
  }

  /** Queues a write of the state as it is when the write runs (so the newest state wins). */
  save(batchId: string, current: () => BatchFile): Promise<void> {
    const previous = this.queues.get(batchId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        if (this.frozen) return;
        try {
          await writeFileAtomic(this.fileOf(batchId), `${JSON.stringify(current(), null, 2)}\n`);
        } catch (error) {
          throw new GuardError(
            'storage',
            `The batch file ${this.fileOf(batchId)} cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}). Free disk space or fix permissions.`,
          );
        }
      });
    this.queues.set(batchId, next);
    void next.finally(() => {
      if (this.queues.get(batchId) === next) this.queues.delete(batchId);
    });
    return next;
  }

  async load(batchId: string): Promise<BatchFile> {
    const file = this.fileOf(batchId);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new GuardError('not-found', `No batch ${batchId}. See: batch.list`, { batchId });
      throw new GuardError('storage', `The batch file ${file} cannot be read.`, { batchId });
    }
    try {
      return parse(text, file);
    } catch (error) {
      throw new GuardError(
        'storage',
        `The batch file ${file} cannot be used: ${(error as Error).message}.`,
        {
          batchId,
        },
      );
    }
  }

  /** Every readable batch file; unreadable ones are reported, never deleted. */
  async loadAll(): Promise<{ files: BatchFile[]; problems: string[] }> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], problems: [] };
      throw error;
    }
    const files: BatchFile[] = [];
    const problems: string[] = [];
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
      const file = path.join(this.dir, name);
      try {
        files.push(parse(await readFile(file, 'utf8'), file));
      } catch (error) {
        problems.push(`${name}: ${(error as Error).message}; kept as it is.`);
      }
    }
    return { files, problems };
  }

  /** Waits for queued writes, then refuses further ones. */
  async freeze(): Promise<void> {
    await Promise.allSettled([...this.queues.values()]);
    this.frozen = true;
  }
}
