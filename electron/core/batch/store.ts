// Batches on disk: <dataDir>/batches/<batchId>.json, one file per batch, rewritten atomically
// (writeFileAtomic) at every step so that a crash leaves the previous step or the next, never a
// torn file. Writes of one batch are queued: the last one written is always the newest state.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { GuardError, messageOf } from '../../contract';
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

// What a batch file must hold for every reader (list, show, apply) to work on it: checked field
// by field, so that one mistyped file is reported and skipped instead of breaking `batch list`.
const time = z.string().refine((t) => !Number.isNaN(Date.parse(t)), 'not a time');
const text = z.string().max(10_000);
// A reason's sentences (absent in batches planned before messages: those keep only the text).
const words = z.array(
  z.object({
    key: text,
    params: z.record(z.string(), z.union([text, z.number(), z.boolean(), z.null()])).optional(),
  }),
);
const itemSchema = z.object({
  clusterId: text,
  clusterName: text,
  accountId: text,
  accountName: text,
  regionId: text,
  status: z.enum(['ready', 'skipped']),
  reasons: z.array(text),
  notes: z.array(text),
  reasonMessages: z.array(words).optional(),
  noteMessages: z.array(words).optional(),
  checklist: z.object({ ready: z.boolean() }).nullable(),
  state: z.enum(['pending', 'running', 'succeeded', 'failed', 'skipped', 'cancelled']),
  operationId: text.nullable(),
  attempts: z.number().int().min(0),
  attemptedAt: time.nullable(),
  waitingUntil: time.nullable(),
  endedAt: time.nullable(),
  outcome: z.enum(['succeeded', 'failed', 'rejected', 'timed-out', 'unknown']).nullable(),
  error: z.object({ code: text, message: text, messages: words.optional() }).nullable(),
});
const batchSchema = z.object({
  batchId: z.string().regex(ID),
  createdAt: time,
  action: z.enum(['enable', 'disable']),
  keyId: text.nullable(),
  scope: z.object({}),
  state: z.enum(['planned', 'applying', 'paused', 'cancelling', 'ended']),
  concurrency: z.number().int().min(1).max(10).nullable(),
  appliedAt: time.nullable(),
  endedAt: time.nullable(),
  result: z.enum(['succeeded', 'failed', 'cancelled']).nullable(),
  items: z.array(itemSchema),
  counts: z.object({}),
  problems: z.array(text),
  problemMessages: z.array(words).optional(),
});

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
  const checked = batchSchema.safeParse(v.batch);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const where = issue.path.map(String).join('.') || 'batch';
    throw new Error(`${path.basename(file)} is not a batch (batch.${where}: ${issue.message})`);
  }
  return {
    schema: BATCH_SCHEMA,
    batch: v.batch as BatchView,
    meta: {
      auditedApplied: v.meta?.auditedApplied === true,
      auditedEnded: v.meta?.auditedEnded === true,
    },
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
        `The batch file ${file} cannot be used: ${messageOf(error)}.`,
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
        problems.push(`${name}: ${messageOf(error)}; kept as it is.`);
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
