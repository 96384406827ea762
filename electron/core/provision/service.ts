// New clusters with encryption: preflight (refused unless ready), the intent journaled and synced
// BEFORE CreateCluster, the answer recorded, then the creation followed to running, the key
// checked in meta_data, and the ActionTrail proof — across restarts, like a change.
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
import type { CloudSession } from '../cloud/session';
import type { CoreContext } from '../context';
import type { AccountDirectory, FleetAccount } from '../accounts/directory';
import { realClock } from '../util/clock';
import type { Clock } from '../util/clock';
import { followCreation } from './follow';
import { CreationJournal, viewOfIntent } from './journal';
import type { CreationEntry, CreationRecord } from './journal';
import {
  clusterDefaults,
  preflightSpec,
  versionOptions,
  vpcOptions,
  vswitchOptions,
} from './options';
import { sendCreation } from './send';
import { proveCreation } from './proof';

export interface ProvisionDeps {
  directory: AccountDirectory;
  audit: AuditRecorder;
  clockFor: (accountId: string) => Clock;
  /** A creation ended (the fleet refreshes the region). */
  onEnded?: (view: CreationView) => void;
}

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
    return vpcOptions(await this.session(accountId), regionId);
  }

  async vswitches(
    accountId: string,
    regionId: string,
    vpcId: string,
  ): Promise<{ vswitches: VSwitchOption[] }> {
    return vswitchOptions(await this.session(accountId), regionId, vpcId);
  }

  async versions(
    accountId: string,
    regionId: string,
  ): Promise<{ versions: KubernetesVersionOption[] }> {
    return versionOptions(await this.session(accountId), regionId);
  }

  async defaults(accountId: string, regionId: string, vpcId: string): Promise<ClusterDefaults> {
    return clusterDefaults(await this.session(accountId), regionId, vpcId);
  }

  async preflight(input: ClusterSpecInput): Promise<CreatePreflight> {
    const account = await this.account(input.account);
    return preflightSpec(await this.session(account.id), account, input, this.ctx.now());
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
      await sendCreation(entry, session, preflight.spec.regionId, {
        now: this.ctx.now,
        cloudAt: () => this.cloudAt(view.accountId),
        record: (r) => this.record(r),
        ended: async (v) => {
          this.emit(v);
          await this.deps.audit.creation(v, 'ended');
        },
      });
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
