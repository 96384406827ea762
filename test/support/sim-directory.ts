// An AccountDirectory over the simulator's demo accounts, for tests that exercise the fleet and
// the checklist without the keychain (the accounts domain has its own tests against it).
import { DEMO, demoCredentials } from '../../simulator';
import type { Simulator } from '../../simulator';
import { CloudLimits, CloudSession } from '../../electron/core/cloud/session';
import type { CallInfo, Timeouts } from '../../electron/core/cloud/session';
import { assumeRole } from '../../electron/core/cloud/sts';
import type { AccountDirectory, FleetAccount } from '../../electron/core/accounts/directory';

export interface SimDirectoryOptions {
  timeouts?: Timeouts;
  limits?: CloudLimits;
  onCall?: (info: CallInfo) => void;
  /** Restrict the accounts' regions (default: every region the cloud reports). */
  regions?: string[] | null;
}

export const ACCOUNT_IDS = {
  retail: 'acc-retail',
  logistics: 'acc-logistics',
  factory: 'acc-factory',
} as const;

export function simDirectory(
  sim: Simulator,
  options: SimDirectoryOptions = {},
): AccountDirectory & {
  sessions: Map<string, CloudSession>;
} {
  const limits = options.limits ?? new CloudLimits();
  const secretOf = (id: string) => {
    const found = demoCredentials().find((c) => c.accessKeyId === id);
    if (!found) throw new Error(`no demo key ${id}`);
    return { accessKeyId: found.accessKeyId, accessKeySecret: found.accessKeySecret };
  };
  const base = {
    limits,
    network: { endpoint: sim.url },
    timeouts: options.timeouts ?? { connectMs: 2_000, readMs: 5_000 },
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
    ...(options.onCall ? { onCall: options.onCall } : {}),
  };
  const retail = new CloudSession({
    ...base,
    accountKey: ACCOUNT_IDS.retail,
    credentials: async () => secretOf(DEMO.accessKeys.retailRoot),
  });
  const logistics = new CloudSession({
    ...base,
    accountKey: ACCOUNT_IDS.logistics,
    credentials: async () => secretOf(DEMO.accessKeys.logisticsEngineer),
  });
  // The factory role is assumed as the RAM user field-engineer (a root account cannot call
  // AssumeRole), through a session of its own so a test can break the logistics one alone.
  const factorySource = new CloudSession({
    ...base,
    accountKey: `${ACCOUNT_IDS.factory}-source`,
    credentials: async () => secretOf(DEMO.accessKeys.logisticsEngineer),
  });
  const factory = new CloudSession({
    ...base,
    accountKey: ACCOUNT_IDS.factory,
    credentials: async () =>
      (
        await assumeRole(factorySource, {
          roleArn: DEMO.factoryRoleArn,
          sessionName: 'test',
          durationSeconds: 3600,
        })
      ).credentials,
  });
  const sessions = new Map<string, CloudSession>([
    [ACCOUNT_IDS.retail, retail],
    [ACCOUNT_IDS.logistics, logistics],
    [ACCOUNT_IDS.factory, factory],
  ]);
  const regions = options.regions === undefined ? null : options.regions;
  const accounts: FleetAccount[] = [
    { id: ACCOUNT_IDS.retail, name: 'Retail', regions, cloudAccountId: DEMO.accounts.retail.id },
    {
      id: ACCOUNT_IDS.logistics,
      name: 'Logistics',
      regions,
      cloudAccountId: DEMO.accounts.logistics.id,
    },
    { id: ACCOUNT_IDS.factory, name: 'Factory', regions, cloudAccountId: DEMO.accounts.factory.id },
  ];
  return {
    sessions,
    listAccounts: async () => accounts,
    sessionFor: async (id) => {
      const session = sessions.get(id);
      if (!session) throw new Error(`unknown account ${id}`);
      return session;
    },
  };
}
