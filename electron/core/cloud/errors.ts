// One error type for everything Alibaba Cloud says no to. Classified by the cloud's error code
// (exact, or prefix for families like Throttling* and InvalidSecurityToken.*), never by HTTP
// status alone: the same code comes with different statuses in different products
// (docs/alibaba-cloud-api.md §10).
import { GuardError } from '../../contract';
import type { Message, MessageKey } from '../../contract';

export type CloudErrorKind =
  | 'auth'
  | 'permission'
  | 'notFound'
  | 'conflict'
  | 'throttled'
  | 'network'
  | 'server'
  | 'invalidInput'
  /** The proxy refused our credentials (HTTP 407): the request never reached the cloud. */
  | 'proxy'
  /** The endpoint's (or the proxy's) certificate did not verify: nothing was sent. */
  | 'tls'
  /** The answer was larger than MAX_ANSWER_BYTES and was not read to its end. */
  | 'tooLarge'
  /** The answer cannot be right (paging that never ends, repeats, or overflows): see paging.ts. */
  | 'badAnswer'
  /** The product has no endpoint in the region: nothing was sent (see endpoints.ts). */
  | 'unavailable';

/** Why a permission error happened: the fix differs for each. */
export type PermissionReason = 'ram' | 'rbac' | 'serviceRole';

export interface CloudErrorDetails {
  kind: CloudErrorKind;
  product: string;
  action: string;
  cloudCode: string | null;
  httpStatus: number | null;
  requestId: string | null;
  permissionReason?: PermissionReason;
  /** Milliseconds the cloud asked us to wait (x-acs-retry-after). */
  retryAfterMs?: number;
}

/**
 * The user's words for a cloud error: one catalog key per kind (a permission error by its
 * reason), whose English text is the sentence composed where the call failed (product, action,
 * the cloud's code and words); other languages say what the kind means and quote it.
 */
export function cloudErrorMessage(details: CloudErrorDetails, sentence: string): Message {
  const key: MessageKey =
    details.kind === 'permission'
      ? `cloud.error.permission.${details.permissionReason ?? 'ram'}`
      : `cloud.error.${details.kind}`;
  // The sentence names the product, the action and the code already; other languages quote it.
  return { key, params: { detail: sentence } };
}

export class CloudError extends GuardError {
  readonly cloud: CloudErrorDetails;

  /** A sentence gets its kind's message; a Message (a refusal explained) is used as it is. */
  constructor(message: string | Message, details: CloudErrorDetails) {
    super('cloud', typeof message === 'string' ? cloudErrorMessage(details, message) : message, {
      ...details,
    });
    this.name = 'CloudError';
    this.cloud = details;
  }

  get kind(): CloudErrorKind {
    return this.cloud.kind;
  }
}

const AUTH_CODES = new Set([
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingSecurityToken',
  'Forbidden.AccessKeyDisabled',
  'InvalidTimeStamp.Expired',
  'InvalidTimeStamp.Format',
]);
const AUTH_PREFIXES = ['InvalidAccessKeyId.', 'InvalidSecurityToken.'];
const PERMISSION_CODES = new Set(['Forbidden.RAM', 'NoPermission', 'Forbidden.NoPermission']);
const SERVICE_ROLE_CODES = new Set([
  'ErrManagedSecurityRoleNotAttach',
  'MissingAuth.AliyuncsManagedSecurityRole',
]);
const NOT_FOUND_CODES = new Set([
  'ErrorClusterNotFound',
  'Forbidden.KeyNotFound',
  'Forbidden.AliasNotFound',
  'EntityNotExist.Role',
  'EntityNotExist.User',
  'EntityNotExist.Group',
  'EntityNotExist.Policy',
  'Forbidden.DKMSInstanceNotFound',
  'InvalidSecurityGroupId.NotFound',
  'InvalidVSwitchId.NotFound',
  'InvalidNetworkAcl.NotFound',
]);
const CONFLICT_CODES = new Set([
  'ErrorClusterState',
  'Rejected.Disabled',
  'Rejected.PendingDeletion',
  'Rejected.Unavailable',
  'EntityAlreadyExists.Role',
  'EntityAlreadyExists.Role.Policy',
]);
const SERVER_CODES = new Set([
  'ServiceUnavailable',
  'InternalError',
  'InternalFailure',
  'UnknownError',
]);
const INPUT_CODES = new Set([
  'InvalidParameter',
  'MissingParameter',
  'UnsupportedOperation',
  'InvalidRegion.NotFound',
  'InvalidApi.NotFound',
]);

export interface Classified {
  kind: CloudErrorKind;
  permissionReason?: PermissionReason;
}

