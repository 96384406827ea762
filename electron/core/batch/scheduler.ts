// Runs a batch's items in this process: at most `concurrency` at once across the batch, changes
// under way first, each item's cooldown wait on a timer. Ends the batch (and writes its `ended`
// audit entry) once nothing is left to do, or lets it go idle while paused.
import { errorParam, message as msgOf, messageOf } from '../../contract';
import type { BatchView } from '../../contract/types/batch';
import type { AuditRecorder } from '../audit/recorder';
import type { CoreContext } from '../context';
import { Limiter } from '../util/limiter';
import type { BatchBook, Held } from './book';
import { batchResult } from './item-state';
import type { ItemRunner } from './item-runner';

export const DEFAULT_CONCURRENCY = 3;

export class BatchScheduler {
  private readonly settleWaiters = new Map<string, (() => void)[]>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly book: BatchBook,
    private readonly items: ItemRunner,
    private readonly audit: Pick<AuditRecorder, 'batch'> | undefined,
  ) {}

  private get disposed(): boolean {
    return this.book.disposed;
  }

  /** Applying or cancelling with this process's runner on it. */
  isBusy(h: Held): boolean {
    if (h.view.state === 'ended' || h.view.state === 'planned') return false;
    return h.runner !== null;
  }

  /** Resolves when the batch has ended, or is paused with nothing under way here. */
  async settled(h: Held): Promise<BatchView> {
    if (!this.isBusy(h)) return structuredClone(h.view);
    const batchId = h.view.batchId;
    await new Promise<void>((resolve) => {
      this.settleWaiters.set(batchId, [...(this.settleWaiters.get(batchId) ?? []), resolve]);
    });
    return structuredClone(h.view);
  }

  /** Stops the timers (dispose): nothing more is scheduled. */
  stopTimers(): void {
    for (const h of this.book.held.values()) {
      for (const timer of h.runner?.timers.values() ?? []) clearTimeout(timer);
    }
  }

  /** Lets every waiter of settled() go (dispose). */
  releaseWaiters(): void {
    for (const waiters of this.settleWaiters.values()) for (const w of waiters) w();
    this.settleWaiters.clear();
  }

  /** A cancel: items waiting on a timer will not run. */
  dropTimers(h: Held): void {
    const runner = h.runner;
    if (!runner) return;
    for (const [clusterId, timer] of runner.timers) {
      clearTimeout(timer);
      runner.timers.delete(clusterId);
      runner.scheduled.delete(clusterId);
      runner.outstanding -= 1;
    }
  }

  /** Schedules every item that needs this process: changes under way first, then the rest. */
  run(h: Held, concurrency: number): void {
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
        .run(() => this.items.run(h, clusterId))
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
  maybeFinish(h: Held): void {
    const runner = h.runner;
    if (!runner || runner.outstanding > 0 || this.disposed) return;
    if (h.view.items.some((i) => i.state === 'running')) return;
    if (h.view.state === 'cancelling' && h.view.items.some((i) => i.state === 'pending')) {
      // An item that went back to waiting (a cooldown, a start that never happened) after the
      // cancel: it will not start now.
      void this.book.cancelPending(h).catch((error: unknown) => this.unexpected(h, null, error));
    }
    const pending = h.view.items.some((i) => i.state === 'pending');
    if (pending && h.view.state === 'applying') return;
    h.runner = null;
    if (pending) {
      void this.book.unclaim(h);
      this.notifySettled(h); // paused, with nothing under way
      return;
    }
    void this.finish(h)
      .catch((error: unknown) => this.unexpected(h, null, error))
      .finally(() => (h.runner ? undefined : this.book.unclaim(h)));
  }

  private async finish(h: Held): Promise<void> {
    // Two paths can reach here for one batch (the last item's turn, and a cancel's own run);
    // the second must not end it again, or its result would be recomputed as if not cancelled.
    if (h.view.state === 'ended') return this.notifySettled(h);
    const cancelled = h.view.state === 'cancelling';
    await this.book.change(h, (view) => {
      view.state = 'ended';
      view.endedAt = new Date(this.ctx.now()).toISOString();
      view.result = batchResult(view.items, cancelled);
    });
    if (h.meta.auditedApplied && !h.meta.auditedEnded && this.audit) {
      await this.audit.batch(structuredClone(h.view), 'ended');
      h.meta.auditedEnded = true;
      await this.book.persist(h);
    }
    this.notifySettled(h);
  }

  private notifySettled(h: Held): void {
    const waiters = this.settleWaiters.get(h.view.batchId) ?? [];
    this.settleWaiters.delete(h.view.batchId);
    for (const w of waiters) w();
  }

  private unexpected(h: Held, clusterId: string | null, error: unknown): null {
    const message = messageOf(error);
    const detail = errorParam(error);
    this.ctx.notice(
      'error',
      clusterId
        ? msgOf('notice.batchUnexpectedCluster', { batchId: h.view.batchId, clusterId, detail })
        : msgOf('notice.batchUnexpected', { batchId: h.view.batchId, detail }),
    );
    // An item whose start never got an answer cannot stay running forever in this process.
    const item = clusterId ? h.view.items.find((i) => i.clusterId === clusterId) : undefined;
    if (item && !this.disposed && item.state === 'running' && item.operationId === null) {
      void this.book
        .step(h, item.clusterId, {
          type: 'fail',
          at: this.ctx.now(),
          error: { code: 'Internal', message },
        })
        .catch(() => undefined);
    }
    return null;
  }
}
