// New clusters with encryption: preflight (refused unless ready), the intent journaled and synced
// BEFORE CreateCluster, the answer recorded, then the creation followed to running, the key
// checked in meta_data, and the ActionTrail proof — across restarts, like a change.
import { messageOf } from '../../contract/message-of';
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { GuardError } from '../../contract';
import type { ClusterSpecInput } from '../../contract/provision-spec';
import type {
  ClusterDefaults,
  CreatePreflight,
  CreationList,
  CreationView,
  KubernetesVersionOption,
  VSwitchOption,
  VpcSummary,
} from '../../contract/types/provision';
import type { AuditRecorder } from '../audit/recorder';
import { createCluster, describeKubernetesVersions } from '../cloud/cs';
import { CloudError } from '../cloud/errors';
import type { CloudSession } from '../cloud/session';
import { describeVpcs, listVSwitches } from '../cloud/vpc';
import type { CoreContext } from '../context';
import type { AccountDirectory, FleetAccount } from '../accounts/directory';
import { realClock } from '../util/clock';
import type { Clock } from '../util/clock';
import { followCreation } from './follow';
import { CreationJournal, viewOfIntent } from './journal';
import type { CreationEntry, CreationRecord } from './journal';
import { runPreflight } from './preflight';
import { proveCreation } from './proof';
import { requestPreview } from './request';
import { defaultCidrs, newestVersion, withDefaults } from './spec';

export interface ProvisionDeps {
  directory: AccountDirectory;
  audit: AuditRecorder;
  clockFor: (accountId: string) => Clock;
  /** A creation ended (the fleet refreshes the region). */
  onEnded?: (view: CreationView) => void;
}

const settle = <T>(p: Promise<T>): Promise<T | Error> =>
  p.catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));

