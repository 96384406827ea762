// Turning encryption on or off. Every change: the checklist first (refused unless ready), the
// intent journaled and synced BEFORE UpdateKMSEncryption, the request id recorded, then the
// cluster followed until it ends — across restarts. One change per cluster at a time.
import { randomUUID } from 'node:crypto';
import { GuardError, message } from '../../contract';
import type { ClusterSummary } from '../../contract/types/fleet';
import type { OperationAction, OperationView } from '../../contract/types/operations';
import type { ChecksService } from '../checks/api';
import type { CloudSession } from '../cloud/session';
import type { CoreContext } from '../context';
import type { AccountDirectory } from '../accounts/directory';
import { realClock } from '../util/clock';
import { JournaledWrites } from '../util/journaled-writes';
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
  private readonly writes: JournaledWrites<
    OperationView,
    JournalEntry,
    JournalRecord,
    CloudSession
  >;
  private problems: string[] = [];

  constructor(
    private readonly ctx: CoreContext,
    private readonly deps: OperationsDeps,
    private readonly options: OperationsOptions = {},
  ) {
    const journal = (this.journal = deps.journal ?? new Journal(ctx.dataDir));
    this.writes = new JournaledWrites({
      journal,
      noun: 'operation',
      idOf: (v) => v.operationId,
      claimOf: (v) => v.clusterId,
      now: ctx.now,
      clockFor: (accountId) => this.clock(accountId),
      sessionFor: (accountId) => deps.directory.sessionFor(accountId),
      emit: (v) => ctx.events.emit('operation.progress', v),
      endedRecord: (v, at, outcome, error) => ({
        v: 1,
        type: 'ended',
        opId: v.operationId,
        at,
        outcome,
        clusterState: v.clusterState,
        error,
      }),
      accountGone:
        'The account of this change is gone or its credentials cannot be read; the change may have ended in the cloud.',
      unsent: () => undefined,
      follow: (entry, session, signal) => this.follow(entry, session, signal),
      ended: async (v) => this.deps.onEnded?.(v),
    });
  }

  private clock(accountId: string): Clock {
    return this.options.clockFor?.(accountId) ?? realClock;
  }

  /** When an operation's request was made and when it ended, in the cloud's clock, if known. */
  async cloudTimes(operationId: string): Promise<{ requestedAt?: number; endedAt?: number }> {
    const { entries } = await this.journal.read();
    return entries.get(operationId)?.cloud ?? {};
  }

  /** Every operation the journal knows, newest first, with live progress for running ones. */
  async list(
    filter: { clusterId?: string; activeOnly?: boolean } = {},
  ): Promise<{ operations: OperationView[]; problems: string[] }> {
    const { views, problems } = await this.writes.views(
      (v) =>
        (!filter.clusterId || v.clusterId === filter.clusterId) &&
        (!filter.activeOnly || v.phase !== 'ended'),
    );
    this.problems = problems;
    return { operations: views, problems };
  }

  /** When a change of this cluster last ended (for the cooldown check), from the journal. */
  lastChangeEndedAt(clusterId: string): Promise<number | null> {
    return this.journal.lastChangeEndedAt(clusterId);
  }

  hasChangesInFlight(): boolean {
    return this.writes.inFlight();
  }

  /** Resumes following every unfinished change in the journal (app start). */
  async resume(): Promise<number> {
    const { resumed, problems } = await this.writes.resume();
    this.problems = problems;
    return resumed;
  }

  private async follow(
    entry: JournalEntry,
    session: CloudSession,
    signal: AbortSignal,
  ): Promise<OperationView> {
    const clock = this.clock(entry.view.accountId);
    const past = await this.pastDurations(entry.view.accountId);
    return follow(entry.view, {
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
      signal,
      record: (r) => this.writes.record(r),
      progress: (v) => this.writes.emit(v),
      ...(this.options.random ? { random: this.options.random } : {}),
    });
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

  /** Waits for an operation to end (CLI --wait, tests). */
  waitFor(operationId: string): Promise<OperationView> {
    return this.writes.waitFor(operationId);
  }

  /**
   * Starts a change. Resolves once the cloud has accepted (or refused) the request; the change
   * is then followed in the background (see waitFor and operation.progress).
   */
  async start(request: ChangeRequest): Promise<OperationView> {
    // Claimed before any await: a double click (or two windows) is not a second change.
    this.writes.claim(
      request.clusterId,
      `A change of cluster ${request.clusterId} is already being prepared or followed. Wait for it to end.`,
      { clusterId: request.clusterId },
    );
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
          message('error.change.inProgress', {
            name: cluster.name,
            operationId: operations[0]!.operationId,
          }),
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
      await this.writes.record(intent);
      // The journal now shows the change in progress: every later check sees it.
      await releaseChangeLock();
      const entry: JournalEntry = {
        uncertain: false,
        view: { ...viewOfIntent(intent), clusterState: cluster.state },
      };
      const view = entry.view;
      await sendChange(entry, session, cluster, {
        now: this.ctx.now,
        cloudAt: () => this.writes.cloudAt(cluster.accountId),
        cooldownScale: this.clock(cluster.accountId).scale,
        record: (r) => this.writes.record(r),
        ended: async (v) => {
          this.writes.emit(v);
          await this.deps.onEnded?.(v).catch(() => undefined);
        },
      });
      this.writes.emit(view);
      await this.deps.onRequested?.(view).catch(() => undefined);
      this.writes.startFollowing(entry, session);
      handedOver = true;
      return { ...view };
    } finally {
      await releaseChangeLock();
      if (!handedOver) this.writes.release(request.clusterId);
    }
  }

  dispose(): Promise<void> {
    return this.writes.dispose();
  }

  get journalProblems(): string[] {
    return this.problems;
  }
}
