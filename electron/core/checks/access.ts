// Checks about who may do what: ACK's service role, the caller's KMS policy, its cluster RBAC.
import type { CheckResult } from '../../contract/types/checks';
import type { RbacGrant } from '../cloud/cs';
import { CloudError } from '../cloud/errors';
import type { CheckContext } from './context';
import { SERVICE_ROLE, SERVICE_ROLE_POLICY } from './context';
import { CONSOLE } from '../cloud/console';
import { message } from '../../contract';
import { couldNotCheck, fail, pass, result } from './result';
import type { FixSpec } from './result';

export const KMS_CRYPTO_ADMIN = 'AliyunKMSCryptoAdminAccess';
/** Policies that include everything AliyunKMSCryptoAdminAccess grants. */
const KMS_SUPERSETS = new Set([KMS_CRYPTO_ADMIN, 'AliyunKMSFullAccess', 'AdministratorAccess']);

export async function serviceRole(ctx: CheckContext): Promise<CheckResult> {
  const names = { role: SERVICE_ROLE, policy: SERVICE_ROLE_POLICY };
  const authorise = {
    message: message('fix.role.authorise', names),
    copy: SERVICE_ROLE,
    consoleUrl: CONSOLE.ramRoles,
    action: 'authorize-service-role' as const,
  };
  try {
    const { role, requestId } = await ctx.serviceRole();
    const { policies, requestId: policiesRequestId } = await ctx.serviceRolePolicies();
    const attached = policies.some((p) => p.policyName === SERVICE_ROLE_POLICY);
    const evidence = { roleArn: role.arn, policyAttached: attached, requestId, policiesRequestId };
    if (attached)
      return pass('role.csManagedSecurity', message('check.role.attached', names), evidence);
    return fail(
      'role.csManagedSecurity',
      message('check.role.notAttached', names),
      evidence,
      authorise,
    );
  } catch (error) {
    if (error instanceof CloudError && error.kind === 'notFound') {
      return fail(
        'role.csManagedSecurity',
        message('check.role.missing', names),
        { errorCode: error.cloud.cloudCode, requestId: error.cloud.requestId },
        authorise,
      );
    }
    return couldNotCheck('role.csManagedSecurity', `the ${SERVICE_ROLE}`, error, {
      message: message('fix.role.askAdmin', names),
      copy: SERVICE_ROLE,
      consoleUrl: CONSOLE.ramRoles,
    });
  }
}

export async function callerKmsCryptoAdmin(ctx: CheckContext): Promise<CheckResult> {
  let identity;
  try {
    identity = await ctx.identity();
  } catch (error) {
    return couldNotCheck('caller.kmsCryptoAdmin', 'who the caller is', error);
  }
  const base = {
    identityType: identity.identityType,
    arn: identity.arn,
    requestId: identity.requestId,
  };
  if (identity.identityType === 'Account') {
    return pass('caller.kmsCryptoAdmin', message('check.caller.kms.root'), base);
  }
  try {
    const { policies, requestIds } = await ctx.callerPolicies();
    const granting = policies.find(
      (p) => KMS_SUPERSETS.has(p.policyName) && p.policyType === 'System',
    );
    const evidence = { ...base, policyRequestIds: requestIds.join(',') };
    if (granting) {
      return pass(
        'caller.kmsCryptoAdmin',
        message('check.caller.kms.granted', { policy: granting.policyName, via: granting.via }),
        { ...evidence, policy: granting.policyName, via: granting.via },
      );
    }
    return fail(
      'caller.kmsCryptoAdmin',
      message('check.caller.kms.lacks', { policy: KMS_CRYPTO_ADMIN }),
      { ...evidence, policies: policies.map((p) => p.policyName).join(',') || null },
      {
        message: message('fix.caller.kms.attach', { policy: KMS_CRYPTO_ADMIN }),
        copy: KMS_CRYPTO_ADMIN,
        consoleUrl: CONSOLE.ramUsers,
      },
    );
  } catch (error) {
    return couldNotCheck(
      'caller.kmsCryptoAdmin',
      `whether the caller has ${KMS_CRYPTO_ADMIN}`,
      error,
      {
        message: message('fix.caller.kms.askAdmin', {
          arn: identity.arn,
          policy: KMS_CRYPTO_ADMIN,
        }),
        copy: KMS_CRYPTO_ADMIN,
        consoleUrl: CONSOLE.ramUsers,
      },
    );
  }
}

