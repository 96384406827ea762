// The two fixes the checklist offers as in-app actions. Each is an explicit user action, audited
// by the caller, and idempotent: running it on an account that is already fine changes nothing.
import { GuardError, keyIdWithoutLookup } from '../../contract';
import type { FixResult } from '../../contract/types/operations';
import { SERVICE_ROLE, SERVICE_ROLE_POLICY } from '../checks/context';
import { CloudError } from '../cloud/errors';
import { describeKey, setDeletionProtection } from '../cloud/kms';
import {
  CS_SERVICE_TRUST_POLICY,
  attachPolicyToRole,
  createRole,
  getRole,
  listPoliciesForRole,
} from '../cloud/ram';
import type { CloudSession } from '../cloud/session';

/** Creates AliyunCSManagedSecurityRole (trusting cs.aliyuncs.com) and attaches its system policy. */
export async function authorizeServiceRole(session: CloudSession): Promise<FixResult> {
  const steps: string[] = [];
  const requestIds: string[] = [];
  const note = (id: string | null) => id && requestIds.push(id);
  try {
    note((await getRole(session, SERVICE_ROLE)).requestId);
    steps.push(`${SERVICE_ROLE} exists.`);
  } catch (error) {
    if (!(error instanceof CloudError && error.kind === 'notFound')) throw error;
    note(
      (
        await createRole(
          session,
          SERVICE_ROLE,
          CS_SERVICE_TRUST_POLICY,
          'Lets Container Service (ACK) use KMS for Secret encryption at rest.',
        )
      ).requestId,
    );
    steps.push(`Created ${SERVICE_ROLE}, trusted by cs.aliyuncs.com.`);
  }
  const { policies, requestId } = await listPoliciesForRole(session, SERVICE_ROLE);
  note(requestId);
  if (policies.some((p) => p.policyName === SERVICE_ROLE_POLICY)) {
    steps.push(`${SERVICE_ROLE_POLICY} is attached.`);
  } else {
    note(
      (await attachPolicyToRole(session, SERVICE_ROLE, SERVICE_ROLE_POLICY, 'System')).requestId,
    );
    steps.push(`Attached the system policy ${SERVICE_ROLE_POLICY}.`);
  }
  return { fix: 'authorize-service-role', steps, requestIds };
}

/** Turns on deletion protection for a key (never off: that is the user's call in the console). */
export async function enableDeletionProtection(
  session: CloudSession,
  regionId: string,
  keyId: string,
): Promise<FixResult> {
  // DescribeKey takes an id or an alias; an ARN is read as the id it ends in.
  const { key, requestId } = await describeKey(
    session,
    regionId,
    keyIdWithoutLookup(keyId) ?? keyId,
  );
  const requestIds = requestId ? [requestId] : [];
  if (key.deletionProtection === 'Enabled') {
    return {
      fix: 'enable-deletion-protection',
      steps: [`Deletion protection of ${keyId} is already on.`],
      requestIds,
    };
  }
  if (key.keyState === 'PendingDeletion') {
    throw new GuardError(
      'validation',
      `Key ${keyId} is pending deletion: cancel the deletion in the KMS console first; deletion protection cannot be set on it.`,
    );
  }
  const set = await setDeletionProtection(
    session,
    regionId,
    key.arn,
    'Used by ACK clusters for Secret encryption at rest (set by ACK Secret Guard).',
  );
  if (set.requestId) requestIds.push(set.requestId);
  return {
    fix: 'enable-deletion-protection',
    steps: [`Turned on deletion protection of ${keyId}.`],
    requestIds,
  };
}
