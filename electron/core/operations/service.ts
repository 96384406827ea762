// Turning encryption on or off. Every change: the checklist first (refused unless ready), the
// intent journaled and synced BEFORE UpdateKMSEncryption, the request id recorded, then the
// cluster followed until it ends — across restarts. One change per cluster at a time.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { GuardError } from '../../contract';
import type { ClusterSummary } from '../../contract/types/fleet';
import type { OperationAction, OperationView } from '../../contract/types/operations';
import type { ChecksService } from '../checks/api';
import type { CloudSession } from '../cloud/session';
import type { CoreContext } from '../context';
import type { AccountDirectory } from '../accounts/directory';
import { realClock } from '../util/clock';
import type { HeldLock } from '../util/lock';
import { lockClusterChange } from './change-lock';
import type { Clock } from '../util/clock';
import { follow } from './follow';
import { Journal, viewOfIntent } from './journal';
import type { JournalEntry, JournalRecord } from './journal';
import { assertReady } from './refusal';
import { DEFAULT_TIME_LIMIT_MS, expectedDuration } from './schedule';
import { sendChange } from './send';

export interface OperationsOptions {
  /** Stop following after this long (the change may still end in the cloud); read per change. */
  timeLimitMs?: number | (() => number);
  /** The clock for an account's changes (the simulated cloud runs faster than real time). */
  clockFor?: (accountId: string) => Clock;
  random?: () => number;
}

export interface OperationsDeps {
  directory: AccountDirectory;
  /** Finds a cluster in the fleet (refreshing the named account if needed). */
  locate: (clusterId: string, accountId?: string) => Promise<ClusterSummary>;
  /** The checklist every change is preceded by (checks/api.ts). */
  checks: Pick<ChecksService, 'runFor'>;
  /** Called when a change was requested and when it ended (audit, fleet refresh, notifications). */
  onRequested?: (view: OperationView) => Promise<void>;
  onEnded?: (view: OperationView) => Promise<void>;
  /** The journal, when the composition shares its reader with another room (else our own). */
  journal?: Journal;
}

export interface ChangeRequest {
  clusterId: string;
  action: OperationAction;
  keyId?: string;
  accountId?: string;
}

export class OperationsService {
  readonly journal: Journal;
  private readonly live = new Map<string, OperationView>();
  /** Clusters with a change being prepared or followed in this process. */
  private readonly busy = new Set<string>();
  private readonly followers = new Map<string, Promise<OperationView>>();
  private readonly abort = new AbortController();
  private problems: string[] = [];

  constructor(
    private readonly ctx: CoreContext,
    private readonly deps: OperationsDeps,
    private readonly options: OperationsOptions = {},
  ) {
    this.journal = deps.journal ?? new Journal(ctx.dataDir);
    // Each followed change waits on this one signal; a batch follows dozens at once.
    setMaxListeners(10_000, this.abort.signal);
  }

  private clock(accountId: string): Clock {
    return this.options.clockFor?.(accountId) ?? realClock;
  }

  /** `cloudAt` for a record, only when the account's cloud keeps its own time. */
  private cloudAt(accountId: string): { cloudAt?: number } {
    const clock = this.clock(accountId);
    return clock === realClock ? {} : { cloudAt: clock.cloudNow() };
  }

  /** When an operation's request was made and when it ended, in the cloud's clock, if known. */
  async cloudTimes(operationId: string): Promise<{ requestedAt?: number; endedAt?: number }> {
    const { entries } = await this.journal.read();
    return entries.get(operationId)?.cloud ?? {};
  }

  private emit(view: OperationView): void {
    this.live.set(view.operationId, view);
    this.ctx.events.emit('operation.progress', { ...view });
  }

