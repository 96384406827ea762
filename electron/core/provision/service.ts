// New clusters with encryption: preflight (refused unless ready), the intent journaled and synced
// BEFORE CreateCluster, the answer recorded, then the creation followed to running, the key
// checked in meta_data, and the ActionTrail proof — across restarts, like a change.
import { randomUUID } from 'node:crypto';
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
import { JournaledWrites } from '../util/journaled-writes';
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

/** One creation at a time per name and region (the journal's conflict rule below too). */
const claimOf = (regionId: string, name: string) => `${regionId}|${name}`;

export class ProvisionService {
  readonly journal: CreationJournal;
  private readonly writes: JournaledWrites<
    CreationView,
    CreationEntry,
    CreationRecord,
    CloudSession
  >;

  constructor(
    private readonly ctx: CoreContext,
    private readonly deps: ProvisionDeps,
  ) {
    const journal = (this.journal = new CreationJournal(ctx.dataDir));
    this.writes = new JournaledWrites({
      journal,
      noun: 'creation',
      idOf: (v) => v.creationId,
      claimOf: (v) => claimOf(v.regionId, v.name),
      now: ctx.now,
      clockFor: deps.clockFor,
      sessionFor: (accountId) => this.session(accountId),
      emit: (v) => ctx.events.emit('creation.progress', v),
      endedRecord: (v, at, outcome, error) => ({
        v: 1,
        type: 'ended',
        creationId: v.creationId,
        at,
        outcome,
        clusterState: v.clusterState,
        error,
      }),
      accountGone:
        'The account of this creation is gone or its credentials cannot be read; the cluster may exist in the cloud.',
      unsent: (entry) => {
        entry.view.phase = 'creating';
      },
      follow: (entry, session, signal) => {
        const clock = deps.clockFor(entry.view.accountId);
        return followCreation(entry, {
          session,
          clock,
          now: ctx.now,
          recordCloudTime: clock !== realClock,
          signal,
          record: (r) => this.writes.record(r),
          progress: (v) => this.writes.emit(v),
        });
      },
      ended: async (v) => {
        await deps.audit.creation(v, 'ended').catch(() => undefined);
        deps.onEnded?.(v);
      },
    });
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
    const claim = claimOf(input.regionId, input.name);
    this.writes.claim(
      claim,
      `Cluster ${input.name} is already being created here. Wait for it to end.`,
    );
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
      await this.writes.record(intent);
      const entry: CreationEntry = {
        view: viewOfIntent(intent),
        body,
        uncertain: false,
        cloud: {},
      };
      const view = entry.view;
      await sendCreation(entry, session, preflight.spec.regionId, {
        now: this.ctx.now,
        cloudAt: () => this.writes.cloudAt(view.accountId),
        record: (r) => this.writes.record(r),
        ended: async (v) => {
          this.writes.emit(v);
          await this.deps.audit.creation(v, 'ended');
        },
      });
      this.writes.emit(view);
      await this.deps.audit.creation(view, 'requested');
      this.writes.startFollowing(entry, session);
      handedOver = true;
      return { ...view };
    } finally {
      if (!handedOver) this.writes.release(claim);
    }
  }

  /** Resumes following every unfinished creation in the journal (app start). */
  async resume(): Promise<number> {
    return (await this.writes.resume()).resumed;
  }

  async list(filter: { activeOnly?: boolean } = {}): Promise<CreationList> {
    const { views, problems } = await this.writes.views(
      (v) => !filter.activeOnly || v.phase !== 'ended',
    );
    return { creations: views, problems };
  }

  /** Waits for a creation to end (CLI --wait, tests). */
  waitFor(creationId: string): Promise<CreationView> {
    return this.writes.waitFor(creationId);
  }

  hasCreationsInFlight(): boolean {
    return this.writes.inFlight();
  }

  /** Looks for the ActionTrail proof again (a creation that ended before it was in). */
  async verify(creationId: string): Promise<CreationView> {
    const { entries } = await this.journal.read();
    const entry = entries.get(creationId);
    if (!entry) throw new GuardError('not-found', `No creation ${creationId}.`);
    const view = this.writes.current(entry.view);
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
    await this.writes.record({ v: 1, type: 'proof', creationId, at: this.ctx.now(), proof });
    const next = { ...view, proof };
    this.writes.emit(next);
    return next;
  }

  dispose(): Promise<void> {
    return this.writes.dispose();
  }
}
