// The demo account: the built-in simulated cloud (the simulator, in this process, on loopback)
// and the saved accounts that point at it. The demo folder is the one place in the core allowed
// to import the simulator (eslint.config.js); it loads it on first use (simulator-module.ts).
//
// After a restart the demo accounts are still saved but their simulator is gone. We RESTART it
// rather than remove the accounts: someone who chose the demo expects to find it again, and the
// simulated world is a fixture anyway (it starts over from the fixture; any change made in the
// demo before the restart is forgotten, which the next fleet refresh shows). Before starting a
// new one we ask the saved endpoint whether a simulator still answers there (another app process
// or the CLI may have started it); if so we use it as it is and leave it running when we stop.
import type { Account, DemoStatus } from '../../contract';
import { GuardError } from '../../contract';
import type { Simulator } from '../../../simulator';
import type { AccountsService } from '../accounts';
import type { CoreContext } from '../context';
import { realClock, scaledClock } from '../util/clock';
import type { Clock } from '../util/clock';
import { errorParam, message, messageOf } from '../../contract';
import { demoCloudSummary } from './fixture-summary';
import { simulatorModule } from './simulator-module';

/** Simulated seconds per real second: a 10-minute encryption change takes about 30 s. */
export const DEMO_TIME_SCALE = 20;
const HEALTH_TIMEOUT_MS = 800;

/** The demo accounts, in the order they must be added (the role needs its source first). */
const DEMO_ACCOUNT_NAMES = {
  root: 'Demo · retail (root account)',
  ramUser: 'Demo · logistics (RAM user)',
  role: 'Demo · factory (RAM role)',
} as const;

async function secretOf(accessKeyId: string): Promise<string> {
  const { demoCredentials } = await simulatorModule();
  const found = demoCredentials().find((c) => c.accessKeyId === accessKeyId);
  if (!found) throw new Error(`The demo fixture has no AccessKey ${accessKeyId}.`);
  return found.accessKeySecret;
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const reply = await fetch(new URL('/__sim/health', endpoint), {
      signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
    });
    return reply.ok;
  } catch {
    return false;
  }
}

