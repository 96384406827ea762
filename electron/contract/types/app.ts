import type { Message } from '../messages';

/** Which OS facility holds the secrets. There is no plain-text backend, by design. */
export type SecretStoreBackend =
  | 'secret-service' // Linux: freedesktop Secret Service over D-Bus (gnome-keyring, KWallet)
  | 'macos-keychain'
  | 'windows-credential-manager';

export interface AppInfo {
  name: string;
  version: string;
  platform: 'linux' | 'darwin' | 'win32' | 'other';
  arch: string;
  dataDir: string;
  secretStore: SecretStoreBackend;
  /** True when a demo account on the built-in simulated cloud is in use. */
  demo: boolean;
  /** What the demo account's simulated cloud holds, counted as the window's fleet lists it. */
  demoCloud: DemoCloudSummary;
  /** The latest notices (newest last), so a window opened later still sees what happened. */
  notices: AppNotice[];
}

/** The demo's simulated cloud: its accounts, and the clusters the fleet lists (Edge Pro). */
export interface DemoCloudSummary {
  accounts: number;
  clusters: number;
}

export interface AppNotice {
  level: 'info' | 'warning' | 'error';
  /** English (logs); `msg` words it in the user's language. */
  message: string;
  msg?: Message;
  at: string;
}

/** Commands the application menu hands to the window (it owns the view state they act on). */
export type AppCommandName = 'fleet.refresh';

export interface AppCommand {
  command: AppCommandName;
}
