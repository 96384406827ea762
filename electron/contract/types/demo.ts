// The demo account: a built-in simulated Alibaba Cloud (the simulator, in the main process) and
// the accounts that point at it. Nothing here is secret: the demo's AccessKeys are fake, and
// they go to the keychain like any other account's.
import type { Account } from './accounts';

export interface DemoStatus {
  /** The simulated cloud answers in this process (or another app process that started it). */
  running: boolean;
  /** The saved demo accounts (root account, RAM user, RAM role), in the order they were added. */
  accounts: Account[];
}
