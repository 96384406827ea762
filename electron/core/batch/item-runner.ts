// One turn of one batch item: start its change through OperationsService.start (which re-runs the
// checklist, journals and follows it), wait out a cooldown, skip or fail it, or follow a change
// already under way (re-attached through the operation journal after a restart). Each step is
// saved before it is acted on (book.ts).
import { GuardError, message, messageOf } from '../../contract';
import type { BatchItem, BatchWords } from '../../contract/types/batch';
import type { Checklist } from '../../contract/types/checks';
import type { OperationView } from '../../contract/types/operations';
import { COOLDOWN_MS } from '../checks/cluster';
import { CloudError } from '../cloud/errors';
import type { CoreContext } from '../context';
import type { ChangeRequest } from '../operations/service';
import type { Clock } from '../util/clock';
import { sleep } from '../util/sleep';
import type { BatchBook, Held } from './book';
import { blockingFailures } from './plan';
import { checkReason, split, worded } from './words';

/** What a batch needs of the operations domain (OperationsService has it all). */
export interface BatchOperations {
  start(request: ChangeRequest): Promise<OperationView>;
  waitFor(operationId: string): Promise<OperationView>;
  list(filter?: {
    clusterId?: string;
    activeOnly?: boolean;
  }): Promise<{ operations: OperationView[]; problems: string[] }>;
  resume(): Promise<number>;
  lastChangeEndedAt(clusterId: string): Promise<number | null>;
}

export interface ItemRunnerOptions {
  /** How many times an item refused inside the cooldown waits and tries again (default 3). */
  cooldownRetries?: number;
  /** How often a change followed by someone else (another process) is looked at (default 1 s). */
  reattachPollMs?: number;
}

const itemError = (code: string, words: { text: string; words: BatchWords }) => ({
  code,
  message: words.text,
  messages: words.words,
});

export class ItemRunner {
  /** Starts in flight (with the save of their outcome): dispose waits for them. */
  readonly inflight = new Set<Promise<unknown>>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly book: BatchBook,
    private readonly deps: {
      operations: BatchOperations;
      clockFor: (accountId: string) => Pick<Clock, 'scale'>;
    },
    private readonly options: ItemRunnerOptions = {},
  ) {}

  private get disposed(): boolean {
    return this.book.disposed;
  }

  /** One turn of an item; a number asks for another turn after that many ms. */
  async run(h: Held, clusterId: string): Promise<number | null> {
    if (this.disposed) return null;
    const item = this.book.item(h, clusterId);
    if (item.state === 'running') return this.reattach(h, item);
    if (item.state !== 'pending' || h.view.state !== 'applying') return null;
    const wait = item.waitingUntil ? Date.parse(item.waitingUntil) - this.ctx.now() : 0;
    if (wait > 0) return wait;
    const started = this.start(h, item);
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

  private async start(
    h: Held,
    item: BatchItem,
  ): Promise<{ operationId: string | null; retry: number | null }> {
    const { clusterId } = item;
    // Saved before the start: after a crash, "running without an operation" sends us to the
    // journal to learn whether the start got as far as the cloud.
    await this.book.step(h, clusterId, { type: 'start', at: this.ctx.now() });
    if (this.disposed) {
      await this.book.step(h, clusterId, { type: 'restore' });
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
    await this.book.step(h, clusterId, { type: 'started', operationId: view.operationId });
    return { operationId: view.operationId, retry: null };
  }

  /** A start that did not happen: wait for the cooldown, skip, or fail the item. */
  private async refused(h: Held, clusterId: string, error: unknown): Promise<number | null> {
    const item = this.book.item(h, clusterId);
    const at = this.ctx.now();
    const clock = this.deps.clockFor(item.accountId);
    const margin = Math.max(50, 5_000 / clock.scale);
    const fullCooldown = COOLDOWN_MS / clock.scale;
    let waitMs: number | null = null;
    if (error instanceof GuardError && error.code === 'checklist-not-ready') {
      const checklist = error.details?.checklist as Checklist | undefined;
      const blocking = checklist ? blockingFailures(checklist) : [];
      if (!checklist || blocking.length > 0) {
        const reasons = split(
          checklist
            ? blocking.map(checkReason)
            : [
                {
                  text: error.message,
                  words: [message('batch.reason.notStarted', { detail: error.message })],
                },
              ],
        );
        await this.book.step(h, clusterId, {
          type: 'skip',
          at,
          reasons: reasons.texts,
          reasonMessages: reasons.words,
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
        await this.book.step(h, clusterId, {
          type: 'fail',
          at,
          error: itemError(
            'CooldownNotOver',
            worded(
              message('batch.error.cooldownNotOver', {
                attempts: item.attempts,
                detail: messageOf(error),
              }),
            ),
          ),
        });
        return null;
      }
      await this.book.step(h, clusterId, { type: 'wait', until: at + waitMs + margin });
      // Paused or cancelled meanwhile: no timer (a resume reschedules it, a cancel ends it).
      return h.view.state === 'applying' ? waitMs + margin : null;
    }
    const code =
      error instanceof CloudError
        ? (error.cloud.cloudCode ?? error.kind)
        : error instanceof GuardError
          ? error.code
          : 'Internal';
    await this.book.step(h, clusterId, {
      type: 'fail',
      at,
      error: {
        code,
        message: messageOf(error),
        messages: [message('batch.error.notStarted', { code })],
      },
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
      await this.book.step(h, item.clusterId, { type: 'restore' });
      return h.view.state === 'applying' ? 0 : null;
    }
    await this.book.step(h, item.clusterId, { type: 'started', operationId: found.operationId });
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
        await this.book.step(h, clusterId, {
          type: 'ended',
          at: this.ctx.now(),
          outcome: 'unknown',
          error: itemError(
            'OperationNotFound',
            worded(
              message('batch.error.operationNotFound', { operationId, detail: messageOf(error) }),
            ),
          ),
        });
        return null;
      }
      if (view.phase === 'ended') {
        if (this.disposed) return null;
        await this.book.step(h, clusterId, {
          type: 'ended',
          at: view.endedAt ? Date.parse(view.endedAt) : this.ctx.now(),
          outcome: view.outcome ?? 'unknown',
          error: view.error
            ? {
                code: view.error.code,
                message: view.error.message,
                // The operation's sentence is English; the batch says in words how it ended.
                messages: [
                  message('batch.error.operationEnded', {
                    outcome: view.outcome ?? 'unknown',
                    code: view.error.code,
                  }),
                ],
              }
            : null,
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
