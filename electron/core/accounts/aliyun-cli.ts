// Reading the aliyun CLI's profiles (~/.aliyun/config.json) to import them. The file is only
// ever read, never written. Modes AK, StsToken and RamRoleArn map onto our three account kinds;
// every other mode is listed with the reason it cannot be imported.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AccountKind } from '../../contract';
import { GuardError, message } from '../../contract';

export function defaultAliyunConfigPath(home: string = os.homedir()): string {
  return path.join(home, '.aliyun', 'config.json');
}

/** A profile as the CLI writes it (snake_case); only the fields we use. */
export interface AliyunProfile {
  name: string;
  mode: string;
  access_key_id?: string;
  access_key_secret?: string;
  sts_token?: string;
  /** Unix seconds; 0 or absent when the CLI did not record it. */
  sts_expiration?: number;
  ram_role_arn?: string;
  ram_session_name?: string;
  expired_seconds?: number;
  external_id?: string;
  region_id?: string;
}

export interface AliyunConfig {
  current: string | null;
  profiles: AliyunProfile[];
}

const UNSUPPORTED: Record<string, string> = {
  EcsRamRole:
    'takes credentials from an ECS instance’s metadata service, which exists only on that instance',
  RamRoleArnWithEcs: 'takes credentials from an ECS instance’s metadata service',
  RsaKeyPair: 'RSA key pair sign-in is a Japan-site legacy mechanism the SDKs no longer support',
  ChainableRamRoleArn:
    'chains from another profile; import that profile first, then add a role account with it as the source',
  External: 'runs an external program for credentials on every call',
  CredentialsURI: 'fetches credentials from a URL on every call',
  OIDC: 'needs an OIDC token file from a Kubernetes service account (RRSA)',
  CloudSSO: 'signs in through CloudSSO in a browser; its short-lived credentials cannot be stored',
  OAuth: 'signs in through a browser (OAuth); its short-lived credentials cannot be stored',
};

export interface ProfilePlan {
  profile: AliyunProfile;
  current: boolean;
  kind: AccountKind | null;
  /** Null when importable. */
  reason: string | null;
  /** ISO 8601 expiry of an StsToken profile. */
  expiration: string | null;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** Parses the config text. Errors never quote the file's contents (it holds secrets). */
export function parseAliyunConfig(text: string, file: string): AliyunConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GuardError('validation', message('error.import.notJson', { file }), {
      path: file,
    });
  }
  const root = json as { current?: unknown; profiles?: unknown } | null;
  if (!root || typeof root !== 'object' || !Array.isArray(root.profiles))
    throw new GuardError('validation', message('error.import.noProfiles', { file }), {
      path: file,
    });
  const profiles: AliyunProfile[] = [];
  for (const raw of root.profiles as unknown[]) {
    if (!raw || typeof raw !== 'object') continue;
    const p = raw as Record<string, unknown>;
    const name = str(p.name);
    if (!name) continue;
    profiles.push({
      name,
      // The CLI treats an empty mode as AK (old configs).
      mode: str(p.mode) ?? 'AK',
      access_key_id: str(p.access_key_id),
      access_key_secret: str(p.access_key_secret),
      sts_token: str(p.sts_token),
      sts_expiration: num(p.sts_expiration),
      ram_role_arn: str(p.ram_role_arn),
      ram_session_name: str(p.ram_session_name),
      expired_seconds: num(p.expired_seconds),
      external_id: str(p.external_id),
      region_id: str(p.region_id),
    });
  }
  return { current: str(root.current) ?? null, profiles };
}

export async function readAliyunConfig(file: string): Promise<AliyunConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new GuardError('not-found', message('error.import.noConfig', { file }), { path: file });
    throw new GuardError(
      'storage',
      message('error.storage.cannotRead', { file, code: code ?? 'error' }),
      {
        path: file,
      },
    );
  }
  return parseAliyunConfig(text, file);
}

/** The widest range a JavaScript Date can hold (ms either side of 1970). */
const MAX_TIME_MS = 8.64e15;

/** Decides what each profile becomes, or why it cannot be imported. */
export function planProfile(profile: AliyunProfile, current: boolean, now: number): ProfilePlan {
  const plan = (
    kind: AccountKind | null,
    reason: string | null,
    expiration: string | null = null,
  ) => ({
    profile,
    current,
    kind,
    reason,
    expiration,
  });
  const missing = (what: string) => `the profile has no ${what}`;
  switch (profile.mode) {
    case 'AK':
      if (!profile.access_key_id || !profile.access_key_secret)
        return plan('access-key', missing('AccessKey id and secret'));
      return plan('access-key', null);
    case 'StsToken': {
      if (!profile.access_key_id || !profile.access_key_secret || !profile.sts_token)
        return plan('sts-token', missing('AccessKey id, secret and STS token'));
      if (!profile.sts_expiration)
        return plan(
          'sts-token',
          'the profile does not record when its STS token expires; add it with "accounts add --type sts-token --expiration …"',
        );
      const ms = profile.sts_expiration * 1000;
      // One hand-edited profile must not break the import of the others (toISOString throws).
      if (!Number.isFinite(ms) || ms <= 0 || ms > MAX_TIME_MS)
        return plan(
          'sts-token',
          `its sts_expiration (${profile.sts_expiration}) is not a time in Unix seconds; fix it in the aliyun CLI config, or add the account with "accounts add --type sts-token --expiration …"`,
        );
      const expiration = new Date(ms).toISOString();
      if (ms <= now) return plan('sts-token', `its STS token expired at ${expiration}`, expiration);
      return plan('sts-token', null, expiration);
    }
    case 'RamRoleArn':
      if (!profile.access_key_id || !profile.access_key_secret || !profile.ram_role_arn)
        return plan('ram-role', missing('AccessKey id, secret and role ARN'));
      return plan('ram-role', null);
    default: {
      const why = UNSUPPORTED[profile.mode];
      return plan(
        null,
        why
          ? `mode ${profile.mode} is not supported: it ${why}`
          : `mode ${profile.mode} is not supported (only AK, StsToken and RamRoleArn are)`,
      );
    }
  }
}
