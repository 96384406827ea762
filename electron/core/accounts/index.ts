// Public surface of the accounts domain for the rest of the core.
export { accountsOf, createAccountsApi } from './api';
export type { AccountsOptions } from './api';
export { accountsDirectory, describeAccount, peerAccounts } from './directory';
export type { AccountDirectory, FleetAccount } from './directory';
export type { AccountsService } from './service';
export type { SecretStore } from './secret-store';
export { KEYCHAIN_SERVICE } from './secret-store';
export type { AccountSecrets, StoredAccount } from './types';
