// The checklist's one door. Every caller runs the checklist through ChecksService.runFor: the
// fleet screen (`checks.run`, served here), a change before it is requested (operations/) and a
// batch plan (batch/plan.ts). The checklist's input — the account's session and cloud clock, the
// other saved accounts, when our journal last saw a change of the cluster end — is built here
// and nowhere else, so the three cannot drift apart.
import type { CoreApi } from '../../contract';
import type { ChangeAction, Checklist } from '../../contract/types/checks';
import type { ClusterSummary } from '../../contract/types/fleet';
import type { KmsKeyMetadata } from '../cloud/kms';
import type { CloudSession } from '../cloud/session';
import type { CoreContext } from '../context';
import type { Clock } from '../util/clock';
import { BatchCache, CheckContext } from './context';
import type { CheckInput, PeerAccount } from './context';
import { runChecklist } from './run';

/** The cluster a checklist is about: which account and region to ask. */
/** The ready rule, for the rooms that judge a checklist they were given (batch plans). */
export { MUST_CONFIRM, readiness } from './result';

export type ChecklistTarget = Pick<ClusterSummary, 'clusterId' | 'accountId' | 'regionId'>;

/** What the checklist needs from the rooms around it, as functions (no room imported). */
export interface ChecklistDeps {
  sessionFor(accountId: string): Promise<CloudSession>;
  /** The other saved accounts, for what a RAM caller may not see (context.ts PeerAccount). */
  peersOf(accountId: string): () => Promise<PeerAccount[]>;
  /** The account's cloud clock (the simulated cloud's cooldown passes faster). */
  clockFor(accountId: string): Clock;
  /** When our journal last saw an encryption change of the cluster end (operations/). */
  lastChangeEndedAt(clusterId: string): Promise<number | null>;
  now(): number;
}

export class ChecksService {
  constructor(private readonly deps: ChecklistDeps) {}

  /**
   * The checklist for `action` on `cluster` (`keyId`: the key to enable with, by id, alias or
   * ARN). A batch plan passes one BatchCache per account so the answers that do not depend on
   * the cluster (caller, policies, service role, keys, vSwitches, ACLs) are read once.
   */
  async runFor(
    cluster: ChecklistTarget,
    action: ChangeAction,
    keyId: string | null,
    cache: BatchCache = new BatchCache(),
  ): Promise<Checklist> {
    const input: CheckInput = {
      ...(await this.baseInput(cluster, action, keyId)),
      cloudClock: this.deps.clockFor(cluster.accountId),
      lastChangeEndedAt: await this.deps.lastChangeEndedAt(cluster.clusterId),
      peers: this.deps.peersOf(cluster.accountId),
    };
    return runChecklist(input, cache);
  }

  /**
   * DescribeKey of a key in the cluster's region through a checklist cache (a batch plan looks
   * at the key in use beside the new one, at no extra cost when a checklist read it already).
   */
  async readKey(
    cluster: ChecklistTarget,
    keyRef: string,
    cache: BatchCache,
  ): Promise<{ key: KmsKeyMetadata; requestId: string | null }> {
    return new CheckContext(await this.baseInput(cluster, 'enable', keyRef), cache).key(keyRef);
  }

  private async baseInput(
    cluster: ChecklistTarget,
    action: ChangeAction,
    keyId: string | null,
  ): Promise<CheckInput> {
    return {
      session: await this.deps.sessionFor(cluster.accountId),
      accountId: cluster.accountId,
      clusterId: cluster.clusterId,
      regionId: cluster.regionId,
      action,
      keyId,
      now: this.deps.now(),
    };
  }
}

export interface ChecksApiDeps extends Omit<ChecklistDeps, 'now'> {
  /** Finds a cluster by id: the fleet's snapshot, else the cloud (fleet/api.ts locate). */
  locate(clusterId: string, accountId?: string): Promise<ClusterSummary>;
}

type ChecksApi = Pick<CoreApi, 'checks.run'>;

export function createChecksApi(
  ctx: CoreContext,
  deps: ChecksApiDeps,
): { api: ChecksApi; service: ChecksService } {
  const service = new ChecksService({
    sessionFor: (accountId) => deps.sessionFor(accountId),
    peersOf: (accountId) => deps.peersOf(accountId),
    clockFor: (accountId) => deps.clockFor(accountId),
    lastChangeEndedAt: (clusterId) => deps.lastChangeEndedAt(clusterId),
    now: ctx.now,
  });
  const api: ChecksApi = {
    'checks.run': async ({ clusterId, action, keyId, accountId }) =>
      service.runFor(await deps.locate(clusterId, accountId), action, keyId ?? null),
  };
  return { api, service };
}
