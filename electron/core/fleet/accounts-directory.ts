// The fleet's view of the saved accounts.
import type { AccountsService } from '../accounts';
import type { AccountDirectory } from './directory';

export function accountsDirectory(accounts: AccountsService): AccountDirectory {
  return {
    async listAccounts() {
      return (await accounts.list()).map((a) => ({
        id: a.id,
        name: a.name,
        regions: a.regions,
        cloudAccountId: a.identity?.accountId ?? null,
      }));
    },
    sessionFor: (accountId) => accounts.sessionFor(accountId),
  };
}
