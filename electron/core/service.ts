// Composition root: builds the object that implements the contract, from plain Node parts.
// Electron main, the CLI and the browser test harness all call this; none of them adds behaviour.
// Each room (accounts, app, audit, batch, checks, demo, fleet, keys, operations, provision,
// settings, verify) makes its slice of the contract and its service in its own api.ts; this file
// only builds and wires them, each after the rooms it needs, so that nothing is bound late.
import type { CoreApi } from '../contract';
import { accountsDirectory, createAccountsApi, describeAccount, peerAccounts } from './accounts';
import type { AccountsOptions } from './accounts';
import { createAppApi } from './app/api';
import { createAuditApi } from './audit/api';
import { createChecksApi } from './checks/api';
import type { ChecksService } from './checks/api';
import { clustersFromFleet, createBatchApi } from './batch/api';
import type { BatchService } from './batch/service';
import { createContext } from './context';
import type { CoreContext } from './context';
import { createDemoApi } from './demo';
import { EventHub } from './events';
import { createFleetApi } from './fleet/api';
import { createOperationsApi } from './operations/api';
import { Journal } from './operations/journal';
import type { OperationsService } from './operations/service';
import { createSettingsApi } from './settings/api';
import type { Clock } from './util/clock';
import { createVerifyApi } from './verify/api';
import { createKeysApi } from './keys/api';
import type { KeyGuardOptions } from './keys/api';
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
  /** The key guard: sweep keys after every fleet refresh (the window's shells; not the CLI). */
  keyGuard?: KeyGuardOptions;
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
  /** The checklist's one door (checks/api.ts), for the benchmark's batch-plan figure. */
  checks: ChecksService;
  dispose(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const cleanups: (() => Promise<void> | void)[] = [];
  // Settings first: the cloud limits every call waits on come from them.
  const settings = createSettingsApi(options.dataDir, options.cloudLimits);
  const context = createContext({
    dataDir: options.dataDir,
    version: options.version,
    platform: options.platform ?? process.platform,
    arch: options.arch ?? process.arch,
    events: new EventHub(),
    cloudLimits: settings.service.cloudLimits,
    env: options.env ?? process.env,
    now: options.now ?? Date.now,
    onDispose: (cleanup) => void cleanups.push(cleanup),
  });

  const accounts = createAccountsApi(context, options.accounts);
  const directory = accountsDirectory(accounts.service);
  const demo = createDemoApi(context, accounts.service);
  const app = createAppApi(context, {
    isDemo: demo.service.isDemo,
    demoCloud: demo.service.cloudSummary,
    settingsProblem: settings.service.problem,
  });
  const clockFor = (accountId: string): Clock =>
    options.clockFor?.(accountId) ?? demo.service.clockFor(accountId);
  const cloudAccountOf = async (accountId: string) =>
    (await describeAccount(directory, accountId)).cloudAccountId;
  const audit = createAuditApi(context, cloudAccountOf);
  // The checklist asks when a cluster's last change ended, and the operations room runs the
  // checklist before each change: both read the one journal, made before either.
  const journal = new Journal(context.dataDir);
  const fleet = createFleetApi(context, directory);
  const checks = createChecksApi(context, {
    locate: fleet.service.locate,
    sessionFor: (accountId) => directory.sessionFor(accountId),
    peersOf: (accountId) => peerAccounts(directory, accountId),
    clockFor,
    lastChangeEndedAt: (clusterId) => journal.lastChangeEndedAt(clusterId),
  });
  const operations = createOperationsApi(
    context,
    directory,
    {
      journal,
      locate: fleet.service.locate,
      checks: checks.service,
      audit: audit.service,
      describeAccount: (accountId) => describeAccount(directory, accountId),
      onRequested: (view) => audit.service.operation(view, 'requested'),
      onEnded: async (view) => {
        await audit.service.changeEnded(view);
        fleet.service.changeEnded(view);
      },
    },
    { clockFor, timeLimitMs: () => settings.service.current.changes.timeLimitMinutes * 60_000 },
  );
  const verify = createVerifyApi({
    directory,
    locate: fleet.service.locate,
    operations: operations.service,
    clockFor,
  });
  const batch = createBatchApi(context, {
    operations: operations.service,
    clusters: clustersFromFleet(fleet.service),
    checks: checks.service,
    listKeys: async (accountId, regionId) =>
      (await fleet.api['keys.list']({ accountId, regionId })).keys,
    clockFor,
    audit: audit.service,
  });
  // The key guard sweeps every key in use after each fleet refresh (it listens to fleet.updated).
  const keys = createKeysApi(
    context,
    {
      snapshot: () => fleet.service.snapshot(),
      sessionFor: (accountId) => directory.sessionFor(accountId),
      audit: audit.service,
      describeAccount: (accountId) => describeAccount(directory, accountId),
      refreshSoon: (accountId, regionId) => fleet.service.refreshSoon(accountId, regionId),
      clockFor,
    },
    options.keyGuard,
  );
  const provision = createProvisionApi(context, {
    directory,
    audit: audit.service,
    clockFor,
    onEnded: (view) => fleet.service.refreshSoon(view.accountId, view.regionId),
  });
  const api: CoreApi = {
    ...app.api,
    ...accounts.api,
    ...fleet.api,
    ...checks.api,
    ...demo.api,
    ...operations.api,
    ...keys.api,
    ...verify.api,
    ...audit.api,
    ...settings.api,
    ...batch.api,
    ...provision.api,
  };

  let disposed = false;
  return {
    api,
    events: context.events,
    context,
    operations: operations.service,
    batches: batch.service,
    provision: provision.service,
    checks: checks.service,
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