/** RBAC roles that may change a cluster's encryption (doc: UpdateKMSEncryption). */
const ALLOWED_ROLES = new Set(['admin', 'ops']);

/** The grant that lets a principal change this cluster's encryption, if any. */
function grantingRole(grants: RbacGrant[], clusterId: string): RbacGrant | undefined {
  return grants.find(
    (g) =>
      ALLOWED_ROLES.has(g.roleType) &&
      ((g.resourceType === 'cluster' && g.resourceId === clusterId) ||
        g.resourceId === 'all-clusters'),
  );
}

/** The grants that concern this cluster, as evidence ("id:role", owner entries marked). */
function grantsOn(grants: RbacGrant[], clusterId: string): string | null {
  const mine = grants.filter(
    (g) =>
      g.resourceId === clusterId ||
      g.resourceId === 'all-clusters' ||
      g.resourceId.startsWith(`${clusterId}/`),
  );
  return (
    mine.map((g) => `${g.resourceId}:${g.roleType}${g.isOwner ? ':owner' : ''}`).join(',') || null
  );
}

const RBAC_FIX: FixSpec = {
  message: message('fix.caller.rbac.grant'),
  consoleUrl: CONSOLE.rbac,
};

/**
 * Whether the caller is RBAC admin or O&M (ops) on the cluster. A RAM user or role that asks
 * DescribeUserPermission sees only grants on clusters where it is RBAC admin (doc: Precautions),
 * so an O&M engineer sees nothing for the cluster it may change: a missing grant is no proof.
 * Then another saved account of the same Alibaba Cloud account that sees every grant (the root
 * account, or an RBAC admin of the cluster) is asked; without one the answer is `manual`.
 * `is_owner` marks one grant (the cluster creator's), not the caller: it is evidence only.
 */
export async function callerClusterRbac(ctx: CheckContext): Promise<CheckResult> {
  let identity;
  try {
    identity = await ctx.identity();
  } catch (error) {
    return couldNotCheck('caller.clusterRbac', 'who the caller is', error);
  }
  if (identity.identityType === 'Account') {
    return pass('caller.clusterRbac', message('check.caller.rbac.root'), {
      identityType: identity.identityType,
    });
  }
  const clusterId = ctx.input.clusterId;
  let own: { grants: RbacGrant[]; requestId: string | null } | null = null;
  let ownError: unknown = null;
  try {
    own = await ctx.rbac();
  } catch (error) {
    ownError = error;
  }
  const visible = own ? grantingRole(own.grants, clusterId) : undefined;
  if (own && visible) {
    return pass(
      'caller.clusterRbac',
      message('check.caller.rbac.granted', {
        role: visible.roleType,
        resource: visible.resourceId,
      }),
      { arn: identity.arn, requestId: own.requestId, grants: grantsOn(own.grants, clusterId) },
    );
  }

  const peer = await ctx.rbacFromPeer().catch(() => null);
  if (peer) {
    const granting = grantingRole(peer.grants, clusterId);
    const evidence = {
      arn: identity.arn,
      viewer: peer.viewer,
      viewedAs: peer.viewedAs,
      requestId: peer.requestId,
      grants: grantsOn(peer.grants, clusterId),
    };
    if (granting)
      return pass(
        'caller.clusterRbac',
        message('check.caller.rbac.grantedPeer', {
          role: granting.roleType,
          resource: granting.resourceId,
          viewer: peer.viewer,
        }),
        evidence,
      );
    return fail(
      'caller.clusterRbac',
      message('check.caller.rbac.deniedPeer', { viewer: peer.viewer }),
      evidence,
      RBAC_FIX,
    );
  }

  const manual: FixSpec = {
    message: message('fix.caller.rbac.checkByHand', { arn: identity.arn }),
    copy: identity.arn,
    consoleUrl: CONSOLE.rbac,
  };
  if (!own) {
    return couldNotCheck(
      'caller.clusterRbac',
      "the caller's RBAC role on the cluster",
      ownError,
      manual,
    );
  }
  return result(
    'caller.clusterRbac',
    'manual',
    message('check.caller.rbac.invisible'),
    {
      arn: identity.arn,
      requestId: own.requestId,
      grants: grantsOn(own.grants, clusterId),
      visibility: 'clusters-where-caller-is-admin',
    },
    manual,
  );
}
