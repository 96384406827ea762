// Composition root: builds the object that implements the contract, from plain Node parts.
// Electron main, the CLI and the browser test harness all call this; none of them adds behaviour.
// Each domain contributes its slice of the contract; this file only wires them together.
import type { CoreApi } from '../contract';
import { accountsOf, createAccountsApi } from './accounts';
import type { AccountsOptions } from './accounts';
import { createAppApi } from './app/api';
import { CloudLimits } from './cloud/session';
import { createDemo } from './demo';
import type { CoreContext } from './context';
import type { Clock } from './util/clock';
import { EventHub } from './events';
import { dataDirProblem } from './paths';
import { accountsDirectory } from './fleet/accounts-directory';
import { peerAccounts } from './fleet/directory';
import { createFleetApi } from './fleet/api';
import { AuditLog } from './audit';
import { AuditRecorder } from './audit/recorder';
import { createOperationsApi } from './operations/api';
import { SettingsStore } from './settings/store';
import { createVerifyApi } from './verify/api';
import type { OperationsService } from './operations/service';
import { clustersFromFleet, createBatchApi } from './batch/api';
import { batchAuditWriter } from './batch/audit';
import type { BatchService } from './batch/service';
import { createProvisionApi } from './provision/api';
import type { ProvisionService } from './provision/service';

export interface CoreOptions {
  /** Where metadata, snapshots, journal and audit live. */
  dataDir: string;
  version: string;
  platform?: NodeJS.Platform;
  arch?: string;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
  /** Concurrency limits for cloud calls: across all accounts, and per account. */
  cloudLimits?: { global?: number; perAccount?: number };
  /**
   * How the operations poller waits for an account's changes. Tests and the benchmark give the
   * simulated cloud's scaled clock; the demo wiring does the same for demo accounts.
   */
  clockFor?: (accountId: string) => Clock;
  /** Keychain backend and timeouts (tests inject an in-memory store or a short timeout). */
  accounts?: AccountsOptions;
}

export interface Core {
  api: CoreApi;
  events: EventHub;
  context: CoreContext;
  /** The change workflow, for the shells: resume() on start, waitFor() in the CLI, quit guard. */
  operations: OperationsService;
  /** Batches, for the shells: resume() on start (after operations.resume()), settled() in the CLI. */
  batches: BatchService;
  /** New clusters with encryption, for the shells: resume() on start, waitFor() in the CLI. */
  provision: ProvisionService;
  dispose(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const cleanups: (() => Promise<void> | void)[] = [];
  const settings = new SettingsStore(options.dataDir);
  const configured = settings.current;
  const context: CoreContext = {
    dataDir: options.dataDir,
    version: options.version,
    platform: options.platform ?? process.platform,
    arch: options.arch ?? process.arch,
    events: new EventHub(),
    // Explicit limits (tests, bench) win over the user's settings.
    cloudLimits: new CloudLimits(
      options.cloudLimits?.global ?? configured.cloud.concurrency,
      options.cloudLimits?.perAccount ?? configured.cloud.concurrencyPerAccount,
    ),
    env: options.env ?? process.env,
    now: options.now ?? Date.now,
    onDispose: (cleanup) => void cleanups.push(cleanup),
  };

  const accountsApi = createAccountsApi(context, options.accounts);
  const directory = accountsDirectory(accountsOf(context));
  // Operations and fleet need each other (locate a cluster / when did its last change end):
  // the hooks resolve lazily, once both exist.
  let operations: OperationsService | null = null;
  const fleet = createFleetApi(context, directory, {
    clockFor: (accountId) => clockFor(accountId),
    lastChangeEndedAt: (clusterId) =>
      operations?.lastChangeEndedAt(clusterId) ?? Promise.resolve(null),
  });

  const demo = createDemo(context, accountsOf(context));
  const clockFor = (accountId: string): Clock =>
    options.clockFor?.(accountId) ?? demo.clockFor(accountId);
  const describeAccount = async (accountId: string) => {
    const account = (await accountsOf(context).list()).find((a) => a.id === accountId);
    return {
      accountName: account?.name ?? accountId,
      cloudAccountId: account?.identity?.accountId ?? null,
    };
  };
  const audit = new AuditRecorder(
    context,
    new AuditLog(context.dataDir),
    async (id) => (await describeAccount(id)).cloudAccountId,
  );
  const ops = createOperationsApi(
    context,
    directory,
    {
      locate: fleet.locate,
      audit,
      describeAccount,
      onRequested: (view) => audit.operation(view, 'requested'),
      onEnded: async (view) => {
        if (view.outcome !== 'rejected') await audit.ensureRequested(view);
        await audit.operation(view, 'ended');
        // A change that ended moves the cluster's posture: refresh it in the snapshot.
        if (view.outcome !== 'rejected') fleet.fleet.refreshSoon(view.accountId, view.regionId);
      },
    },
    { clockFor, timeLimitMs: () => settings.current.changes.timeLimitMinutes * 60_000 },
  );
  operations = ops.operations;
  context.onDispose(() => fleet.fleet.cancelPending());
  const verifyApi = createVerifyApi({
    directory,
    locate: fleet.locate,
    operations: () => ops.operations,
    clockFor,
  });
  const batch = createBatchApi(context, {
    operations: ops.operations,
    clusters: clustersFromFleet(fleet.fleet),
    sessionFor: (accountId) => directory.sessionFor(accountId),
    peersOf: (accountId) => peerAccounts(directory, accountId),
    clockFor,
    audit: batchAuditWriter(
      context,
      audit.log,
      async (id) => (await describeAccount(id)).cloudAccountId,
    ),
  });
  const provision = createProvisionApi(context, {
    directory,
    audit,
    clockFor,
    onEnded: (view) => fleet.fleet.refreshSoon(view.accountId, view.regionId),
  });
  const appApi = createAppApi(context, demo.isDemo);
  // A data folder others may write into, or that another user owns: every start says so (the
  // CLI refuses the latter before it gets here; the window shows this notice).
  const folderProblem = dataDirProblem(options.dataDir);
  if (folderProblem) {
    context.events.emit('app.notice', {
      level: folderProblem.severity === 'refuse' ? 'error' : 'warning',
      message: folderProblem.message,
      at: new Date(context.now()).toISOString(),
    });
  }
  if (settings.problem) {
    context.events.emit('app.notice', {
      level: 'warning',
      message: settings.problem,
      at: new Date(context.now()).toISOString(),
    });
  }
  const api: CoreApi = {
    ...appApi,
    ...accountsApi,
    ...fleet.api,
    ...demo.api,
    ...ops.api,
    ...verifyApi,
    'audit.list': (filter) => audit.log.list(filter),
    'settings.get': async () => settings.current,
    'settings.update': async (patch) => {
      const next = await settings.update(patch);
      context.cloudLimits.set(next.cloud.concurrency, next.cloud.concurrencyPerAccount);
      return next;
    },
    ...batch.api,
    ...provision.api,
  };

  let disposed = false;
  return {
    api,
    events: context.events,
    context,
    operations: ops.operations,
    batches: batch.batches,
    provision: provision.service,
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const cleanup of cleanups.reverse()) {
        try {
          await cleanup();
        } catch {
          // Shutting down: one failing cleanup must not keep the others from running.
        }
      }
    },
  };
}
