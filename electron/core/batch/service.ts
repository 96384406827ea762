// Batches, as the contract sees them: plan, apply, pause, cancel, get, list, and resume after a
// restart. Each ready cluster's change goes through OperationsService.start (item-runner.ts), at
// most `concurrency` at once across the batch (scheduler.ts). Every step of every item is saved
// before it is acted on (book.ts), so after a restart a batch left applying picks up where it
// was: changes already started are followed (re-attached through the operation journal), never
// started again.
import { randomBytes } from 'node:crypto';
import { GuardError } from '../../contract';
import type { BatchView } from '../../contract/types/batch';
import type { AuditRecorder } from '../audit/recorder';
import type { CoreContext } from '../context';
import type { Clock } from '../util/clock';
import { BatchBook } from './book';
import { transition } from './item-state';
import type { Held } from './book';
import { ItemRunner } from './item-runner';
import type { BatchOperations, ItemRunnerOptions } from './item-runner';
import { planBatch } from './plan';
import type { PlanDeps, PlanRequest } from './plan';
import { BatchScheduler, DEFAULT_CONCURRENCY } from './scheduler';
import type { BatchStore } from './store';

export type { BatchOperations } from './item-runner';
export { DEFAULT_CONCURRENCY } from './scheduler';

export interface BatchDeps extends Pick<PlanDeps, 'clusters' | 'checks' | 'listKeys'> {
  /** The account's cloud clock (an item waits out the cooldown in it). */
  clockFor: (accountId: string) => Clock;
  operations: BatchOperations;
  /** Writes the batch's audit entries (applied, ended). */
  audit?: Pick<AuditRecorder, 'batch'>;
}

export interface BatchOptions extends ItemRunnerOptions {
  /** Checklists at once while planning. */
  planConcurrency?: number;
}

/** Sortable and readable: batch-20250101-120000-a1b2c3. */
export function newBatchId(now: number): string {
  const stamp = new Date(now)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace('T', '-')
    .replace(/\..*$/, '');
  return `batch-${stamp}-${randomBytes(3).toString('hex')}`;
}

function endedConflict(batchId: string, view: BatchView): GuardError {
  return new GuardError(
    'conflict',
    `Batch ${batchId} has ended (${view.result}). Plan a new one to change the clusters it left.`,
    { batchId },
  );
}

export class BatchService {
  private readonly book: BatchBook;
  private readonly items: ItemRunner;
  private readonly scheduler: BatchScheduler;

  constructor(
    private readonly ctx: CoreContext,
    private readonly deps: BatchDeps,
    private readonly options: BatchOptions = {},
  ) {
    this.book = new BatchBook(ctx);
    this.items = new ItemRunner(ctx, this.book, deps, options);
    this.scheduler = new BatchScheduler(ctx, this.book, this.items, deps.audit);
  }

  get store(): BatchStore {
    return this.book.store;
  }

  private assertOpen(): void {
    if (this.book.disposed) throw new GuardError('internal', 'The app is shutting down.');
  }

  private async auditApplied(h: Held): Promise<void> {
    if (h.meta.auditedApplied || !this.deps.audit) return;
    await this.deps.audit.batch(structuredClone(h.view), 'requested');
    h.meta.auditedApplied = true;
    await this.book.persist(h);
  }

  async plan(request: PlanRequest): Promise<BatchView> {
    this.assertOpen();
    const now = this.ctx.now();
    const view = await planBatch(request, newBatchId(now), {
      ...this.deps,
      now: this.ctx.now,
      ...(this.options.planConcurrency ? { concurrency: this.options.planConcurrency } : {}),
    });
    const h: Held = { view, meta: { auditedApplied: false, auditedEnded: false }, runner: null };
    this.book.held.set(view.batchId, h);
    this.book.emit(h);
    await this.book.persist(h);
    return structuredClone(view);
  }

  async apply(input: { batchId: string; concurrency?: number }): Promise<BatchView> {
    this.assertOpen();
    const h = await this.book.hold(input.batchId);
    const state = h.view.state;
    if (state === 'ended') throw endedConflict(input.batchId, h.view);
    // Already applying here (a double click, a second window): nothing more to start.
    if ((state === 'applying' || state === 'cancelling') && h.runner)
      return structuredClone(h.view);
    await this.book.claim(h);
    if (h.view.state === 'ended') {
      await this.book.unclaim(h);
      throw endedConflict(input.batchId, h.view);
    }
    const concurrency = input.concurrency ?? h.view.concurrency ?? DEFAULT_CONCURRENCY;
    if (h.view.state === 'planned' || h.view.state === 'paused') {
      await this.book.change(h, (view) => {
        view.state = 'applying';
        if (!h.runner) view.concurrency = concurrency;
        view.appliedAt ??= new Date(this.ctx.now()).toISOString();
      });
    }
    await this.auditApplied(h);
    this.scheduler.run(h, h.view.concurrency ?? concurrency);
    return structuredClone(h.view);
  }