export class ProvisionService {
  readonly journal: CreationJournal;
  private readonly live = new Map<string, CreationView>();
  private readonly busy = new Set<string>();
  private readonly followers = new Map<string, Promise<CreationView>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly ctx: CoreContext,
    private readonly deps: ProvisionDeps,
  ) {
    this.journal = new CreationJournal(ctx.dataDir);
    setMaxListeners(1_000, this.abort.signal);
  }

  /** A saved account by id, or by name (the CLI's spec names it). */
  async account(idOrName: string): Promise<FleetAccount> {
    const accounts = await this.deps.directory.listAccounts();
    const found =
      accounts.find((a) => a.id === idOrName) ?? accounts.find((a) => a.name === idOrName);
    if (!found) {
      throw new GuardError(
        'not-found',
        `No saved account "${idOrName}". Add it first (accounts add), or use one of: ${accounts.map((a) => a.name).join(', ') || '(none)'}.`,
        { account: idOrName },
      );
    }
    return found;
  }

  private async session(accountId: string): Promise<CloudSession> {
    return this.deps.directory.sessionFor(accountId);
  }

  async vpcs(accountId: string, regionId: string): Promise<{ vpcs: VpcSummary[] }> {
    const list = await describeVpcs(await this.session(accountId), regionId);
    return {
      vpcs: list.map((v) => ({
        vpcId: v.vpcId,
        name: v.name,
        cidrBlock: v.cidrBlock ?? '',
        secondaryCidrBlocks: v.secondaryCidrBlocks,
        status: v.status,
      })),
    };
  }

  async vswitches(
    accountId: string,
    regionId: string,
    vpcId: string,
  ): Promise<{ vswitches: VSwitchOption[] }> {
    const list = await listVSwitches(await this.session(accountId), regionId, vpcId);
    return { vswitches: list.map((v) => ({ ...v, cidrBlock: v.cidrBlock ?? '' })) };
  }

  async versions(
    accountId: string,
    regionId: string,
  ): Promise<{ versions: KubernetesVersionOption[] }> {
    return { versions: await describeKubernetesVersions(await this.session(accountId), regionId) };
  }

  async defaults(accountId: string, regionId: string, vpcId: string): Promise<ClusterDefaults> {
    const session = await this.session(accountId);
    const [vpcs, vsws] = await Promise.all([
      describeVpcs(session, regionId),
      listVSwitches(session, regionId, vpcId),
    ]);
    const vpc = vpcs.find((v) => v.vpcId === vpcId);
    return defaultCidrs(takenRanges(vpc, vsws));
  }

  async preflight(input: ClusterSpecInput): Promise<CreatePreflight> {
    const account = await this.account(input.account);
    const session = await this.session(account.id);
    const [vpcs, vswitches, versions] = await Promise.all([
      settle(describeVpcs(session, input.regionId)),
      settle(listVSwitches(session, input.regionId, input.vpcId)),
      settle(describeKubernetesVersions(session, input.regionId)),
    ]);
    const vpc = vpcs instanceof Error ? undefined : vpcs.find((v) => v.vpcId === input.vpcId);
    const taken = takenRanges(vpc, vswitches instanceof Error ? [] : vswitches);
    const newest =
      versions instanceof Error
        ? null
        : newestVersion(versions.filter((v) => v.creatable).map((v) => v.version));
    const spec = withDefaults({ ...input, account: account.name }, taken, newest);
    const { keyId, checks } = await runPreflight({
      session,
      accountId: account.id,
      spec,
      now: this.ctx.now(),
      vpcs,
      vswitches,
      versions,
    });
    return {
      accountId: account.id,
      accountName: account.name,
      spec,
      keyId,
      ready: checks.every((c) => c.status !== 'fail'),
      checkedAt: new Date(this.ctx.now()).toISOString(),
      checks,
      request: requestPreview(spec, keyId),
    };
  }

  private clock(accountId: string): Clock {
    return this.deps.clockFor(accountId);
  }

  private cloudAt(accountId: string): { cloudAt?: number } {
    const clock = this.clock(accountId);
    return clock === realClock ? {} : { cloudAt: clock.cloudNow() };
  }

  private async record(record: CreationRecord): Promise<void> {
    try {
      await this.journal.append(record);
    } catch (error) {
      throw new GuardError(
        'storage',
        `The creation journal ${this.journal.file} cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}). Free disk space or fix permissions; nothing is created without it.`,
      );
    }
  }

  private emit(view: CreationView): void {
    this.live.set(view.creationId, view);
    this.ctx.events.emit('creation.progress', { ...view });
  }

  /**
   * Creates the cluster. Resolves once the cloud accepted (or refused) CreateCluster; the
   * creation is then followed in the background (waitFor, creation.progress).
   */
  async create(input: ClusterSpecInput, confirmName: string): Promise<CreationView> {
    if (confirmName !== input.name) {
      throw new GuardError(
        'validation',
        `Type the cluster name "${input.name}" exactly to confirm the creation.`,
        { field: 'confirmName' },
      );
    }
    const claim = `${input.account}|${input.regionId}|${input.name}`;
    if (this.busy.has(claim)) {
      throw new GuardError(
        'conflict',
        `Cluster ${input.name} is already being created here. Wait for it to end.`,
      );
    }
    this.busy.add(claim);
    let handedOver = false;
    try {
      const { entries } = await this.journal.read();
      const running = [...entries.values()].find(
        (e) =>
          e.view.phase !== 'ended' &&
          e.view.name === input.name &&
          e.view.regionId === input.regionId,
      );
      if (running) {
        throw new GuardError(
          'conflict',
          `A creation of ${input.name} in ${input.regionId} is still being followed (${running.view.creationId}).`,
          { creationId: running.view.creationId },
        );
      }
      const preflight = await this.preflight(input);
      if (!preflight.ready) {
        const failing = preflight.checks.filter((c) => c.status === 'fail');
        throw new GuardError(
          'checklist-not-ready',
          `Not created: ${failing.length} check${failing.length === 1 ? '' : 's'} failed: ${failing.map((c) => `${c.id} (${c.summary})`).join('; ')}`,
          { failing: failing.map((c) => c.id), preflight },
        );
      }
      const session = await this.session(preflight.accountId);
      const body = preflight.request.body;
      const intent: Extract<CreationRecord, { type: 'intent' }> = {
        v: 1,
        type: 'intent',
        creationId: randomUUID(),
        at: this.ctx.now(),
        accountId: preflight.accountId,
        accountName: preflight.accountName,
        regionId: preflight.spec.regionId,
        name: preflight.spec.name,
        keyId: preflight.keyId,
        body,
      };
      await this.record(intent);
      const entry: CreationEntry = {
        view: viewOfIntent(intent),
        body,
        uncertain: false,
        cloud: {},
      };
      const view = entry.view;
      try {
        const answer = await createCluster(session, preflight.spec.regionId, body);
        const at = this.ctx.now();
        const cloud = this.cloudAt(view.accountId);
        await this.record({
          v: 1,
          type: 'requested',
          creationId: view.creationId,
          at,
          ...cloud,
          clusterId: answer.clusterId || null,
          taskId: answer.taskId,
          requestId: answer.requestId,
          uncertain: false,
        });
        if (cloud.cloudAt !== undefined) entry.cloud.requestedAt = cloud.cloudAt;
        Object.assign(view, {
          phase: 'creating',
          clusterId: answer.clusterId || null,
          taskId: answer.taskId,
          requestId: answer.requestId,
          requestedAt: new Date(at).toISOString(),
          clusterState: 'initial',
        });
      } catch (error) {
        if (
          error instanceof CloudError &&
          (error.kind === 'network' || error.kind === 'tooLarge')
        ) {
          // It may have landed: never sent again (retry.ts); the follower looks for it by name.
          const at = this.ctx.now();
          await this.record({
            v: 1,
            type: 'requested',
            creationId: view.creationId,
            at,
            ...this.cloudAt(view.accountId),
            clusterId: null,
            taskId: null,
            requestId: null,
            uncertain: true,
          });
          Object.assign(view, {
            phase: 'creating',
            requestedAt: new Date(at).toISOString(),
            note: 'The answer to the request did not come back; looking for the cluster by name to find out whether it was created.',
          });
          entry.uncertain = true;
        } else {
          const refused = {
            code: error instanceof CloudError ? (error.cloud.cloudCode ?? error.kind) : 'Internal',
            message: messageOf(error),
            requestId: error instanceof CloudError ? error.cloud.requestId : null,
          };
          const at = this.ctx.now();
          await this.record({
            v: 1,
            type: 'ended',
            creationId: view.creationId,
            at,
            outcome: 'rejected',
            clusterState: null,
            error: refused,
          });
          Object.assign(view, {
            phase: 'ended',
            outcome: 'rejected',
            endedAt: new Date(at).toISOString(),
            error: refused,
          });
          this.emit(view);
          await this.deps.audit.creation(view, 'ended');
          throw error;
        }
      }
      this.emit(view);
      await this.deps.audit.creation(view, 'requested');
      this.startFollowing(entry, session, claim);
      handedOver = true;
      return { ...view };
    } finally {
      if (!handedOver) this.busy.delete(claim);
    }
  }

  private startFollowing(entry: CreationEntry, session: CloudSession | null, claim: string): void {
    const view = entry.view;
    const run = async (): Promise<CreationView> => {
      if (!session) {
        const error = {
          code: 'AccountUnavailable',
          message:
            'The account of this creation is gone or its credentials cannot be read; the cluster may exist in the cloud.',
          requestId: view.requestId,
        };
        const at = this.ctx.now();
        await this.record({
          v: 1,
          type: 'ended',
          creationId: view.creationId,
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
      return followCreation(entry, {
        session,
        clock,
        now: this.ctx.now,
        recordCloudTime: clock !== realClock,
        signal: this.abort.signal,
        record: (r) => this.record(r),
        progress: (v) => this.emit(v),
      });
    };
    const promise = run()
      .then(async (final) => {
        if (final.phase === 'ended') {
          await this.deps.audit.creation(final, 'ended').catch(() => undefined);
          this.deps.onEnded?.(final);
        }
        return final;
      })
      .finally(() => {
        this.busy.delete(claim);
        this.followers.delete(view.creationId);
      });
    this.followers.set(view.creationId, promise);
  }

  /** Resumes following every unfinished creation in the journal (app start). */
  async resume(): Promise<number> {
    const { entries } = await this.journal.read();
    let resumed = 0;
    for (const entry of entries.values()) {
      const view = entry.view;
      if (view.phase === 'ended' || this.followers.has(view.creationId)) continue;
      if (view.requestedAt === null) {
        // Journaled, but the fate of the request was never written: we died while sending it.
        entry.uncertain = true;
        view.requestedAt = view.startedAt;
        view.phase = 'creating';
      }
      const claim = `${view.accountName}|${view.regionId}|${view.name}`;
      this.busy.add(claim);
      const session = await this.session(view.accountId).catch(() => null);
      this.startFollowing(entry, session, claim);
      resumed += 1;
    }
    return resumed;
  }

  async list(filter: { activeOnly?: boolean } = {}): Promise<CreationList> {
    const { entries, problems } = await this.journal.read();
    const views = [...entries.values()].map((e) => this.live.get(e.view.creationId) ?? e.view);
    return {
      creations: views
        .filter((v) => !filter.activeOnly || v.phase !== 'ended')
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
      problems,
    };
  }

  /** Waits for a creation to end (CLI --wait, tests). */
  async waitFor(creationId: string): Promise<CreationView> {
    const follower = this.followers.get(creationId);
    if (follower) return follower;
    const found = (await this.list()).creations.find((c) => c.creationId === creationId);
    if (!found) throw new GuardError('not-found', `No creation ${creationId}.`);
    return found;
  }

  hasCreationsInFlight(): boolean {
    return [...this.live.values()].some((v) => v.phase !== 'ended');
  }

  /** Looks for the ActionTrail proof again (a creation that ended before it was in). */
  async verify(creationId: string): Promise<CreationView> {
    const { entries } = await this.journal.read();
    const entry = entries.get(creationId);
    if (!entry) throw new GuardError('not-found', `No creation ${creationId}.`);
    const view = this.live.get(creationId) ?? entry.view;
    if (!view.clusterId || !view.runningAt || view.keyInMetaData !== view.keyId) {
      throw new GuardError(
        'conflict',
        `Creation ${creationId} has no running cluster with the key in its meta_data, so there is nothing to prove.`,
      );
    }
    const clock = this.clock(view.accountId);
    const runningAt =
      entry.cloud.runningAt ??
      clock.cloudNow() - (this.ctx.now() - Date.parse(view.runningAt)) * clock.scale;
    const proof = await proveCreation(await this.session(view.accountId), {
      clusterId: view.clusterId,
      regionId: view.regionId,
      keyId: view.keyId,
      runningAt: new Date(runningAt),
      now: new Date(clock.cloudNow()),
    });
    await this.record({ v: 1, type: 'proof', creationId, at: this.ctx.now(), proof });
    const next = { ...view, proof };
    this.emit(next);
    return next;
  }

  async dispose(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.followers.values()]);
  }
}

/** The VPC's ranges and its vSwitches': what new pod and Service CIDRs must stay clear of. */
function takenRanges(
  vpc: { cidrBlock: string | null; secondaryCidrBlocks: string[] } | undefined,
  vswitches: { cidrBlock: string | null }[],
): string[] {
  return [
    ...(vpc?.cidrBlock ? [vpc.cidrBlock] : []),
    ...(vpc?.secondaryCidrBlocks ?? []),
    ...vswitches.flatMap((v) => (v.cidrBlock ? [v.cidrBlock] : [])),
  ];
}
