// Turns what the operations and fixes do into audit entries. The audit log must never stop a
// change: a failed append is reported as a notice, and the change goes on.
import type { OperationView } from '../../contract/types/operations';
import type { AuditAction, AuditPhase, AuditResult } from '../../contract/types/audit';
import type { BatchView } from '../../contract/types/batch';
import type { CreationView } from '../../contract/types/provision';
import type { CoreContext } from '../context';
import type { AuditLog } from './audit-log';
import { batchAuditEntries } from './batch-entries';
import { errorParam, message, messageOf } from '../../contract';

export interface AuditTarget {
  accountId: string;
  accountName: string;
  cloudAccountId: string | null;
  clusterId?: string | null;
  clusterName?: string | null;
  regionId?: string | null;
  keyId?: string | null;
}

export class AuditRecorder {
  constructor(
    private readonly ctx: CoreContext,
    readonly log: AuditLog,
    private readonly cloudAccountOf: (accountId: string) => Promise<string | null>,
  ) {}

  private async write(entry: Parameters<AuditLog['append']>[0]): Promise<void> {
    try {
      await this.log.append(entry);
    } catch (error) {
      this.ctx.notice('error', message('notice.auditUnwritable', { detail: errorParam(error) }));
    }
  }

  async operation(view: OperationView, phase: AuditPhase): Promise<void> {
    const result: AuditResult = phase === 'requested' ? 'accepted' : (view.outcome ?? 'unknown');
    await this.write({
      // The time it happened, not the time it was written (see ensureRequested).
      ...(phase === 'requested' && view.requestedAt ? { time: view.requestedAt } : {}),
      accountId: view.accountId,
      accountName: view.accountName,
      cloudAccountId: await this.cloudAccountOf(view.accountId).catch(() => null),
      clusterId: view.clusterId,
      clusterName: view.clusterName,
      regionId: view.regionId,
      action: view.action === 'enable' ? 'encryption.enable' : 'encryption.disable',
      phase,
      keyId: view.keyId,
      requestId: view.requestId,
      result,
      error:
        phase === 'ended' && view.error
          ? { code: view.error.code, message: view.error.message }
          : null,
      operationId: view.operationId,
    });
  }

  /**
   * Writes the `requested` entry of a change if the log lacks it: a process killed between
   * journaling the request and auditing it would otherwise leave the change half-audited. Called
   * before the `ended` entry, so every change that ends has both, once.
   */
  async ensureRequested(view: OperationView): Promise<void> {
    if (!view.requestedAt) return; // refused before any request: only its end is recorded
    try {
      const { entries } = await this.log.list({ clusterId: view.clusterId });
      if (entries.some((e) => e.operationId === view.operationId && e.phase === 'requested'))
        return;
    } catch {
      // An unreadable log: write the entry rather than risk losing it.
    }
    await this.operation(view, 'requested');
  }

  /** A change ended: its `ended` entry, after the `requested` one if the log lacks it. */
  async changeEnded(view: OperationView): Promise<void> {
    if (view.outcome !== 'rejected') await this.ensureRequested(view);
    await this.operation(view, 'ended');
  }

  /** A batch applied or ended: one `batch.apply` entry per account it touches. */
  async batch(view: BatchView, phase: AuditPhase): Promise<void> {
    const uids = new Map<string, string | null>();
    for (const item of view.items) {
      if (!uids.has(item.accountId))
        uids.set(item.accountId, await this.cloudAccountOf(item.accountId).catch(() => null));
    }
    for (const entry of batchAuditEntries(view, phase, (id) => uids.get(id) ?? null))
      await this.write(entry);
  }

  /** A new cluster's creation: `requested` once the cloud accepted it, `ended` with its outcome. */
  async creation(view: CreationView, phase: 'requested' | 'ended'): Promise<void> {
    const result: AuditResult =
      phase === 'requested'
        ? 'accepted'
        : view.outcome === 'verified' || view.outcome === 'encrypted'
          ? 'succeeded'
          : view.outcome === 'key-missing'
            ? 'failed'
            : (view.outcome ?? 'unknown');
    await this.write({
      ...(phase === 'requested' && view.requestedAt ? { time: view.requestedAt } : {}),
      accountId: view.accountId,
      accountName: view.accountName,
      cloudAccountId: await this.cloudAccountOf(view.accountId).catch(() => null),
      clusterId: view.clusterId,
      clusterName: view.name,
      regionId: view.regionId,
      action: 'cluster.create',
      phase,
      keyId: view.keyId,
      requestId: view.requestId,
      result,
      error:
        phase === 'ended' && view.error
          ? { code: view.error.code, message: view.error.message }
          : null,
      operationId: view.creationId,
    });
  }

  /** Runs a fix and records its outcome, whatever it is. */
  async fix<T extends { requestIds: string[] }>(
    action: Extract<AuditAction, `fix.${string}`>,
    target: AuditTarget,
    run: () => Promise<T>,
  ): Promise<T> {
    const base = {
      accountId: target.accountId,
      accountName: target.accountName,
      cloudAccountId: target.cloudAccountId,
      clusterId: target.clusterId ?? null,
      clusterName: target.clusterName ?? null,
      regionId: target.regionId ?? null,
      keyId: target.keyId ?? null,
      action,
      phase: 'ended' as const,
      operationId: null,
    };
    try {
      const value = await run();
      await this.write({
        ...base,
        requestId: value.requestIds.at(-1) ?? null,
        result: 'succeeded',
        error: null,
      });
      return value;
    } catch (error) {
      const code =
        (error as { cloud?: { cloudCode?: string | null } }).cloud?.cloudCode ??
        (error as { code?: string }).code ??
        'error';
      const requestId =
        (error as { cloud?: { requestId?: string | null } }).cloud?.requestId ?? null;
      await this.write({
        ...base,
        requestId,
        result: 'failed',
        error: {
          code: String(code),
          message: messageOf(error),
        },
      });
      throw error;
    }
  }

  /**
   * A key creation: `requested` before the first KMS call (a crash mid-way still leaves a trace of
   * a key that may exist), then `ended` with the new key's id or the error.
   */
  async keyCreate<T extends { requestIds: string[]; key: { keyId: string } }>(
    target: AuditTarget & { regionId: string; alias: string },
    run: () => Promise<T>,
  ): Promise<T> {
    const base = {
      accountId: target.accountId,
      accountName: target.accountName,
      cloudAccountId: target.cloudAccountId,
      clusterId: null,
      clusterName: null,
      regionId: target.regionId,
      action: 'key.create' as const,
      operationId: null,
    };
    await this.write({
      ...base,
      phase: 'requested',
      keyId: target.alias,
      requestId: null,
      result: 'accepted',
      error: null,
    });
    try {
      const value = await run();
      await this.write({
        ...base,
        phase: 'ended',
        keyId: value.key.keyId,
        requestId: value.requestIds.at(-1) ?? null,
        result: 'succeeded',
        error: null,
      });
      return value;
    } catch (error) {
      const cloud = (error as { cloud?: { cloudCode?: string | null; requestId?: string | null } })
        .cloud;
      const details = (error as { details?: { keyId?: unknown } }).details;
      await this.write({
        ...base,
        phase: 'ended',
        // A key made before a later step failed is named, so the log says what exists.
        keyId: typeof details?.keyId === 'string' ? details.keyId : target.alias,
        requestId: cloud?.requestId ?? null,
        result: 'failed',
        error: {
          code: String(cloud?.cloudCode ?? (error as { code?: string }).code ?? 'error'),
          message: messageOf(error),
        },
      });
      throw error;
    }
  }
}
