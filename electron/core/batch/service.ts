// Applying batches. Each ready cluster's change goes through OperationsService.start (which
// re-runs its checklist, journals and follows it), at most `concurrency` at once across the
// batch. Every step of every item is saved before it is acted on, so after a restart a batch
// left applying picks up where it was: changes already started are followed (re-attached through
// the operation journal), never started again.
import { randomBytes } from 'node:crypto';
import { GuardError } from '../../contract';
import type { BatchItem, BatchView } from '../../contract/types/batch';
import type { Checklist } from '../../contract/types/checks';
import type { OperationView } from '../../contract/types/operations';
import { COOLDOWN_MS } from '../checks/cluster';
import { CloudError } from '../cloud/errors';
import type { CoreContext } from '../context';
import type { ChangeRequest } from '../operations/service';
import type { Clock } from '../util/clock';
import { Limiter } from '../util/limiter';
import { acquireLock, describeHolder } from '../util/lock';
import type { HeldLock } from '../util/lock';
import { sleep } from '../util/sleep';
import type { BatchAuditPhase } from './audit';
import { batchResult, countItems, transition } from './item-state';
import type { ItemEvent } from './item-state';
import { blockingFailures, planBatch } from './plan';
import type { PlanDeps, PlanRequest } from './plan';
import { BATCH_SCHEMA, BatchStore } from './store';
import type { BatchMeta } from './store';

/** What a batch needs of the operations domain (OperationsService has it all). */
export interface BatchOperations {
  start(request: ChangeRequest): Promise<OperationView>;
  waitFor(operationId: string): Promise<OperationView>;
  list(filter?: {
    clusterId?: string;
    activeOnly?: boolean;
  }): Promise<{ operations: OperationView[]; problems: string[] }>;
  resume(): Promise<number>;
}

export interface BatchDeps extends Pick<PlanDeps, 'clusters' | 'checks'> {
  /** The account's cloud clock (an item waits out the cooldown in it). */
  clockFor: (accountId: string) => Clock;
  operations: BatchOperations;
  /** Writes the batch's audit entries (applied, ended). */
  audit?: (view: BatchView, phase: BatchAuditPhase) => Promise<void>;
}

export interface BatchOptions {
  /** How many times an item refused inside the cooldown waits and tries again (default 3). */
  cooldownRetries?: number;
  /** How often a change followed by someone else (another process) is looked at (default 1 s). */
  reattachPollMs?: number;
  /** Checklists at once while planning. */
  planConcurrency?: number;
}

export const DEFAULT_CONCURRENCY = 3;

/** A batch this process knows, and its scheduler while it is being applied here. */
interface Held {
  view: BatchView;
  meta: BatchMeta;
  runner: Runner | null;
  /** The cross-process lock of this batch, held while this process applies it. */
  lock?: HeldLock | null;
  /** Its release, still under way (a claim right after waits for it). */
  releasing?: Promise<void>;
}

/** The lock holder refreshes its sign of life this often; silent for STALE_MS = taken over. */
const LOCK_HEARTBEAT_MS = 5_000;
const LOCK_STALE_MS = 60_000;

interface Runner {
  limiter: Limiter;
  /** Items queued, running, or waiting on a timer: the batch is idle at 0. */
  outstanding: number;
  scheduled: Set<string>;
  timers: Map<string, NodeJS.Timeout>;
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

export class BatchService {
  readonly store: BatchStore;
  private readonly held = new Map<string, Held>();
  /** Starts in flight (with the save of their outcome): dispose waits for them. */
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly settleWaiters = new Map<string, (() => void)[]>();
  private disposed = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly deps: BatchDeps,
    private readonly options: BatchOptions = {},
  ) {
    this.store = new BatchStore(ctx.dataDir);
  }

  // --- state, saved and announced at every step ---------------------------------------------

  private emit(h: Held): void {
    this.ctx.events.emit('batch.progress', structuredClone(h.view));
  }

  private persist(h: Held): Promise<void> {
    return this.store.save(h.view.batchId, () => ({
      schema: BATCH_SCHEMA,
      batch: h.view,
      meta: h.meta,
    }));
  }

