// The accounts slice of the contract, and the way other domains reach the accounts service
// (credentials and CloudSessions for the fleet, checks and operations).
import type { CoreApi } from '../../contract';
import type { CoreContext } from '../context';
import { KeyringSecretStore } from './keyring-store';
import { AccountsService } from './service';
import type { AccountsServiceOptions } from './service';

export type AccountsCall =
  | 'accounts.list'
  | 'accounts.add'
  | 'accounts.update'
  | 'accounts.remove'
  | 'accounts.test'
  | 'accounts.importCli.preview'
  | 'accounts.importCli.apply';

/** What createCore may pass; everything optional (the real keychain by default). */
export type AccountsOptions = Partial<AccountsServiceOptions>;

const services = new WeakMap<CoreContext, AccountsService>();

/**
 * The accounts service of a core, for tests and the bench, which hold only the core:
 *   const session = await accountsOf(core.context).sessionFor(accountId);
 * createCore hands the other rooms the service itself (and accountsDirectory over it).
 */
export function accountsOf(ctx: CoreContext): AccountsService {
  const service = services.get(ctx);
  if (!service) throw new Error('The accounts slice has not been created for this core.');
  return service;
}

export function createAccountsApi(
  ctx: CoreContext,
  options: AccountsOptions = {},
): { api: Pick<CoreApi, AccountsCall>; service: AccountsService } {
  const service = new AccountsService(ctx, {
    ...options,
    secretStore: options.secretStore ?? new KeyringSecretStore(),
  });
  services.set(ctx, service);
  const api: Pick<CoreApi, AccountsCall> = {
    'accounts.list': async () => ({ accounts: await service.list() }),
    'accounts.add': async (input) => ({ account: await service.add(input) }),
    'accounts.update': async (input) => ({ account: await service.update(input) }),
    'accounts.remove': async ({ id }) => service.remove(id),
    'accounts.test': async ({ id }) => service.test(id),
    'accounts.importCli.preview': async (input) => service.previewCliImport(input.path),
    'accounts.importCli.apply': async (input) => service.applyCliImport(input),
  };
  return { api, service };
}
