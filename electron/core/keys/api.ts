// The keys slice of the contract: the key guard's sweep and its fixes. With `sweepOnRefresh`
// the guard sweeps the refreshed accounts' keys after every fleet refresh (`fleet.updated`).
import type { CoreApi } from '../../contract';
import type { CoreContext } from '../context';
import { KeyGuard } from './guard';
import type { KeyGuardDeps } from './guard';

type KeysApi = Pick<CoreApi, 'keys.health' | 'keys.fix'>;

export interface KeyGuardOptions {
  /** Sweep after every fleet refresh (the desktop app and the demo in the browser do). */
  sweepOnRefresh?: boolean;
}

export function createKeysApi(
  ctx: CoreContext,
  deps: KeyGuardDeps,
  options: KeyGuardOptions = {},
): { api: KeysApi; service: KeyGuard } {
  const guard = new KeyGuard(ctx, deps);
  if (options.sweepOnRefresh) {
    const unsubscribe = ctx.events.on('fleet.updated', ({ accountIds }) => {
      // A failed sweep is already a finding or a problem in the report; nothing else to say.
      void guard.sweep(accountIds).catch(() => undefined);
    });
    ctx.onDispose(async () => {
      unsubscribe();
      await guard.idle();
    });
  }
  const api: KeysApi = {
    'keys.health': ({ accountIds, cached }) =>
      cached ? Promise.resolve(guard.last()) : guard.sweep(accountIds),
    'keys.fix': (input) => guard.fix(input),
  };
  return { api, service: guard };
}
