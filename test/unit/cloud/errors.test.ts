// How what the SDK throws becomes a CloudError: the kind decides retries (retry.ts), the fix the
// user is shown and the batch's next step. Classified by the cloud's code first, the message
// second, the HTTP status last (docs/alibaba-cloud-api.md §10).
import { ClientError, ServerError, ThrottlingError } from '@alicloud/openapi-core';
import { describe, expect, it } from 'vitest';
import { classifyCloudError, CloudError, toCloudError } from '../../../electron/core/cloud/errors';
import type { Classified } from '../../../electron/core/cloud/errors';

// [code, message, HTTP status, what it means]
const CLASSIFY: [string | null, string, number | null, Classified][] = [
  ['Throttling.User', '', 400, { kind: 'throttled' }],
  ['Throttling.Api', '', 503, { kind: 'throttled' }],
  ['Throttling', '', 400, { kind: 'throttled' }],
  ['SignatureDoesNotMatch', '', 400, { kind: 'auth' }],
  ['InvalidAccessKeyId.NotFound', '', 404, { kind: 'auth' }],
  ['InvalidSecurityToken.Expired', '', 400, { kind: 'auth' }],
  ['Forbidden.AccessKeyDisabled', '', 403, { kind: 'auth' }],
  ['Forbidden.RAM', '', 403, { kind: 'permission', permissionReason: 'ram' }],
  ['NoPermission', '', 403, { kind: 'permission', permissionReason: 'ram' }],
  [
    'ErrManagedSecurityRoleNotAttach',
    '',
    400,
    { kind: 'permission', permissionReason: 'serviceRole' },
  ],
  ['ForbiddenUpdateKMSState', '', 403, { kind: 'permission', permissionReason: 'rbac' }],
  ['ErrorClusterNotFound', '', 400, { kind: 'notFound' }],
  ['Forbidden.KeyNotFound', '', 404, { kind: 'notFound' }],
  ['EntityNotExist.Role', '', 404, { kind: 'notFound' }],
  ['ErrorClusterState', '', 400, { kind: 'conflict' }],
  ['Rejected.Disabled', '', 400, { kind: 'conflict' }],
  ['EntityAlreadyExists.Role', '', 409, { kind: 'conflict' }],
  ['ServiceUnavailable', '', 503, { kind: 'server' }],
  ['InternalError', '', 500, { kind: 'server' }],
  ['InvalidParameter', '', 400, { kind: 'invalidInput' }],
  ['InValidParameter.NextToken', '', 400, { kind: 'invalidInput' }],
  ['InvalidRegion.NotFound', '', 404, { kind: 'invalidInput' }],
  // The CS gateway's RAM denial, told only in its message.
  [
    'Forbidden',
    'RAM policy Forbidden for action cs:UpdateKMSEncryption',
    403,
    { kind: 'permission', permissionReason: 'ram' },
  ],
  [
    null,
    'STSToken policy Forbidden for action cs:DescribeClusterDetail',
    403,
    { kind: 'permission', permissionReason: 'ram' },
  ],
  [
    'Unknown.Code',
    'check security ramrole authorization',
    400,
    { kind: 'permission', permissionReason: 'serviceRole' },
  ],
  // No code we know: the status decides.
  [null, 'cooldown', 409, { kind: 'conflict' }],
  ['Whatever', '', 404, { kind: 'notFound' }],
  [null, '', 429, { kind: 'throttled' }],
  [null, '', 502, { kind: 'server' }],
  [null, '', 401, { kind: 'auth' }],
  [null, '', 403, { kind: 'permission', permissionReason: 'ram' }],
  [null, '', 400, { kind: 'invalidInput' }],
  [null, '', null, { kind: 'server' }],
];

describe('classifyCloudError', () => {
  for (const [code, message, status, expected] of CLASSIFY) {
    it(`${code ?? '(no code)'} ${message ? `"${message}" ` : ''}HTTP ${status ?? '-'} -> ${expected.kind}${expected.permissionReason ? ` (${expected.permissionReason})` : ''}`, () => {
      expect(classifyCloudError(code, message, status)).toEqual(expected);
    });
  }
});

