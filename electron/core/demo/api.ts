// The demo slice of the contract, and the way tests reach the demo's simulator (through the
// core object, never through the contract): demoOf(core.context).sim?.control.
import type { CoreApi } from '../../contract';
import type { AccountsService } from '../accounts';
import type { CoreContext } from '../context';
import { DemoService } from './service';

const services = new WeakMap<CoreContext, DemoService>();

export function demoOf(ctx: CoreContext): DemoService {
  const service = services.get(ctx);
  if (!service) throw new Error('The demo slice has not been created for this core.');
  return service;
}

export function createDemoApi(
  ctx: CoreContext,
  accounts: AccountsService,
): { api: Pick<CoreApi, 'demo.start' | 'demo.stop'>; service: DemoService } {
  const service = new DemoService(ctx, accounts);
  services.set(ctx, service);
  void service.resume();
  return {
    api: {
      'demo.start': () => service.start(),
      'demo.stop': () => service.stop(),
    },
    service,
  };
}
