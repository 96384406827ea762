// What the fleet needs to know about accounts: which ones, which regions, and a CloudSession.
// The accounts domain implements it; tests and the bench can give a simple one.
import type { CloudSession } from '../cloud/session';

export interface FleetAccount {
  id: string;
  name: string;
  /** null: every region where ACK Edge is offered to the account. */
  regions: string[] | null;
  /** The Alibaba Cloud account (uid), when known from the last identity check. */
  cloudAccountId: string | null;
}

export interface AccountDirectory {
  listAccounts(): Promise<FleetAccount[]>;
  sessionFor(accountId: string): Promise<CloudSession>;
}
