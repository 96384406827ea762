// What the core keeps about an account. StoredAccount is the metadata file's record: it has no
// secret fields. AccountSecrets is the one keychain item per account.
import type { AccountColour, AccountIdentity, AccountKind } from '../../contract';

export interface StoredNetwork {
  endpoint: string | null;
  /** The proxy URL WITHOUT its password (the password is in the keychain item). */
  proxy: string | null;
  proxyHasPassword: boolean;
  caBundlePath: string | null;
}

interface StoredBase {
  id: string;
  name: string;
  colour: AccountColour;
  regions: string[] | null;
  network: StoredNetwork;
  identity: AccountIdentity | null;
  demo: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface StoredAccessKey extends StoredBase {
  kind: 'access-key';
  accessKeyId: string;
}

export interface StoredStsToken extends StoredBase {
  kind: 'sts-token';
  accessKeyId: string;
  expiration: string;
}

export interface StoredRamRole extends StoredBase {
  kind: 'ram-role';
  sourceAccountId: string;
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  externalId: string | null;
}

export type StoredAccount = StoredAccessKey | StoredStsToken | StoredRamRole;

/** The keychain item of one account: a JSON blob of whatever secrets that account has. */
export interface AccountSecrets {
  accessKeySecret?: string;
  securityToken?: string;
  proxyPassword?: string;
}

export type { AccountKind };