export class DemoService {
  private simulator: Simulator | null = null;
  /** The simulated cloud's base URL (ours, or one another process started). */
  private endpoint: string | null = null;
  private demoInUse = false;
  /** Serialises start, stop and the resume after a restart. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The saved demo accounts' ids, kept current from accounts.changed (see clockFor). */
  private readonly demoIds = new Set<string>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly accounts: AccountsService,
  ) {
    ctx.onDispose(() => this.stopSimulator());
    ctx.events.on('accounts.changed', () => {
      void this.refreshInUse();
      void this.refreshIds();
    });
    void this.refreshIds();
  }

  /**
   * The clock an account's changes are followed in: the simulated cloud's for a demo account
   * (so that a "10-minute" demo change is followed as closely as a real one), else real time.
   */
  clockFor = (accountId: string): Clock => {
    const sim = this.simulator;
    return this.demoIds.has(accountId) && sim
      ? scaledClock(DEMO_TIME_SCALE, () => sim.control.now())
      : realClock;
  };

  private async refreshIds(): Promise<void> {
    try {
      const ids = (await this.demoAccounts()).map((a) => a.id);
      this.demoIds.clear();
      for (const id of ids) this.demoIds.add(id);
    } catch {
      // keep the last known set
    }
  }

  /** app.info's `demoCloud`: the fixture's accounts and the clusters the fleet will list. */
  cloudSummary = () => demoCloudSummary();

  /** app.info's `demo`: a demo account is saved. Kept current from accounts.changed. */
  isDemo = (): boolean => this.demoInUse;

  /** The running simulator when this process started it (tests drive faults and time with it). */
  get sim(): Simulator | null {
    return this.simulator;
  }

  /** Waits for whatever start, stop or resume is under way. */
  settled(): Promise<void> {
    return this.queue.then(
      () => undefined,
      () => undefined,
    );
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async demoAccounts(): Promise<Account[]> {
    return (await this.accounts.list()).filter((a) => a.demo);
  }

  private async refreshInUse(): Promise<void> {
    try {
      this.demoInUse = (await this.demoAccounts()).length > 0;
    } catch {
      // The registry could not be read now; keep the last answer.
    }
  }

  /** Started by createCore: brings saved demo accounts back to a simulator that answers. */
  resume(): Promise<void> {
    return this.serial(async () => {
      try {
        await this.reconnect();
      } catch (error) {
        // Not silent: the window shows the notice, and the accounts' calls fail visibly.
        this.ctx.notice(
          'warning',
          message('notice.demoRestartFailed', { detail: errorParam(error) }),
        );
      }
    });
  }

  private async reconnect(): Promise<void> {
    const saved = await this.demoAccounts().catch(() => []);
    this.demoInUse = saved.length > 0;
    if (saved.length === 0) return;
    const previous = saved[0]!.network.endpoint;
    if (previous && (await answers(previous))) {
      this.endpoint = previous;
      return;
    }
    const url = await this.ensureSimulator();
    // Sources before the role: the role's live check assumes it through its source.
    const ordered = [...saved].sort((a, b) => rank(a) - rank(b));
    for (const account of ordered) {
      if (account.network.endpoint === url) continue;
      await this.accounts.update({
        id: account.id,
        kind: account.kind,
        network: { endpoint: url },
      });
    }
  }

  start(): Promise<DemoStatus> {
    return this.serial(async () => {
      const existing = await this.demoAccounts();
      if (existing.length > 0 && this.endpoint && (await answers(this.endpoint))) {
        return { running: true, accounts: existing };
      }
      // Saved demo accounts but a dead simulator: start over cleanly.
      for (const account of [...existing].sort((a, b) => rank(b) - rank(a)))
        await this.accounts.remove(account.id);
      const url = await this.ensureSimulator();
      const { DEMO } = await simulatorModule();
      const network = { endpoint: url };
      const added: Account[] = [];
      try {
        const root = await this.accounts.add(
          {
            kind: 'access-key',
            name: DEMO_ACCOUNT_NAMES.root,
            colour: 'orange',
            accessKeyId: DEMO.accessKeys.retailRoot,
            accessKeySecret: await secretOf(DEMO.accessKeys.retailRoot),
            network,
          },
          { demo: true },
        );
        added.push(root);
        // A RAM user without AliyunKMSCryptoAdminAccess and with uneven RBAC: its checklist
        // fails for real reasons. It may call sts:AssumeRole: the role below is assumed as it.
        const ramUser = await this.accounts.add(
          {
            kind: 'access-key',
            name: DEMO_ACCOUNT_NAMES.ramUser,
            colour: 'teal',
            accessKeyId: DEMO.accessKeys.logisticsEngineer,
            accessKeySecret: await secretOf(DEMO.accessKeys.logisticsEngineer),
            network,
          },
          { demo: true },
        );
        added.push(ramUser);
        // A role in another account, assumed as that RAM user (a root account cannot call
        // AssumeRole: docs/alibaba-cloud-api.md §7); that account lacks the
        // AliyunCSManagedSecurityRole service role.
        added.push(
          await this.accounts.add(
            {
              kind: 'ram-role',
              name: DEMO_ACCOUNT_NAMES.role,
              colour: 'purple',
              sourceAccountId: ramUser.id,
              roleArn: DEMO.factoryRoleArn,
              sessionName: 'ack-secret-guard-demo',
              network,
            },
            { demo: true },
          ),
        );
      } catch (error) {
        for (const account of added.reverse())
          await this.accounts.remove(account.id).catch(() => undefined);
        await this.stopSimulator();
        throw error;
      }
      this.demoInUse = true;
      return { running: true, accounts: await this.demoAccounts() };
    });
  }

  stop(): Promise<DemoStatus> {
    return this.serial(async () => {
      const saved = await this.demoAccounts();
      // Dependants first: a role account blocks the removal of its source.
      for (const account of [...saved].sort((a, b) => rank(b) - rank(a)))
        await this.accounts.remove(account.id);
      await this.stopSimulator();
      this.endpoint = null;
      this.demoInUse = false;
      return { running: false, accounts: [] };
    });
  }

  private async ensureSimulator(): Promise<string> {
    if (this.simulator) return this.simulator.url;
    try {
      const { startSimulator } = await simulatorModule();
      this.simulator = await startSimulator({
        fixture: 'demo',
        port: 0,
        host: '127.0.0.1',
        timeScale: DEMO_TIME_SCALE,
      });
    } catch (error) {
      throw new GuardError(
        'internal',
        `The simulated cloud of the demo account could not start: ${messageOf(error)}`,
      );
    }
    this.endpoint = this.simulator.url;
    return this.simulator.url;
  }

  private async stopSimulator(): Promise<void> {
    const sim = this.simulator;
    this.simulator = null;
    if (sim) await sim.stop();
  }
}

function rank(account: Account): number {
  return account.kind === 'ram-role' ? 1 : 0;
}