/** Decides what an error means from its code and message; the status is only a last resort. */
export function classifyCloudError(
  code: string | null,
  message: string,
  httpStatus: number | null,
): Classified {
  if (code) {
    if (SERVICE_ROLE_CODES.has(code))
      return { kind: 'permission', permissionReason: 'serviceRole' };
    if (code === 'ForbiddenUpdateKMSState') return { kind: 'permission', permissionReason: 'rbac' };
    if (code.includes('Throttling')) return { kind: 'throttled' };
    if (AUTH_CODES.has(code) || AUTH_PREFIXES.some((p) => code.startsWith(p)))
      return { kind: 'auth' };
    if (PERMISSION_CODES.has(code)) return { kind: 'permission', permissionReason: 'ram' };
    if (NOT_FOUND_CODES.has(code)) return { kind: 'notFound' };
    if (CONFLICT_CODES.has(code)) return { kind: 'conflict' };
    if (SERVER_CODES.has(code)) return { kind: 'server' };
    // Case-insensitive: ECS writes `InValidParameter.NextToken` (docs/alibaba-cloud-api.md §9.1).
    if (INPUT_CODES.has(code) || code.toLowerCase().startsWith('invalidparameter.'))
      return { kind: 'invalidInput' };
  }
  // The CS gateway states a RAM denial only in the message (docs/alibaba-cloud-api.md §4.3).
  if (/(RAM|STSToken) policy Forbidden for action/i.test(message)) {
    return { kind: 'permission', permissionReason: 'ram' };
  }
  if (/security ramrole authorization/i.test(message)) {
    return { kind: 'permission', permissionReason: 'serviceRole' };
  }
  if (httpStatus !== null) {
    // The cloud documents 409 for a change inside the 5-minute cooldown, with no code name.
    if (httpStatus === 409) return { kind: 'conflict' };
    if (httpStatus === 404) return { kind: 'notFound' };
    if (httpStatus === 429) return { kind: 'throttled' };
    if (httpStatus >= 500) return { kind: 'server' };
    if (httpStatus === 401) return { kind: 'auth' };
    if (httpStatus === 403) return { kind: 'permission', permissionReason: 'ram' };
    if (httpStatus >= 400) return { kind: 'invalidInput' };
  }
  return { kind: 'server' };
}

const NETWORK_ERROR_NAMES = new Set(['RequestTimeoutError', 'RetryError']);
const NETWORK_ERRNOS = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
]);

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && value !== 'undefined' ? value : null;
}

/** Strips the SDK's "code: 404, ... request id: X" wrapping to keep the cloud's own sentence. */
function cloudSentence(raw: string): string {
  return raw
    .replace(/^[\w.]+: code: \d+, /, '')
    .replace(/\s*request ?id: [\w-]+\s*$/i, '')
    .trim();
}

/**
 * Turns whatever the SDK threw into a CloudError. A non-JSON error body (an HTML 502 from a
 * proxy) makes the SDK throw a SyntaxError: that is a server error, not a crash.
 */
export function toCloudError(error: unknown, product: string, action: string): CloudError {
  if (error instanceof CloudError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const name = str(e.name) ?? '';
  const errno = str(e.code);
  const rawMessage = str(e.message) ?? String(error);
  const base = { product, action };

  if (name === 'SyntaxError') {
    return new CloudError(
      `${product} ${action}: the service answered with something that is not JSON (a proxy or gateway error page?). Try again; if it persists, check the proxy settings.`,
      { ...base, kind: 'server', cloudCode: null, httpStatus: null, requestId: null },
    );
  }
  const hasHttpStatus = typeof e.statusCode === 'number';
  if (!hasHttpStatus && (NETWORK_ERROR_NAMES.has(name) || (errno && NETWORK_ERRNOS.has(errno)))) {
    return new CloudError(
      `${product} ${action}: no answer from the service (${name || errno}). Check the network, proxy and endpoint.`,
      { ...base, kind: 'network', cloudCode: null, httpStatus: null, requestId: null },
    );
  }

  const data = (typeof e.data === 'object' && e.data !== null ? e.data : {}) as Record<
    string,
    unknown
  >;
  const cloudCode = str(data.Code) ?? str(data.code) ?? (hasHttpStatus ? errno : null);
  const httpStatus = hasHttpStatus ? (e.statusCode as number) : null;
  const requestId = str(e.requestId) ?? str(data.RequestId) ?? str(data.requestId);
  const sentence = str(data.Message) ?? str(data.message) ?? cloudSentence(rawMessage);
  const classified = classifyCloudError(cloudCode, sentence, httpStatus);
  if (!hasHttpStatus && !cloudCode) {
    return new CloudError(`${product} ${action}: ${sentence}`, {
      ...base,
      kind: 'network',
      cloudCode: null,
      httpStatus: null,
      requestId: null,
    });
  }
  const retryAfter =
    typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter : undefined;
  return new CloudError(
    `${product} ${action} failed: ${cloudCode ?? `HTTP ${httpStatus}`}: ${sentence}`,
    {
      ...base,
      kind: classified.kind,
      cloudCode,
      httpStatus,
      requestId,
      ...(classified.permissionReason ? { permissionReason: classified.permissionReason } : {}),
      ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
    },
  );
}
