// What the other rooms (fleet, operations, verify, batch) need to know about accounts: which
// ones, which regions, and a CloudSession. accountsDirectory() makes it from the saved accounts;
// tests and the bench can give a simple one.
import type { IdentityType } from '../../contract/types/accounts';
import type { CloudSession } from '../cloud/session';
import type { AccountsService } from './service';

export interface FleetAccount {
  id: string;
  name: string;
  /** null: every region where ACK Edge is offered to the account. */
  regions: string[] | null;
  /** The Alibaba Cloud account (uid), when known from the last identity check. */
  cloudAccountId: string | null;
  /** Root account, RAM user or assumed role, from the same check (absent: not known). */
  identityType?: IdentityType | null;
}

export interface AccountDirectory {
  listAccounts(): Promise<FleetAccount[]>;
  sessionFor(accountId: string): Promise<CloudSession>;
}

/**
 * The saved accounts other than `accountId`, for a check to ask what the caller may not see
 * (checks/context.ts PeerAccount). Sessions are made only when a peer is asked.
 */
export function peerAccounts(
  directory: AccountDirectory,
  accountId: string,
): () => Promise<
  {
    id: string;
    name: string;
    cloudAccountId: string | null;
    session: () => Promise<CloudSession>;
  }[]
> {
  return async () =>
    (await directory.listAccounts())
      .filter((a) => a.id !== accountId)
      .map((a) => ({
        id: a.id,
        name: a.name,
        cloudAccountId: a.cloudAccountId,
        session: () => directory.sessionFor(a.id),
      }));
}

/** An account's display name and uid, for the audit log (its id when the account is gone). */
export async function describeAccount(
  directory: AccountDirectory,
  accountId: string,
): Promise<{ accountName: string; cloudAccountId: string | null }> {
  const account = (await directory.listAccounts()).find((a) => a.id === accountId);
  return {
    accountName: account?.name ?? accountId,
    cloudAccountId: account?.cloudAccountId ?? null,
  };
}

/** The directory of the saved accounts. */
export function accountsDirectory(accounts: AccountsService): AccountDirectory {
  return {
    async listAccounts() {
      return (await accounts.list()).map((a) => ({
        id: a.id,
        name: a.name,
        regions: a.regions,
        cloudAccountId: a.identity?.accountId ?? null,
        identityType: a.identity?.identityType ?? null,
      }));
    },
    sessionFor: (accountId) => accounts.sessionFor(accountId),
  };
}
