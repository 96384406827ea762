// The demo slice of the contract, and the way tests reach the demo's simulator (through the
// core object, never through the contract): demoOf(core.context).sim?.control.
import type { CoreApi } from '../../contract';
import type { AccountsService } from '../accounts';
import type { CoreContext } from '../context';
import { realClock, scaledClock } from '../util/clock';
import type { Clock } from '../util/clock';
import { DEMO_TIME_SCALE, DemoService } from './service';

export { DEMO_TIME_SCALE, DemoService } from './service';

const services = new WeakMap<CoreContext, DemoService>();

export function demoOf(ctx: CoreContext): DemoService {
  const service = services.get(ctx);
  if (!service) throw new Error('The demo slice has not been created for this core.');
  return service;
}

export function createDemo(
  ctx: CoreContext,
  accounts: AccountsService,
): {
  api: Pick<CoreApi, 'demo.start' | 'demo.stop'>;
  isDemo: () => boolean;
  clockFor: (accountId: string) => Clock;
} {
  const service = new DemoService(ctx, accounts);
  services.set(ctx, service);
  void service.resume();

  // The operations poller waits in the simulated cloud's time for demo accounts, so that a
  // "10-minute" demo change is followed as closely as a real one.
  const demoIds = new Set<string>();
  const refreshIds = async () => {
    try {
      const ids = (await accounts.list()).filter((a) => a.demo).map((a) => a.id);
      demoIds.clear();
      for (const id of ids) demoIds.add(id);
    } catch {
      // keep the last known set
    }
  };
  void refreshIds();
  ctx.events.on('accounts.changed', () => void refreshIds());
  const clockFor = (accountId: string): Clock => {
    const sim = service.sim;
    return demoIds.has(accountId) && sim
      ? scaledClock(DEMO_TIME_SCALE, () => sim.control.now())
      : realClock;
  };
  return {
    api: {
      'demo.start': () => service.start(),
      'demo.stop': () => service.stop(),
    },
    isDemo: service.isDemo,
    clockFor,
  };
}
