// Before a key fix calls KMS: may the caller make that call? The same reading of RAM the
// checklist does (checks/access.ts): the root account may; a RAM user or role may when one of its
// system policies grants every KMS action. A custom policy may grant it too, which we cannot
// evaluate, so then (and when the policies cannot be read) the cloud decides and says so.
import { CloudError } from '../cloud/errors';
import {
  listGroupsForUser,
  listPoliciesForGroup,
  listPoliciesForRole,
  listPoliciesForUser,
} from '../cloud/ram';
import type { RamPolicyRef } from '../cloud/ram';
import type { CloudSession } from '../cloud/session';
import { getCallerIdentity, principalName } from '../cloud/sts';

/** System policies that grant every KMS key action (the simulator models the same set). */
export const KMS_KEY_ADMIN_POLICIES = new Set([
  'AliyunKMSCryptoAdminAccess',
  'AliyunKMSFullAccess',
  'AdministratorAccess',
]);

async function callerPolicies(
  session: CloudSession,
  identityType: string,
  name: string,
): Promise<RamPolicyRef[]> {
  if (identityType === 'AssumedRoleUser')
    return (await listPoliciesForRole(session, name)).policies;
  const [direct, groups] = await Promise.all([
    listPoliciesForUser(session, name),
    listGroupsForUser(session, name),
  ]);
  const viaGroups = await Promise.all(groups.groups.map((g) => listPoliciesForGroup(session, g)));
  return [...direct.policies, ...viaGroups.flatMap((r) => r.policies)];
}

/**
 * Refuses (a `permission` cloud error, nothing sent to KMS) when the caller certainly lacks
 * `kms:<action>`; otherwise returns one sentence saying what was found, for the fix's steps.
 */
export async function assertMayCallKms(session: CloudSession, action: string): Promise<string> {
  const identity = await getCallerIdentity(session);
  if (identity.identityType === 'Account') return 'The caller is the root account.';
  let policies: RamPolicyRef[];
  try {
    policies = await callerPolicies(session, identity.identityType, principalName(identity));
  } catch {
    return `The caller's RAM policies could not be read; KMS decides whether ${identity.arn} may call ${action}.`;
  }
  const granting = policies.find(
    (p) => p.policyType === 'System' && KMS_KEY_ADMIN_POLICIES.has(p.policyName),
  );
  if (granting) return `The caller has ${granting.policyName}.`;
  if (policies.some((p) => p.policyType === 'Custom'))
    return `The caller has custom policies that may grant kms:${action}; KMS decides.`;
  throw new CloudError(
    `${identity.arn || 'The caller'} may not call kms:${action}: none of its policies grants it. Attach the system policy AliyunKMSCryptoAdminAccess (or a custom policy allowing kms:${action} on the key) and try again. Nothing was changed.`,
    {
      kind: 'permission',
      product: 'kms',
      action,
      cloudCode: null,
      httpStatus: null,
      requestId: identity.requestId,
      permissionReason: 'ram',
    },
  );
}