  private change(h: Held, mutate: (view: BatchView) => void): Promise<void> {
    mutate(h.view);
    h.view.counts = countItems(h.view.items);
    this.emit(h);
    return this.persist(h);
  }

  private item(h: Held, clusterId: string): BatchItem {
    const item = h.view.items.find((i) => i.clusterId === clusterId);
    if (!item) throw new Error(`batch ${h.view.batchId} has no item ${clusterId}`);
    return item;
  }

  private step(h: Held, clusterId: string, event: ItemEvent): Promise<void> {
    return this.change(h, (view) => {
      view.items = view.items.map((i) => (i.clusterId === clusterId ? transition(i, event) : i));
    });
  }

  private async hold(batchId: string): Promise<Held> {
    const known = this.held.get(batchId);
    if (known) return known;
    const file = await this.store.load(batchId);
    const raced = this.held.get(batchId);
    if (raced) return raced;
    const h: Held = { view: file.batch, meta: file.meta, runner: null };
    this.held.set(batchId, h);
    return h;
  }

  /**
   * Takes the batch's cross-process lock (the app and a CLI, or two `batch apply --id`, must not
   * both apply it), or throws a conflict at once. Once held, the file is read again: another
   * process may have moved the batch on since this one last looked.
   */
  private async claim(h: Held): Promise<void> {
    if (h.lock) return;
    await h.releasing;
    const batchId = h.view.batchId;
    h.lock = await acquireLock(this.store.lockFileOf(batchId), {
      timeoutMs: 0,
      staleMs: LOCK_STALE_MS,
      heartbeatMs: LOCK_HEARTBEAT_MS,
      busy: (holder) =>
        new GuardError(
          'conflict',
          `Batch ${batchId} is being applied by another ACK Secret Guard window or command (${describeHolder(holder)}). Follow, pause or cancel it there, or wait until it ends.`,
          { batchId },
        ),
    });
    if (h.runner) return;
    try {
      const file = await this.store.load(batchId);
      h.view = file.batch;
      h.meta = file.meta;
    } catch {
      // Not on disk yet (just planned here, the save still queued): what we hold is newest.
    }
  }

  private async unclaim(h: Held): Promise<void> {
    const lock = h.lock;
    h.lock = null;
    if (!lock) return h.releasing;
    h.releasing = lock.release().catch(() => undefined);
    await h.releasing;
  }

  private assertOpen(): void {
    if (this.disposed) throw new GuardError('internal', 'The app is shutting down.');
  }

  // --- the contract ---------------------------------------------------------------------------

  async plan(request: PlanRequest): Promise<BatchView> {
    this.assertOpen();
    const now = this.ctx.now();
    const view = await planBatch(request, newBatchId(now), {
      ...this.deps,
      now: this.ctx.now,
      ...(this.options.planConcurrency ? { concurrency: this.options.planConcurrency } : {}),
    });
    const h: Held = { view, meta: { auditedApplied: false, auditedEnded: false }, runner: null };
    this.held.set(view.batchId, h);
    this.emit(h);
    await this.persist(h);
    return structuredClone(view);
  }

  async apply(input: { batchId: string; concurrency?: number }): Promise<BatchView> {
    this.assertOpen();
    const h = await this.hold(input.batchId);
    const state = h.view.state;
    if (state === 'ended') {
      throw new GuardError(
        'conflict',
        `Batch ${input.batchId} has ended (${h.view.result}). Plan a new one to change the clusters it left.`,
        { batchId: input.batchId },
      );
    }
    // Already applying here (a double click, a second window): nothing more to start.
    if ((state === 'applying' || state === 'cancelling') && h.runner)
      return structuredClone(h.view);
    await this.claim(h);
    if (h.view.state === 'ended') {
      await this.unclaim(h);
      throw new GuardError(
        'conflict',
        `Batch ${input.batchId} has ended (${h.view.result}). Plan a new one to change the clusters it left.`,
        { batchId: input.batchId },
      );
    }
    const concurrency = input.concurrency ?? h.view.concurrency ?? DEFAULT_CONCURRENCY;
    if (h.view.state === 'planned' || h.view.state === 'paused') {
      await this.change(h, (view) => {
        view.state = 'applying';
        if (!h.runner) view.concurrency = concurrency;
        view.appliedAt ??= new Date(this.ctx.now()).toISOString();
      });
    }
    await this.auditApplied(h);
    this.run(h, h.view.concurrency ?? concurrency);
    return structuredClone(h.view);
  }