  /** Every operation the journal knows, newest first, with live progress for running ones. */
  async list(
    filter: { clusterId?: string; activeOnly?: boolean } = {},
  ): Promise<{ operations: OperationView[]; problems: string[] }> {
    const { entries, problems } = await this.journal.read();
    this.problems = problems;
    const views = [...entries.values()].map((e) => this.live.get(e.view.operationId) ?? e.view);
    return {
      operations: views
        .filter(
          (v) =>
            (!filter.clusterId || v.clusterId === filter.clusterId) &&
            (!filter.activeOnly || v.phase !== 'ended'),
        )
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
      problems,
    };
  }

  /** When a change of this cluster last ended (for the cooldown check), from the journal. */
  lastChangeEndedAt(clusterId: string): Promise<number | null> {
    return this.journal.lastChangeEndedAt(clusterId);
  }

  hasChangesInFlight(): boolean {
    return [...this.live.values()].some((v) => v.phase !== 'ended');
  }

  /** Resumes following every unfinished change in the journal (app start). */
  async resume(): Promise<number> {
    const { entries, problems } = await this.journal.read();
    this.problems = problems;
    let resumed = 0;
    for (const entry of entries.values()) {
      if (entry.view.phase === 'ended' || this.busy.has(entry.view.clusterId)) continue;
      if (entry.view.requestedAt === null) {
        // Journaled but the request's fate was never written: we crashed while sending it.
        entry.uncertain = true;
        entry.view.requestedAt = entry.view.startedAt;
      }
      this.busy.add(entry.view.clusterId);
      this.startFollowing(entry, await this.sessionOrNull(entry.view.accountId));
      resumed += 1;
    }
    return resumed;
  }

  private async sessionOrNull(accountId: string): Promise<CloudSession | null> {
    try {
      return await this.deps.directory.sessionFor(accountId);
    } catch {
      return null;
    }
  }

  private startFollowing(entry: JournalEntry, session: CloudSession | null): void {
    const view = entry.view;
    const run = async (): Promise<OperationView> => {
      if (!session) {
        const at = this.ctx.now();
        const error = {
          code: 'AccountUnavailable',
          message:
            'The account of this change is gone or its credentials cannot be read; the change may have ended in the cloud.',
          requestId: view.requestId,
        };
        await this.record({
          v: 1,
          type: 'ended',
          opId: view.operationId,
          at,
          outcome: 'unknown',
          clusterState: view.clusterState,
          error,
        });
        Object.assign(view, {
          phase: 'ended',
          outcome: 'unknown',
          endedAt: new Date(at).toISOString(),
          error,
        });
        this.emit(view);
        return view;
      }
      const clock = this.clock(view.accountId);
      const past = await this.pastDurations(view.accountId);
      const final = await follow(view, {
        session,
        clock,
        now: this.ctx.now,
        recordCloudTime: clock !== realClock,
        expectedMs: expectedDuration(past),
        timeLimitMs:
          typeof this.options.timeLimitMs === 'function'
            ? this.options.timeLimitMs()
            : (this.options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS),
        uncertainAfterMs: 5 * 60_000,
        uncertain: entry.uncertain,
        signal: this.abort.signal,
        record: (r) => this.record(r),
        progress: (v) => this.emit(v),
        ...(this.options.random ? { random: this.options.random } : {}),
      });
      return final;
    };
    const promise = run()
      .then(async (final) => {
        if (final.phase === 'ended') await this.deps.onEnded?.(final).catch(() => undefined);
        return final;
      })
      .finally(() => {
        this.busy.delete(view.clusterId);
        this.followers.delete(view.operationId);
      });
    this.followers.set(view.operationId, promise);
  }

  private async pastDurations(accountId: string): Promise<number[]> {
    const { operations } = await this.list();
    return operations
      .filter(
        (o) => o.accountId === accountId && o.outcome === 'succeeded' && o.requestedAt && o.endedAt,
      )
      .slice(0, 20)
      .map(
        (o) => (Date.parse(o.endedAt!) - Date.parse(o.requestedAt!)) * this.clock(accountId).scale,
      );
  }

