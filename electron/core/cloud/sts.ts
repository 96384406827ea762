// STS 2015-04-01 (global, RPC): who am I, and assuming a RAM role. Both go through a
// CloudSession, so they get the account's endpoint override, proxy, CA, timeouts and retries.
// The assumed credentials returned here are secrets: they stay in the main process.
import type * as StsModule from '@alicloud/sts20150401';
import { loadOnce, sdkClient } from './sdk';
import type { IdentityType } from '../../contract';
import { CloudError } from './errors';
import type { CallCredentials, CloudSession } from './session';

// The SDK and its client class, loaded by the first call that needs them (sdk.ts).
let $Sts: typeof StsModule;
let Sts: typeof StsModule.default;
const sdk = loadOnce(async () => {
  $Sts = await import('@alicloud/sts20150401');
  Sts = sdkClient($Sts.default);
});

/** STS is global; the region only picks a signing scope and a limiter slot. */
export const STS_REGION = 'cn-hangzhou';

export interface CallerIdentity {
  accountId: string;
  identityType: IdentityType;
  arn: string;
  principalId: string | null;
  /** Returned only for the root account and RAM users. */
  userId: string | null;
  /** Returned only for an assumed role (its RBAC uid). */
  roleId: string | null;
  requestId: string | null;
}

/**
 * IdentityType compared case-insensitively: one older page writes "RamUser"
 * (docs/alibaba-cloud-api.md §7).
 */
export function normaliseIdentityType(raw: string | undefined): IdentityType {
  switch ((raw ?? '').toLowerCase()) {
    case 'account':
      return 'Account';
    case 'ramuser':
      return 'RAMUser';
    case 'assumedroleuser':
      return 'AssumedRoleUser';
    default:
      return 'Unknown';
  }
}

export async function getCallerIdentity(
  session: CloudSession,
  regionId: string = STS_REGION,
): Promise<CallerIdentity> {
  await sdk();
  const response = await session.call(
    'sts',
    'GetCallerIdentity',
    regionId,
    (config) => new Sts(config).getCallerIdentity(),
    { idempotent: true },
  );
  const body = response.body;
  return {
    accountId: body?.accountId ?? '',
    identityType: normaliseIdentityType(body?.identityType),
    arn: body?.arn ?? '',
    principalId: body?.principalId ?? null,
    userId: body?.userId || null,
    roleId: body?.roleId || null,
    requestId: body?.requestId ?? null,
  };
}

export interface AssumeRoleRequest {
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  externalId?: string | null;
}

export interface AssumedRole {
  credentials: Required<CallCredentials>;
  /** Epoch milliseconds. */
  expiresAt: number;
  assumedRoleArn: string | null;
}

export async function assumeRole(
  session: CloudSession,
  request: AssumeRoleRequest,
  regionId: string = STS_REGION,
): Promise<AssumedRole> {
  await sdk();
  const response = await session.call(
    'sts',
    'AssumeRole',
    regionId,
    (config) =>
      new Sts(config).assumeRole(
        new $Sts.AssumeRoleRequest({
          roleArn: request.roleArn,
          roleSessionName: request.sessionName,
          durationSeconds: request.durationSeconds,
          ...(request.externalId ? { externalId: request.externalId } : {}),
        }),
      ),
    // Assuming again only mints another token: safe to repeat.
    { idempotent: true },
  );
  const c = response.body?.credentials;
  const expiresAt = Date.parse(c?.expiration ?? '');
  if (!c?.accessKeyId || !c.accessKeySecret || !c.securityToken || Number.isNaN(expiresAt)) {
    throw new CloudError('sts AssumeRole answered without complete credentials. Try again.', {
      kind: 'server',
      product: 'sts',
      action: 'AssumeRole',
      cloudCode: null,
      httpStatus: null,
      requestId: response.body?.requestId ?? null,
    });
  }
  return {
    credentials: {
      accessKeyId: c.accessKeyId,
      accessKeySecret: c.accessKeySecret,
      securityToken: c.securityToken,
    },
    expiresAt,
    assumedRoleArn: response.body?.assumedRoleUser?.arn ?? null,
  };
}

/** The RAM user or role name from the caller's ARN (role ARNs may be role/ or assumed-role/). */
export function principalName(identity: CallerIdentity): string {
  const arn = identity.arn ?? '';
  const match = /:(?:user|role|assumed-role)\/([^/]+)/.exec(arn);
  return match?.[1] ?? '';
}
