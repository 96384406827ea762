// Meaning checks for account input, before anything is saved or sent. Every failure is a
// GuardError('validation') naming the field; no message ever repeats a secret value (only ids,
// ARNs, names and URLs without their password are quoted back).
import { isAbsolute } from 'node:path';
import { GuardError, ROLE_ARN_PATTERN, isRegionId, message } from '../../contract';
import type { Message, ValidatedInput } from '../../contract';
import { validateEndpointOverride } from '../cloud/endpoints';
import { registerKnownSecret } from '../log/redact';
import type { StoredAccount, StoredNetwork, StoredRamRole } from './types';

const invalid = (field: string, said: Message | string): GuardError =>
  new GuardError('validation', said, { field });

// Permanent AccessKey ids are alphanumeric (LTAI… today, 16 characters on older keys); STS
// temporary ids are "STS." followed by alphanumerics.
const ACCESS_KEY_ID = /^[A-Za-z0-9]{12,64}$/;
const STS_ACCESS_KEY_ID = /^STS\.[A-Za-z0-9]{8,128}$/;
/** Visible ASCII, no spaces: real secrets are 30 alphanumerics, but we only guard the shape. */
const SECRET_SHAPE = /^[\x21-\x7e]{8,128}$/;
const TOKEN_SHAPE = /^[\x21-\x7e]{16,16384}$/;
const SESSION_NAME = /^[\w.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

export const DEFAULT_SESSION_NAME = 'ack-secret-guard';
export const DEFAULT_DURATION_SECONDS = 3600;
export const MIN_DURATION_SECONDS = 900;
export const MAX_DURATION_SECONDS = 43_200;

export function validateName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw invalid('name', message('error.account.name.empty'));
  if (name.length > 64) throw invalid('name', message('error.account.name.tooLong'));
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw invalid('name', message('error.account.name.control'));
  return name;
}

/** Names are unique case-insensitively, so "Prod" and "prod" cannot both exist. */
export function assertUniqueName(
  name: string,
  accounts: readonly { id: string; name: string }[],
  exceptId?: string,
): void {
  const clash = accounts.find(
    (a) => a.id !== exceptId && a.name.toLowerCase() === name.toLowerCase(),
  );
  if (clash)
    throw new GuardError('conflict', message('error.account.nameTaken', { name: clash.name }), {
      field: 'name',
    });
}

export function validateAccessKeyId(raw: string, kind: 'access-key' | 'sts-token'): string {
  const id = raw.trim();
  if (kind === 'sts-token') {
    if (!STS_ACCESS_KEY_ID.test(id))
      throw invalid('accessKeyId', message('error.account.stsKeyId'));
    return id;
  }
  if (id.startsWith('STS.')) throw invalid('accessKeyId', message('error.account.keyIdIsSts'));
  if (!ACCESS_KEY_ID.test(id)) throw invalid('accessKeyId', message('error.account.keyId'));
  return id;
}

export function validateAccessKeySecret(secret: string, accessKeyId: string): string {
  if (!SECRET_SHAPE.test(secret))
    throw invalid('accessKeySecret', message('error.account.secretShape'));
  if (secret === accessKeyId) throw invalid('accessKeySecret', message('error.account.secretIsId'));
  return secret;
}

export function validateSecurityToken(token: string): string {
  if (!TOKEN_SHAPE.test(token)) throw invalid('securityToken', message('error.account.tokenShape'));
  return token;
}

/** ISO 8601 in the future; returns the normalised UTC form. */
export function validateExpiration(raw: string, now: number): string {
  const text = raw.trim();
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms))
    throw invalid('expiration', message('error.account.expiryFormat', { text }));
  if (ms <= now)
    throw invalid(
      'expiration',
      message('error.account.expired', { at: new Date(ms).toISOString() }),
    );
  return new Date(ms).toISOString();
}

export interface ParsedRoleArn {
  arn: string;
  accountId: string;
  roleName: string;
}

export function parseRoleArn(raw: string): ParsedRoleArn {
  const arn = raw.trim();
  const m = ROLE_ARN_PATTERN.exec(arn);
  if (!m) throw invalid('roleArn', message('error.account.roleArn', { arn }));
  return { arn, accountId: m[1]!, roleName: m[2]! };
}

export function validateSessionName(raw: string | undefined): string {
  const name = (raw ?? DEFAULT_SESSION_NAME).trim();
  if (!SESSION_NAME.test(name)) throw invalid('sessionName', message('error.account.sessionName'));
  return name;
}

export function validateDuration(raw: number | undefined): number {
  const seconds = raw ?? DEFAULT_DURATION_SECONDS;
  if (
    !Number.isInteger(seconds) ||
    seconds < MIN_DURATION_SECONDS ||
    seconds > MAX_DURATION_SECONDS
  )
    throw invalid(
      'durationSeconds',
      message('error.account.duration', { min: MIN_DURATION_SECONDS, max: MAX_DURATION_SECONDS }),
    );
  return seconds;
}

export function validateExternalId(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  const id = raw.trim();
  if (!EXTERNAL_ID.test(id)) throw invalid('externalId', message('error.account.externalId'));
  return id;
}

export function validateRegions(raw: readonly string[] | null | undefined): string[] | null {
  if (raw === undefined || raw === null) return null;
  const regions = [...new Set(raw.map((r) => r.trim()))];
  if (regions.length === 0) throw invalid('regions', message('error.account.regionsEmpty'));
  const bad = regions.find((r) => !isRegionId(r));
  if (bad !== undefined) throw invalid('regions', message('error.account.region', { region: bad }));
  return regions;
}