  private record(record: JournalRecord): Promise<void> {
    return this.journal.append(record).catch((error: unknown) => {
      throw new GuardError(
        'storage',
        `The operation journal ${this.journal.file} cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}). Free disk space or fix permissions; the change is not started without it.`,
      );
    });
  }

  /** Waits for an operation to end (CLI --wait, tests). */
  async waitFor(operationId: string): Promise<OperationView> {
    const follower = this.followers.get(operationId);
    if (follower) return follower;
    const { operations } = await this.list();
    const found = operations.find((o) => o.operationId === operationId);
    if (!found) throw new GuardError('not-found', `No operation ${operationId}.`);
    return found;
  }

  /**
   * Starts a change. Resolves once the cloud has accepted (or refused) the request; the change
   * is then followed in the background (see waitFor and operation.progress).
   */
  async start(request: ChangeRequest): Promise<OperationView> {
    // Claimed before any await: a double click (or two windows) is not a second change.
    if (this.busy.has(request.clusterId)) {
      throw new GuardError(
        'conflict',
        `A change of cluster ${request.clusterId} is already being prepared or followed. Wait for it to end.`,
        { clusterId: request.clusterId },
      );
    }
    this.busy.add(request.clusterId);
    let handedOver = false;
    let changeLock: HeldLock | null = null;
    const releaseChangeLock = async () => {
      const held = changeLock;
      changeLock = null;
      await held?.release().catch(() => undefined);
    };
    try {
      const cluster = await this.deps.locate(request.clusterId, request.accountId);
      // Across processes, from the conflict check through the intent write (see change-lock.ts).
      changeLock = await lockClusterChange(this.ctx.dataDir, cluster.clusterId, cluster.name);
      const { operations } = await this.list({ clusterId: cluster.clusterId, activeOnly: true });
      if (operations.length > 0) {
        throw new GuardError(
          'conflict',
          `A change of cluster ${cluster.name} is still in progress (operation ${operations[0]!.operationId}, possibly started by another window or the CLI).`,
          { clusterId: cluster.clusterId, operationId: operations[0]!.operationId },
        );
      }
      const session = await this.deps.directory.sessionFor(cluster.accountId);
      const checklist = await this.deps.checks.runFor(
        cluster,
        request.action,
        request.keyId ?? null,
      );
      assertReady(checklist);

      const opId = randomUUID();
      const at = this.ctx.now();
      // The key's id, whatever the request named it by: the cloud refuses an alias.
      const keyId = checklist.keyId;
      const intent: JournalRecord & { type: 'intent' } = {
        v: 1,
        type: 'intent',
        opId,
        at,
        accountId: cluster.accountId,
        accountName: cluster.accountName,
        clusterId: cluster.clusterId,
        clusterName: cluster.name,
        regionId: cluster.regionId,
        action: request.action,
        keyId,
      };
      await this.record(intent);
      // The journal now shows the change in progress: every later check sees it.
      await releaseChangeLock();
      const entry: JournalEntry = {
        uncertain: false,
        view: { ...viewOfIntent(intent), clusterState: cluster.state },
      };
      const view = entry.view;
      await sendChange(entry, session, cluster, {
        now: this.ctx.now,
        cloudAt: () => this.cloudAt(cluster.accountId),
        cooldownScale: this.clock(cluster.accountId).scale,
        record: (r) => this.record(r),
        ended: async (v) => {
          this.emit(v);
          await this.deps.onEnded?.(v).catch(() => undefined);
        },
      });
      this.emit(view);
      await this.deps.onRequested?.(view).catch(() => undefined);
      this.startFollowing(entry, session);
      handedOver = true;
      return { ...view };
    } finally {
      await releaseChangeLock();
      if (!handedOver) this.busy.delete(request.clusterId);
    }
  }

  async dispose(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.followers.values()]);
  }

  get journalProblems(): string[] {
    return this.problems;
  }
}
