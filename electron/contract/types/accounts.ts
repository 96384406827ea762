// Accounts as the renderer and the CLI see them. By construction no type in this file has a field
// that could hold a secret: AccessKey secrets, STS security tokens and proxy passwords are input
// fields of the schemas only, and they live in the OS keychain afterwards.
import type { ContractError } from '../errors';

/** How the app authenticates as this account. */
export type AccountKind = 'access-key' | 'sts-token' | 'ram-role';

export const ACCOUNT_KINDS = ['access-key', 'sts-token', 'ram-role'] as const;

/** A small palette so accounts are recognisable at a glance; the renderer maps it to themes. */
export const ACCOUNT_COLOURS = [
  'blue',
  'green',
  'orange',
  'red',
  'purple',
  'teal',
  'yellow',
  'grey',
] as const;
export type AccountColour = (typeof ACCOUNT_COLOURS)[number];

/**
 * STS GetCallerIdentity's IdentityType: root account, RAM user, assumed role
 * (docs/alibaba-cloud-api.md §7).
 */
export type IdentityType = 'Account' | 'RAMUser' | 'AssumedRoleUser' | 'Unknown';

/** Who Alibaba Cloud said these credentials are, at the last successful check. */
export interface AccountIdentity {
  /** The Alibaba Cloud account id (uid) the credentials act in. */
  accountId: string;
  identityType: IdentityType;
  arn: string;
  /** ISO 8601 time of the check. */
  checkedAt: string;
}

export interface ProxySummary {
  /** The proxy URL with any password replaced by `****` (the password is in the keychain). */
  url: string;
  hasPassword: boolean;
}

export interface AccountNetworkView {
  /** Endpoint override (base URL, optionally with {product}/{region}); null = public endpoints. */
  endpoint: string | null;
  proxy: ProxySummary | null;
  /** Extra CA bundle (PEM) for a TLS-intercepting proxy or a private endpoint. */
  caBundlePath: string | null;
}

interface AccountBase {
  id: string;
  name: string;
  colour: AccountColour;
  /** Regions to look at; null = every region where ACK Edge is offered. */
  regions: string[] | null;
  network: AccountNetworkView;
  /** From the last successful live check; null if never checked. */
  identity: AccountIdentity | null;
  /**
   * When the credentials in use stop working (ISO 8601): the STS token's expiry, or the cached
   * assumed-role session's expiry (null until the role has been assumed in this process).
   * Always null for AccessKey accounts.
   */
  credentialExpiry: string | null;
  /** An account on the built-in simulated cloud. */
  demo: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AccessKeyAccount extends AccountBase {
  kind: 'access-key';
  /** The AccessKey id (an identifier, not a secret). */
  accessKeyId: string;
}

export interface StsTokenAccount extends AccountBase {
  kind: 'sts-token';
  accessKeyId: string;
  /** ISO 8601; the token stops working then and must be replaced. */
  expiration: string;
}

export interface RamRoleAccount extends AccountBase {
  kind: 'ram-role';
  /** The saved account whose credentials assume the role. */
  sourceAccountId: string;
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  externalId: string | null;
}

export type Account = AccessKeyAccount | StsTokenAccount | RamRoleAccount;

export interface AccountList {
  accounts: Account[];
}

export interface AccountReply {
  account: Account;
}

export interface AccountTestResult {
  account: Account;
  identity: AccountIdentity;
}

export interface AccountRemoved {
  id: string;
  name: string;
}

/** aliyun CLI credential modes (`mode` in ~/.aliyun/config.json). */
export type CliProfileMode = string;

export interface CliProfilePreview {
  /** The profile's name in the CLI config. */
  profile: string;
  mode: CliProfileMode;
  /** The CLI's current profile. */
  current: boolean;
  /** Whether this profile can be imported. */
  importable: boolean;
  /** Why not (unsupported mode, expired token, missing field...), or null. */
  reason: string | null;
  /** The account kind it becomes. */
  kind: AccountKind | null;
  /** Suggested account name (the profile name, or a free variant of it). */
  suggestedName: string;
  accessKeyId: string | null;
  roleArn: string | null;
  /** STS token expiry, when the profile records it. */
  expiration: string | null;
  regionId: string | null;
  /** For RamRoleArn: the saved account (by id) whose AccessKey is the same, if any. */
  existingSourceAccountId: string | null;
  /** An account with the same AccessKey id (or role ARN) is already saved. */
  alreadyImportedAs: string | null;
}

export interface CliImportPreview {
  path: string;
  profiles: CliProfilePreview[];
}

export type CliImportResult =
  | { profile: string; ok: true; accounts: Account[] }
  | { profile: string; ok: false; error: ContractError };

export interface CliImportApplied {
  path: string;
  results: CliImportResult[];
}

export type AccountsChangeReason = 'added' | 'updated' | 'removed' | 'tested' | 'imported';

/** Something changed in the account list; the renderer lists again. */
export interface AccountsChanged {
  reason: AccountsChangeReason;
  accountIds: string[];
}