  async pause(batchId: string): Promise<BatchView> {
    const h = await this.hold(batchId);
    // Applied elsewhere: only its applier may change it (else both write the file).
    const borrowed = !h.runner;
    if (borrowed) await this.claim(h);
    try {
      return await this.pauseHeld(h, batchId);
    } finally {
      if (borrowed && !h.runner) await this.unclaim(h);
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
      await this.change(h, (view) => {
        view.state = 'paused';
      });
      this.maybeFinish(h);
    }
    return structuredClone(h.view);
  }

  async cancel(batchId: string): Promise<BatchView> {
    const h = await this.hold(batchId);
    if (h.view.state === 'ended') return structuredClone(h.view);
    if (!h.runner) {
      await this.claim(h);
      if ((h.view.state as BatchView['state']) === 'ended') {
        await this.unclaim(h);
        return structuredClone(h.view);
      }
    }
    for (const [clusterId, timer] of h.runner?.timers ?? []) {
      clearTimeout(timer);
      h.runner!.timers.delete(clusterId);
      h.runner!.scheduled.delete(clusterId);
      h.runner!.outstanding -= 1;
    }
    const at = this.ctx.now();
    await this.change(h, (view) => {
      view.state = 'cancelling';
      view.items = view.items.map((i) =>
        i.state === 'pending' ? transition(i, { type: 'cancel', at }) : i,
      );
    });
    // Changes under way (perhaps left by a previous run) are followed to their end.
    this.run(h, h.view.concurrency ?? DEFAULT_CONCURRENCY);
    return structuredClone(h.view);
  }

  async get(batchId: string): Promise<BatchView> {
    const known = this.held.get(batchId);
    if (known) return structuredClone(known.view);
    return (await this.store.load(batchId)).batch;
  }

  async list(): Promise<{ batches: BatchView[]; problems: string[] }> {
    const { files, problems } = await this.store.loadAll();
    const views = files.map((f) => this.held.get(f.batch.batchId)?.view ?? f.batch);
    for (const h of this.held.values())
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
    const { files } = await this.store.loadAll();
    let resumed = 0;
    for (const file of files) {
      const { state, batchId } = file.batch;
      if (state !== 'applying' && state !== 'cancelling') continue;
      const h = this.held.get(batchId) ?? { view: file.batch, meta: file.meta, runner: null };
      this.held.set(batchId, h);
      if (h.runner) continue;
      try {
        await this.claim(h);
      } catch {
        continue; // another live process applies it
      }
      if (h.view.state !== 'applying' && h.view.state !== 'cancelling') {
        await this.unclaim(h);
        continue;
      }
      await this.auditApplied(h);
      this.run(h, h.view.concurrency ?? DEFAULT_CONCURRENCY);
      resumed += 1;
    }
    return resumed;
  }

