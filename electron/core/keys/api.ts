// The keys slice of the contract: the key guard's sweep and its fixes. With `sweepOnRefresh`
// the guard sweeps the refreshed accounts' keys after every fleet refresh (`fleet.updated`).
import { GuardError, message } from '../../contract';
import type { CoreApi } from '../../contract';
import { defaultKeyAlias } from '../../contract/key-choice';
import type { CoreContext } from '../context';
import { KeyGuard } from './guard';
import type { KeyGuardDeps } from './guard';
import { createCompliantKey } from './create';

type KeysApi = Pick<CoreApi, 'keys.health' | 'keys.fix' | 'keys.create'>;

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
    'keys.create': async ({ accountId, regionId, alias, dkmsInstanceId, confirmAlias }) => {
      const name = alias ?? defaultKeyAlias(regionId);
      // The window sends what the user confirmed; anything else creates nothing.
      if (confirmAlias !== name)
        throw new GuardError(
          'validation',
          message('key.create.confirm', { alias: name, typed: confirmAlias ?? '' }),
          { field: 'confirmAlias' },
        );
      const who = await deps.describeAccount(accountId);
      const created = await deps.audit.keyCreate(
        { accountId, ...who, regionId, alias: name },
        async () =>
          createCompliantKey(await deps.sessionFor(accountId), {
            accountId,
            regionId,
            alias: name,
            dkmsInstanceId,
          }),
      );
      deps.refreshSoon?.(accountId, regionId);
      return created;
    },
  };
  return { api, service: guard };
}