/** What the SDK builds from an error answer (openapi-core client.js). */
function sdkError(
  Kind: typeof ClientError,
  statusCode: number,
  code: string,
  extra: Record<string, unknown> = {},
) {
  return new Kind({
    statusCode,
    code,
    message: `code: ${statusCode}, the cloud's sentence request id: REQ-9`,
    data: { Code: code, Message: "the cloud's sentence", RequestId: 'REQ-9' },
    requestId: 'REQ-9',
    ...extra,
  });
}

describe('toCloudError', () => {
  it('keeps the code, status, request id and retry-after of a throttled answer', () => {
    const error = toCloudError(
      sdkError(ThrottlingError, 400, 'Throttling.User', { retryAfter: 1500 }),
      'cs',
      'DescribeClustersV1',
    );
    expect(error).toBeInstanceOf(CloudError);
    expect(error.cloud).toEqual({
      kind: 'throttled',
      product: 'cs',
      action: 'DescribeClustersV1',
      cloudCode: 'Throttling.User',
      httpStatus: 400,
      requestId: 'REQ-9',
      retryAfterMs: 1500,
    });
    expect(error.message).toBe(
      "cs DescribeClustersV1 failed: Throttling.User: the cloud's sentence",
    );
  });

  it('a client error with a known code, and the permission reason', () => {
    const error = toCloudError(
      sdkError(ClientError, 403, 'ErrManagedSecurityRoleNotAttach'),
      'cs',
      'UpdateKMSEncryption',
    );
    expect(error.cloud).toMatchObject({
      kind: 'permission',
      permissionReason: 'serviceRole',
      httpStatus: 403,
      requestId: 'REQ-9',
    });
  });

  it('a server error', () => {
    expect(toCloudError(sdkError(ServerError, 500, 'InternalError'), 'kms', 'ListKeys').kind).toBe(
      'server',
    );
  });

  it('a 409 with no code (the cooldown)', () => {
    const raw = new ClientError({
      statusCode: 409,
      code: 'undefined',
      message: 'code: 409',
      data: {},
    });
    const error = toCloudError(raw, 'cs', 'UpdateKMSEncryption');
    expect(error.cloud).toMatchObject({ kind: 'conflict', httpStatus: 409, cloudCode: null });
  });

  it.each([
    ['ECONNRESET'],
    ['ECONNREFUSED'],
    ['ETIMEDOUT'],
    ['ENOTFOUND'],
    ['EAI_AGAIN'],
    ['EPIPE'],
    ['ENETUNREACH'],
    ['EHOSTUNREACH'],
    ['ECONNABORTED'],
    ['UND_ERR_SOCKET'],
  ])('a socket error %s is a network error with nothing from the cloud', (errno) => {
    const error = toCloudError(
      Object.assign(new Error(`connect ${errno}`), { code: errno }),
      'cs',
      'UpdateKMSEncryption',
    );
    expect(error.cloud).toMatchObject({
      kind: 'network',
      cloudCode: null,
      httpStatus: null,
      requestId: null,
    });
    expect(error.message).toContain('no answer from the service');
  });

  it("httpx's timeout is a network error", () => {
    const raw = Object.assign(new Error('ReadTimeout: 20000. POST / failed.'), {
      name: 'RequestTimeoutError',
    });
    expect(toCloudError(raw, 'cs', 'UpdateKMSEncryption').kind).toBe('network');
  });

  it('an answer that is not JSON (a proxy error page) is a server error, not a crash', () => {
    const error = toCloudError(new SyntaxError('Unexpected token <'), 'cs', 'DescribeClustersV1');
    expect(error.cloud).toMatchObject({ kind: 'server', httpStatus: null });
    expect(error.message).toContain('not JSON');
  });

  it('a plain error without status or code is a network error', () => {
    expect(toCloudError(new Error('socket hang up'), 'cs', 'X').kind).toBe('network');
  });

  it('a CloudError passes through unchanged', () => {
    const once = toCloudError(sdkError(ClientError, 404, 'ErrorClusterNotFound'), 'cs', 'A');
    expect(toCloudError(once, 'kms', 'B')).toBe(once);
  });
});
