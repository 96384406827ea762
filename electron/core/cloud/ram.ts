// RAM (2015-05-01) through the official client: the service role ACK needs, and which policies
// a caller has (directly or through its groups). RAM is global; the region only routes limits.
import type * as RamModule from '@alicloud/ram20150501';
import { loadOnce, sdkClient } from './sdk';
import type { CloudSession } from './session';

// The SDK and its client class, loaded by the first call that needs them (sdk.ts).
let $Ram: typeof RamModule;
let Ram: typeof RamModule.default;
const sdk = loadOnce(async () => {
  $Ram = await import('@alicloud/ram20150501');
  Ram = sdkClient($Ram.default);
});

const REGION = 'cn-hangzhou';

export interface RamPolicyRef {
  policyName: string;
  policyType: string;
}

export interface RamRole {
  roleName: string;
  arn: string;
  assumeRolePolicyDocument: string | null;
}

export async function getRole(
  session: CloudSession,
  roleName: string,
): Promise<{ role: RamRole; requestId: string | null }> {
  await sdk();
  const body = await session.call(
    'ram',
    'GetRole',
    REGION,
    async (config) => (await new Ram(config).getRole(new $Ram.GetRoleRequest({ roleName }))).body,
    { idempotent: true },
  );
  return {
    role: {
      roleName: body?.role?.roleName ?? roleName,
      arn: body?.role?.arn ?? '',
      assumeRolePolicyDocument: body?.role?.assumeRolePolicyDocument ?? null,
    },
    requestId: body?.requestId ?? null,
  };
}

type PoliciesBody = {
  policies?: { policy?: { policyName?: string; policyType?: string }[] };
  requestId?: string;
};

function policies(body: PoliciesBody | undefined): {
  policies: RamPolicyRef[];
  requestId: string | null;
} {
  return {
    policies: (body?.policies?.policy ?? []).map((p) => ({
      policyName: p.policyName ?? '',
      policyType: p.policyType ?? '',
    })),
    requestId: body?.requestId ?? null,
  };
}

export async function listPoliciesForRole(session: CloudSession, roleName: string) {
  await sdk();
  return policies(
    await session.call(
      'ram',
      'ListPoliciesForRole',
      REGION,
      async (config) =>
        (
          await new Ram(config).listPoliciesForRole(
            new $Ram.ListPoliciesForRoleRequest({ roleName }),
          )
        ).body,
      { idempotent: true },
    ),
  );
}

export async function listPoliciesForUser(session: CloudSession, userName: string) {
  await sdk();
  return policies(
    await session.call(
      'ram',
      'ListPoliciesForUser',
      REGION,
      async (config) =>
        (
          await new Ram(config).listPoliciesForUser(
            new $Ram.ListPoliciesForUserRequest({ userName }),
          )
        ).body,
      { idempotent: true },
    ),
  );
}

export async function listPoliciesForGroup(session: CloudSession, groupName: string) {
  await sdk();
  return policies(
    await session.call(
      'ram',
      'ListPoliciesForGroup',
      REGION,
      async (config) =>
        (
          await new Ram(config).listPoliciesForGroup(
            new $Ram.ListPoliciesForGroupRequest({ groupName }),
          )
        ).body,
      { idempotent: true },
    ),
  );
}

export async function listGroupsForUser(
  session: CloudSession,
  userName: string,
): Promise<{ groups: string[]; requestId: string | null }> {
  await sdk();
  const body = await session.call(
    'ram',
    'ListGroupsForUser',
    REGION,
    async (config) =>
      (await new Ram(config).listGroupsForUser(new $Ram.ListGroupsForUserRequest({ userName })))
        .body,
    { idempotent: true },
  );
  return {
    groups: (body?.groups?.group ?? []).map((g) => g.groupName ?? '').filter((g) => g !== ''),
    requestId: body?.requestId ?? null,
  };
}

/** The trust policy that lets ACK assume AliyunCSManagedSecurityRole. */
export const CS_SERVICE_TRUST_POLICY = JSON.stringify({
  Statement: [
    { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['cs.aliyuncs.com'] } },
  ],
  Version: '1',
});

export async function createRole(
  session: CloudSession,
  roleName: string,
  assumeRolePolicyDocument: string,
  description: string,
): Promise<{ requestId: string | null }> {
  await sdk();
  const body = await session.call(
    'ram',
    'CreateRole',
    REGION,
    async (config) =>
      (
        await new Ram(config).createRole(
          new $Ram.CreateRoleRequest({ roleName, assumeRolePolicyDocument, description }),
        )
      ).body,
    { idempotent: false },
  );
  return { requestId: body?.requestId ?? null };
}

export async function attachPolicyToRole(
  session: CloudSession,
  roleName: string,
  policyName: string,
  policyType: 'System' | 'Custom',
): Promise<{ requestId: string | null }> {
  await sdk();
  const body = await session.call(
    'ram',
    'AttachPolicyToRole',
    REGION,
    async (config) =>
      (
        await new Ram(config).attachPolicyToRole(
          new $Ram.AttachPolicyToRoleRequest({ roleName, policyName, policyType }),
        )
      ).body,
    { idempotent: false },
  );
  return { requestId: body?.requestId ?? null };
}
