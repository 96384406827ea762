// The service-role fix the checklist offers as an in-app action (the key fixes live in
// keys/fixes.ts). An explicit user action, audited by the caller, and idempotent: running it on an
// account that is already fine changes nothing.
import type { FixResult } from '../../contract/types/operations';
import { SERVICE_ROLE, SERVICE_ROLE_POLICY } from '../checks/context';
import { CloudError } from '../cloud/errors';
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