  async pause(batchId: string): Promise<BatchView> {
    const h = await this.book.hold(batchId);
    // Applied elsewhere: only its applier may change it (else both write the file).
    const borrowed = !h.runner;
    if (borrowed) await this.book.claim(h);
    try {
      return await this.pauseHeld(h, batchId);
    } finally {
      if (borrowed && !h.runner) await this.book.unclaim(h);
    }
  }

  private async pauseHeld(h: Held, batchId: string): Promise<BatchView> {
    if (h.view.state === 'planned' || h.view.state === 'ended') {
      throw new GuardError(
        'conflict',
        `Batch ${batchId} is ${h.view.state === 'planned' ? 'not being applied' : 'over'}; there is nothing to pause.`,
        { batchId },
      );
    }
    if (h.view.state === 'applying') {
      // Queued items find the batch paused when their turn comes and stay pending; changes
      // under way go on to their end.
      await this.book.change(h, (view) => {
        view.state = 'paused';
      });
      this.scheduler.maybeFinish(h);
    }
    return structuredClone(h.view);
  }

  async cancel(batchId: string): Promise<BatchView> {
    const h = await this.book.hold(batchId);
    if (h.view.state === 'ended') return structuredClone(h.view);
    if (!h.runner) {
      await this.book.claim(h);
      if ((h.view.state as BatchView['state']) === 'ended') {
        await this.book.unclaim(h);
        return structuredClone(h.view);
      }
    }
    this.scheduler.dropTimers(h);
    const at = this.ctx.now();
    await this.book.change(h, (view) => {
      view.state = 'cancelling';
      view.items = view.items.map((i) =>
        i.state === 'pending' ? transition(i, { type: 'cancel', at }) : i,
      );
    });
    // Changes under way (perhaps left by a previous run) are followed to their end.
    this.scheduler.run(h, h.view.concurrency ?? DEFAULT_CONCURRENCY);
    return structuredClone(h.view);
  }

  async get(batchId: string): Promise<BatchView> {
    const known = this.book.held.get(batchId);
    if (known) return structuredClone(known.view);
    return (await this.book.store.load(batchId)).batch;
  }

  async list(): Promise<{ batches: BatchView[]; problems: string[] }> {
    const { files, problems } = await this.book.store.loadAll();
    const views = files.map((f) => this.book.held.get(f.batch.batchId)?.view ?? f.batch);
    for (const h of this.book.held.values())
      if (!views.some((v) => v.batchId === h.view.batchId)) views.push(h.view);
    return {
      batches: views
        .map((v) => structuredClone(v))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      problems,
    };
  }

  /**
   * Picks up batches a previous run left applying or cancelling (app start, `batch apply --id`):
   * changes they started are followed again, the rest goes on. Paused batches stay paused.
   */
  async resume(): Promise<number> {
    this.assertOpen();
    // Unfinished changes are followed first, so that re-attaching finds their followers.
    await this.deps.operations.resume().catch(() => 0);
    const { files } = await this.book.store.loadAll();
    let resumed = 0;
    for (const file of files) {
      const { state, batchId } = file.batch;
      if (state !== 'applying' && state !== 'cancelling') continue;
      const h = this.book.held.get(batchId) ?? { view: file.batch, meta: file.meta, runner: null };
      this.book.held.set(batchId, h);
      if (h.runner) continue;
      try {
        await this.book.claim(h);
      } catch {
        continue; // another live process applies it
      }
      if (h.view.state !== 'applying' && h.view.state !== 'cancelling') {
        await this.book.unclaim(h);
        continue;
      }
      await this.auditApplied(h);
      this.scheduler.run(h, h.view.concurrency ?? DEFAULT_CONCURRENCY);
      resumed += 1;
    }
    return resumed;
  }

  /**
   * Resolves when the batch has ended, or is paused with nothing under way here (CLI, tests).
   */
  async settled(batchId: string): Promise<BatchView> {
    return this.scheduler.settled(await this.book.hold(batchId));
  }

  async dispose(): Promise<void> {
    this.book.disposed = true;
    this.scheduler.stopTimers();
    // A start in flight finishes and its operation id is saved; after that nothing is written,
    // so a successor process (or test) on the same folder sees a stable file.
    await Promise.allSettled([...this.items.inflight]);
    await this.book.store.freeze();
    // Frozen: a successor may take the batches over now.
    await Promise.allSettled([...this.book.held.values()].map((h) => this.book.unclaim(h)));
    this.scheduler.releaseWaiters();
  }
}
