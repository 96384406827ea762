// Checks about who may do what: ACK's service role, the caller's KMS policy, its cluster RBAC.
import type { CheckResult } from '../../contract/types/checks';
import { CloudError } from '../cloud/errors';
import type { CheckContext } from './context';
import { SERVICE_ROLE, SERVICE_ROLE_POLICY } from './context';
import { CONSOLE, couldNotCheck, fail, pass } from './result';

export const KMS_CRYPTO_ADMIN = 'AliyunKMSCryptoAdminAccess';
/** Policies that include everything AliyunKMSCryptoAdminAccess grants. */
const KMS_SUPERSETS = new Set([KMS_CRYPTO_ADMIN, 'AliyunKMSFullAccess', 'AdministratorAccess']);

export async function serviceRole(ctx: CheckContext): Promise<CheckResult> {
  const authorise = {
    hint: `Authorise ${SERVICE_ROLE} for Container Service (creates the role with ${SERVICE_ROLE_POLICY}).`,
    consoleUrl: CONSOLE.ramRoles,
    action: 'authorize-service-role' as const,
  };
  try {
    const { role, requestId } = await ctx.serviceRole();
    const { policies, requestId: policiesRequestId } = await ctx.serviceRolePolicies();
    const attached = policies.some((p) => p.policyName === SERVICE_ROLE_POLICY);
    const evidence = { roleArn: role.arn, policyAttached: attached, requestId, policiesRequestId };
    if (attached)
      return pass(
        'role.csManagedSecurity',
        `${SERVICE_ROLE} exists with ${SERVICE_ROLE_POLICY}.`,
        evidence,
      );
    return fail(
      'role.csManagedSecurity',
      `${SERVICE_ROLE} exists but ${SERVICE_ROLE_POLICY} is not attached.`,
      evidence,
      authorise,
    );
  } catch (error) {
    if (error instanceof CloudError && error.kind === 'notFound') {
      return fail(
        'role.csManagedSecurity',
        `${SERVICE_ROLE} does not exist: ACK cannot use KMS for this account.`,
        { errorCode: error.cloud.cloudCode, requestId: error.cloud.requestId },
        authorise,
      );
    }
    return couldNotCheck('role.csManagedSecurity', `the ${SERVICE_ROLE}`, error, {
      hint: `Ask an administrator to confirm in the RAM console that ${SERVICE_ROLE} exists with ${SERVICE_ROLE_POLICY}.`,
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
    return pass(
      'caller.kmsCryptoAdmin',
      'The caller is the root account, which may use every key.',
      base,
    );
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
        `The caller has ${granting.policyName} (through ${granting.via}).`,
        { ...evidence, policy: granting.policyName, via: granting.via },
      );
    }
    return fail(
      'caller.kmsCryptoAdmin',
      `The caller lacks ${KMS_CRYPTO_ADMIN}.`,
      { ...evidence, policies: policies.map((p) => p.policyName).join(',') || null },
      {
        hint: `Attach the system policy ${KMS_CRYPTO_ADMIN} to the RAM user (or its group, or the role).`,
        consoleUrl: CONSOLE.ramUsers,
      },
    );
  } catch (error) {
    return couldNotCheck(
      'caller.kmsCryptoAdmin',
      `whether the caller has ${KMS_CRYPTO_ADMIN}`,
      error,
      {
        hint: `The caller may not read its own RAM policies. Ask an administrator to confirm that ${identity.arn} has ${KMS_CRYPTO_ADMIN}.`,
        consoleUrl: CONSOLE.ramUsers,
      },
    );
  }
}

const ALLOWED_ROLES = new Set(['admin', 'ops']);

export async function callerClusterRbac(ctx: CheckContext): Promise<CheckResult> {
  let identity;
  try {
    identity = await ctx.identity();
  } catch (error) {
    return couldNotCheck('caller.clusterRbac', 'who the caller is', error);
  }
  if (identity.identityType === 'Account') {
    return pass('caller.clusterRbac', 'The caller is the root account, which owns every cluster.', {
      identityType: identity.identityType,
    });
  }
  try {
    const { grants, requestId } = await ctx.rbac();
    const clusterId = ctx.input.clusterId;
    const granting = grants.find(
      (g) =>
        g.isOwner ||
        (ALLOWED_ROLES.has(g.roleType) &&
          ((g.resourceType === 'cluster' && g.resourceId === clusterId) ||
            g.resourceId === 'all-clusters')),
    );
    const mine = grants.filter(
      (g) =>
        g.resourceId === clusterId ||
        g.resourceId === 'all-clusters' ||
        g.resourceId.startsWith(`${clusterId}/`),
    );
    const evidence = {
      arn: identity.arn,
      requestId,
      grants: mine.map((g) => `${g.resourceId}:${g.roleType}`).join(',') || null,
    };
    if (granting) {
      return pass(
        'caller.clusterRbac',
        `The caller is ${granting.isOwner ? 'the owner' : granting.roleType} on ${granting.resourceId}.`,
        evidence,
      );
    }
    return fail(
      'caller.clusterRbac',
      'The caller is not admin or O&M (ops) on this cluster; the cloud would answer ForbiddenUpdateKMSState.',
      evidence,
      {
        hint: 'Grant the RAM user or role the Administrator or O&M Engineer RBAC role on this cluster (ACK console > Authorizations).',
        consoleUrl: CONSOLE.rbac,
      },
    );
  } catch (error) {
    return couldNotCheck('caller.clusterRbac', "the caller's RBAC role on the cluster", error, {
      hint: 'Check in the ACK console (Authorizations) that the caller is Administrator or O&M Engineer on this cluster.',
      consoleUrl: CONSOLE.rbac,
    });
  }
}