  /**
   * Resolves when the batch has ended, or is paused with nothing under way here (CLI, tests).
   */
  async settled(batchId: string): Promise<BatchView> {
    const h = await this.hold(batchId);
    if (!this.isBusy(h)) return structuredClone(h.view);
    await new Promise<void>((resolve) => {
      this.settleWaiters.set(batchId, [...(this.settleWaiters.get(batchId) ?? []), resolve]);
    });
    return structuredClone(h.view);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const h of this.held.values()) {
      for (const timer of h.runner?.timers.values() ?? []) clearTimeout(timer);
    }
    // A start in flight finishes and its operation id is saved; after that nothing is written,
    // so a successor process (or test) on the same folder sees a stable file.
    await Promise.allSettled([...this.inflight]);
    await this.store.freeze();
    // Frozen: a successor may take the batches over now.
    await Promise.allSettled([...this.held.values()].map((h) => this.unclaim(h)));
    for (const waiters of this.settleWaiters.values()) for (const w of waiters) w();
    this.settleWaiters.clear();
  }

  // --- the scheduler --------------------------------------------------------------------------

  private isBusy(h: Held): boolean {
    if (h.view.state === 'ended' || h.view.state === 'planned') return false;
    return h.runner !== null;
  }

  private async auditApplied(h: Held): Promise<void> {
    if (h.meta.auditedApplied || !this.deps.audit) return;
    await this.deps.audit(structuredClone(h.view), 'requested');
    h.meta.auditedApplied = true;
    await this.persist(h);
  }

  /** Schedules every item that needs this process: changes under way first, then the rest. */
  private run(h: Held, concurrency: number): void {
    if (this.disposed || h.view.state === 'ended') return;
    h.runner ??= {
      limiter: new Limiter(Math.min(Math.max(concurrency, 1), 10)),
      outstanding: 0,
      scheduled: new Set(),
      timers: new Map(),
    };
    const runner = h.runner;
    for (const item of h.view.items)
      if (item.state === 'running' && !runner.scheduled.has(item.clusterId))
        this.schedule(h, item.clusterId, 0);
    if (h.view.state === 'applying') {
      const now = this.ctx.now();
      for (const item of h.view.items) {
        if (item.state !== 'pending' || runner.scheduled.has(item.clusterId)) continue;
        const wait = item.waitingUntil ? Date.parse(item.waitingUntil) - now : 0;
        this.schedule(h, item.clusterId, Math.max(0, wait));
      }
    }
    this.maybeFinish(h);
  }

  private schedule(h: Held, clusterId: string, delayMs: number): void {
    const runner = h.runner!;
    runner.scheduled.add(clusterId);
    runner.outstanding += 1;
    const go = () => {
      runner.timers.delete(clusterId);
      void runner.limiter
        .run(() => this.runItem(h, clusterId))
        .catch((error: unknown) => this.unexpected(h, clusterId, error))
        .then((retryInMs) => {
          runner.scheduled.delete(clusterId);
          runner.outstanding -= 1;
          if (typeof retryInMs === 'number' && !this.disposed && h.runner === runner)
            this.schedule(h, clusterId, retryInMs);
          this.maybeFinish(h);
        });
    };
    if (delayMs > 0) runner.timers.set(clusterId, setTimeout(go, delayMs));
    else go();
  }

  /** Ends the batch once nothing is left to do, or lets the runner go idle while paused. */
  private maybeFinish(h: Held): void {
    const runner = h.runner;
    if (!runner || runner.outstanding > 0 || this.disposed) return;
    if (h.view.items.some((i) => i.state === 'running')) return;
    if (h.view.state === 'cancelling' && h.view.items.some((i) => i.state === 'pending')) {
      // An item that went back to waiting (a cooldown, a start that never happened) after the
      // cancel: it will not start now.
      const at = this.ctx.now();
      void this.change(h, (view) => {
        view.items = view.items.map((i) =>
          i.state === 'pending' ? transition(i, { type: 'cancel', at }) : i,
        );
      }).catch((error: unknown) => this.unexpected(h, null, error));
    }
    const pending = h.view.items.some((i) => i.state === 'pending');
    if (pending && h.view.state === 'applying') return;
    h.runner = null;
    if (pending) {
      void this.unclaim(h);
      this.notifySettled(h); // paused, with nothing under way
      return;
    }
    void this.finish(h)
      .catch((error: unknown) => this.unexpected(h, null, error))
      .finally(() => (h.runner ? undefined : this.unclaim(h)));
  }

  private async finish(h: Held): Promise<void> {
    // Two paths can reach here for one batch (the last item's turn, and a cancel's own run);
    // the second must not end it again, or its result would be recomputed as if not cancelled.
    if (h.view.state === 'ended') return this.notifySettled(h);
    const cancelled = h.view.state === 'cancelling';
    await this.change(h, (view) => {
      view.state = 'ended';
      view.endedAt = new Date(this.ctx.now()).toISOString();
      view.result = batchResult(view.items, cancelled);
    });
    if (h.meta.auditedApplied && !h.meta.auditedEnded && this.deps.audit) {
      await this.deps.audit(structuredClone(h.view), 'ended');
      h.meta.auditedEnded = true;
      await this.persist(h);
    }
    this.notifySettled(h);
  }

  private notifySettled(h: Held): void {
    const waiters = this.settleWaiters.get(h.view.batchId) ?? [];
    this.settleWaiters.delete(h.view.batchId);
    for (const w of waiters) w();
  }

  private unexpected(h: Held, clusterId: string | null, error: unknown): null {
    const message = error instanceof Error ? error.message : String(error);
    this.ctx.events.emit('app.notice', {
      level: 'error',
      message: `Batch ${h.view.batchId}${clusterId ? `, cluster ${clusterId}` : ''}: ${message}`,
      at: new Date(this.ctx.now()).toISOString(),
    });
    // An item whose start never got an answer cannot stay running forever in this process.
    const item = clusterId ? h.view.items.find((i) => i.clusterId === clusterId) : undefined;
    if (item && !this.disposed && item.state === 'running' && item.operationId === null) {
      void this.step(h, item.clusterId, {
        type: 'fail',
        at: this.ctx.now(),
        error: { code: 'Internal', message },
      }).catch(() => undefined);
    }
    return null;
  }

  /** One turn of an item; a number asks for another turn after that many ms. */
  private async runItem(h: Held, clusterId: string): Promise<number | null> {
    if (this.disposed) return null;
    const item = this.item(h, clusterId);
    if (item.state === 'running') return this.reattach(h, item);
    if (item.state !== 'pending' || h.view.state !== 'applying') return null;
    const wait = item.waitingUntil ? Date.parse(item.waitingUntil) - this.ctx.now() : 0;
    if (wait > 0) return wait;
    const started = this.startItem(h, item);
    this.inflight.add(started);
    try {
      const outcome = await started;
      return outcome.operationId
        ? await this.follow(h, clusterId, outcome.operationId)
        : outcome.retry;
    } finally {
      this.inflight.delete(started);
    }
  }

  private async startItem(
    h: Held,
    item: BatchItem,
  ): Promise<{ operationId: string | null; retry: number | null }> {
    const { clusterId } = item;
    // Saved before the start: after a crash, "running without an operation" sends us to the
    // journal to learn whether the start got as far as the cloud.
    await this.step(h, clusterId, { type: 'start', at: this.ctx.now() });
    if (this.disposed) {
      await this.step(h, clusterId, { type: 'restore' });
      return { operationId: null, retry: null };
    }
    let view: OperationView;
    try {
      view = await this.deps.operations.start({
        clusterId,
        action: h.view.action,
        accountId: item.accountId,
        // The key id the plan resolved for this cluster (what the user approved), else the
        // plan's own reference (the checklist before the start resolves it again).
        ...(h.view.action === 'enable' && (item.keyId ?? h.view.keyId)
          ? { keyId: item.keyId ?? h.view.keyId! }
          : {}),
      });
    } catch (error) {
      return { operationId: null, retry: await this.refused(h, clusterId, error) };
    }
    await this.step(h, clusterId, { type: 'started', operationId: view.operationId });
    return { operationId: view.operationId, retry: null };
  }

  /** A start that did not happen: wait for the cooldown, skip, or fail the item. */
  private async refused(h: Held, clusterId: string, error: unknown): Promise<number | null> {
    const item = this.item(h, clusterId);
    const at = this.ctx.now();
    const clock = this.deps.clockFor(item.accountId);
    const margin = Math.max(50, 5_000 / clock.scale);
    const fullCooldown = COOLDOWN_MS / clock.scale;
    let waitMs: number | null = null;
    if (error instanceof GuardError && error.code === 'checklist-not-ready') {
      const checklist = error.details?.checklist as Checklist | undefined;
      const blocking = checklist ? blockingFailures(checklist) : [];
      if (!checklist || blocking.length > 0) {
        await this.step(h, clusterId, {
          type: 'skip',
          at,
          reasons: checklist ? blocking.map((c) => `${c.id}: ${c.summary}`) : [error.message],
        });
        return null;
      }
      const seconds = checklist.checks.find((c) => c.id === 'cluster.cooldown')?.evidence
        .waitSeconds;
      waitMs = Math.min(typeof seconds === 'number' ? seconds * 1000 : fullCooldown, fullCooldown);
    } else if (error instanceof CloudError && error.cloud.httpStatus === 409) {
      // The cloud's own cooldown (a change it knows of and our checklist did not).
      waitMs = fullCooldown;
    }
    if (waitMs !== null) {
      const retries = this.options.cooldownRetries ?? 3;
      if (item.attempts > retries) {
        await this.step(h, clusterId, {
          type: 'fail',
          at,
          error: {
            code: 'CooldownNotOver',
            message: `Still inside the 5-minute cooldown after ${item.attempts} tries: ${error instanceof Error ? error.message : String(error)}`,
          },
        });
        return null;
      }
      await this.step(h, clusterId, { type: 'wait', until: at + waitMs + margin });
      // Paused or cancelled meanwhile: no timer (a resume reschedules it, a cancel ends it).
      return h.view.state === 'applying' ? waitMs + margin : null;
    }
    const code =
      error instanceof CloudError
        ? (error.cloud.cloudCode ?? error.kind)
        : error instanceof GuardError
          ? error.code
          : 'Internal';
    await this.step(h, clusterId, {
      type: 'fail',
      at,
      error: { code, message: error instanceof Error ? error.message : String(error) },
    });
    return null;
  }

  /** An item found running when scheduled: left by a previous run of this batch. */
  private async reattach(h: Held, item: BatchItem): Promise<number | null> {
    if (item.operationId) return this.follow(h, item.clusterId, item.operationId);
    // The start was tried but its answer never saved. The journal records the intent before
    // UpdateKMSEncryption is called: no intent since the try means nothing reached the cloud.
    const attemptedAt = Date.parse(item.attemptedAt ?? '') || 0;
    const { operations } = await this.deps.operations.list({ clusterId: item.clusterId });
    const found = operations
      .filter((o) => o.action === h.view.action && Date.parse(o.startedAt) >= attemptedAt)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt))[0];
    if (!found) {
      await this.step(h, item.clusterId, { type: 'restore' });
      return h.view.state === 'applying' ? 0 : null;
    }
    await this.step(h, item.clusterId, { type: 'started', operationId: found.operationId });
    return this.follow(h, item.clusterId, found.operationId);
  }

  /** Waits for the item's change to end; across a restart the journal's follower is used. */
  private async follow(h: Held, clusterId: string, operationId: string): Promise<null> {
    const ops = this.deps.operations;
    for (;;) {
      if (this.disposed) return null;
      let view: OperationView;
      try {
        view = await ops.waitFor(operationId);
      } catch (error) {
        if (this.disposed) return null;
        await this.step(h, clusterId, {
          type: 'ended',
          at: this.ctx.now(),
          outcome: 'unknown',
          error: {
            code: 'OperationNotFound',
            message: `The operation journal has no record of ${operationId}: ${error instanceof Error ? error.message : String(error)}`,
          },
        });
        return null;
      }
      if (view.phase === 'ended') {
        if (this.disposed) return null;
        await this.step(h, clusterId, {
          type: 'ended',
          at: view.endedAt ? Date.parse(view.endedAt) : this.ctx.now(),
          outcome: view.outcome ?? 'unknown',
          error: view.error ? { code: view.error.code, message: view.error.message } : null,
        });
        return null;
      }
      // Not followed in this process (yet): another process follows it, or the resume of the
      // journal is still picking it up. Look again shortly.
      await sleep(this.options.reattachPollMs ?? 1_000);
      if (this.disposed) return null;
      await ops.resume().catch(() => 0);
    }
  }
}