export function validateEndpoint(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  try {
    validateEndpointOverride(raw.trim());
  } catch (error) {
    if (error instanceof GuardError) throw invalid('network.endpoint', error.msg ?? error.message);
    throw error;
  }
  return raw.trim();
}

export const REDACTED = '****';

export interface ParsedProxy {
  /** The URL without a password (user name kept), as stored in the metadata file. */
  url: string;
  /** The password, for the keychain; null if none. */
  password: string | null;
}

/**
 * Splits a proxy URL into what may be stored (URL with the user name) and the password (a
 * secret). Messages quote the URL only after the password has been removed.
 */
export function parseProxy(raw: string | null | undefined): ParsedProxy | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid('network.proxy', message('error.account.proxyNotUrl'));
  }
  const password = url.password ? decodeURIComponent(url.password) : null;
  url.password = '';
  const safe = url.toString().replace(/\/$/, '');
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid('network.proxy', message('error.account.proxyScheme', { proxy: safe }));
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
    throw invalid('network.proxy', message('error.account.proxyPath', { proxy: safe }));
  if (password !== null && !url.username)
    throw invalid('network.proxy', message('error.account.proxyNoUser'));
  return { url: safe, password };
}

/** Puts the password back for the SDK (main process only). */
export function proxyWithPassword(storedUrl: string, password: string | undefined): string {
  if (!password) return storedUrl;
  registerKnownSecret(password);
  const url = new URL(storedUrl);
  url.password = encodeURIComponent(password);
  return url.toString().replace(/\/$/, '');
}

/** For display: `http://user:****@host:port` when there is a password. */
export function redactedProxy(storedUrl: string, hasPassword: boolean): string {
  if (!hasPassword) return storedUrl;
  const url = new URL(storedUrl);
  url.password = REDACTED;
  return url.toString().replace(/\/$/, '');
}

export function validateCaBundlePath(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  const path = raw.trim();
  if (!isAbsolute(path))
    throw invalid('network.caBundlePath', message('error.account.caPath', { path }));
  return path;
}

// ---- whole-section parsers (the service's add and update share them) ------------------------

export type NetworkInput = ValidatedInput<'accounts.add'>['network'];

/**
 * The network section of an add or update: absent fields keep `current`'s value. The proxy
 * password is split off for the keychain; the URL shown redacted ("****") and sent back
 * unchanged keeps the saved password.
 */
export function parseNetwork(
  input: NetworkInput,
  current: StoredNetwork | null,
  currentPassword: string | undefined,
): { network: StoredNetwork; proxyPassword: string | null } {
  const base: StoredNetwork = current ?? {
    endpoint: null,
    proxy: null,
    proxyHasPassword: false,
    caBundlePath: null,
  };
  const network = { ...base };
  let proxyPassword: string | null = current?.proxyHasPassword ? (currentPassword ?? null) : null;
  if (input?.endpoint !== undefined) network.endpoint = validateEndpoint(input.endpoint);
  if (input?.caBundlePath !== undefined)
    network.caBundlePath = validateCaBundlePath(input.caBundlePath);
  if (input?.proxy !== undefined) {
    const proxy = parseProxy(input.proxy);
    const keep = proxy?.password === REDACTED && current?.proxyHasPassword;
    proxyPassword = keep ? (currentPassword ?? null) : (proxy?.password ?? null);
    if (proxy?.password === REDACTED && !keep)
      throw invalid('network.proxy', message('error.account.proxyPassword'));
    network.proxy = proxy?.url ?? null;
  }
  network.proxyHasPassword = Boolean(network.proxy && proxyPassword);
  return { network, proxyPassword: network.proxyHasPassword ? proxyPassword : null };
}

export type RoleFields = Pick<
  StoredRamRole,
  'sourceAccountId' | 'roleArn' | 'sessionName' | 'durationSeconds' | 'externalId'
>;

/**
 * The role fields of a RAM role account, checked against the saved accounts: the source must
 * exist and must not (through its own sources) lead back to the account itself.
 */
export function parseRoleFields(
  input: {
    sourceAccountId: string;
    roleArn: string;
    sessionName?: string | undefined;
    durationSeconds?: number | undefined;
    externalId?: string | null | undefined;
  },
  existing: readonly StoredAccount[],
  selfId: string,
): RoleFields {
  const roleArn = parseRoleArn(input.roleArn).arn;
  const sessionName = validateSessionName(input.sessionName);
  const durationSeconds = validateDuration(input.durationSeconds);
  const externalId = validateExternalId(input.externalId);
  const byId = new Map(existing.map((a) => [a.id, a]));
  if (!byId.has(input.sourceAccountId))
    throw new GuardError('not-found', message('error.account.sourceMissing'), {
      field: 'sourceAccountId',
    });
  // Walk the chain from the new source: reaching ourselves would be a loop.
  for (let id: string | undefined = input.sourceAccountId, hops = 0; id; hops += 1) {
    if (id === selfId || hops > 16)
      throw invalid('sourceAccountId', message('error.account.sourceLoop'));
    const a = byId.get(id);
    id = a?.kind === 'ram-role' ? a.sourceAccountId : undefined;
  }
  return {
    sourceAccountId: input.sourceAccountId,
    roleArn,
    sessionName,
    durationSeconds,
    externalId,
  };
}
