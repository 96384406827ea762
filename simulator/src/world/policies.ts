// RAM policy evaluation. A deliberately small model: statements are (effect, action patterns);
// resources and conditions are ignored (GUESS-level simplification, see README). Deny wins.
import type { PolicyRef } from '../fixtures/schema';

export interface Statement {
  effect: 'Allow' | 'Deny';
  action: string[];
}

/** The system policies the simulator knows, with the actions that matter here. */
export const SYSTEM_POLICIES: Record<string, { description: string; statements: Statement[] }> = {
  AdministratorAccess: {
    description: 'Full access to all cloud resources',
    statements: [{ effect: 'Allow', action: ['*'] }],
  },
  ReadOnlyAccess: {
    description: 'Read-only access to all cloud resources',
    statements: [
      {
        effect: 'Allow',
        action: ['*:Describe*', '*:List*', '*:Get*', '*:Query*', 'actiontrail:LookupEvents'],
      },
    ],
  },
  AliyunCSFullAccess: {
    description: 'Full access to Container Service',
    statements: [{ effect: 'Allow', action: ['cs:*'] }],
  },
  AliyunCSReadOnlyAccess: {
    description: 'Read-only access to Container Service',
    statements: [{ effect: 'Allow', action: ['cs:Describe*', 'cs:Get*', 'cs:List*', 'cs:Check*'] }],
  },
  AliyunKMSFullAccess: {
    description: 'Full access to KMS',
    statements: [{ effect: 'Allow', action: ['kms:*'] }],
  },
  AliyunKMSCryptoAdminAccess: {
    description: 'KMS crypto administrator',
    statements: [{ effect: 'Allow', action: ['kms:*'] }],
  },
  AliyunKMSReadOnlyAccess: {
    description: 'Read-only access to KMS',
    statements: [{ effect: 'Allow', action: ['kms:Describe*', 'kms:List*', 'kms:Get*'] }],
  },
  AliyunKMSCryptoUserAccess: {
    description: 'Use KMS keys for cryptographic operations',
    statements: [
      {
        effect: 'Allow',
        action: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:GenerateDataKey*',
          'kms:Describe*',
          'kms:List*',
        ],
      },
    ],
  },
  AliyunRAMFullAccess: {
    description: 'Full access to RAM',
    statements: [{ effect: 'Allow', action: ['ram:*'] }],
  },
  AliyunRAMReadOnlyAccess: {
    description: 'Read-only access to RAM',
    statements: [{ effect: 'Allow', action: ['ram:Get*', 'ram:List*'] }],
  },
  AliyunSTSAssumeRoleAccess: {
    description: 'Call STS AssumeRole',
    statements: [{ effect: 'Allow', action: ['sts:AssumeRole'] }],
  },
  AliyunActionTrailFullAccess: {
    description: 'Full access to ActionTrail',
    statements: [{ effect: 'Allow', action: ['actiontrail:*'] }],
  },
  AliyunActionTrailReadOnlyAccess: {
    description: 'Read-only access to ActionTrail',
    statements: [
      {
        effect: 'Allow',
        action: [
          'actiontrail:Describe*',
          'actiontrail:Get*',
          'actiontrail:List*',
          'actiontrail:LookupEvents',
        ],
      },
    ],
  },
  AliyunECSFullAccess: {
    description: 'Full access to ECS',
    statements: [{ effect: 'Allow', action: ['ecs:*'] }],
  },
  AliyunECSReadOnlyAccess: {
    description: 'Read-only access to ECS',
    statements: [{ effect: 'Allow', action: ['ecs:Describe*'] }],
  },
  AliyunVPCFullAccess: {
    description: 'Full access to VPC',
    statements: [{ effect: 'Allow', action: ['vpc:*'] }],
  },
  AliyunVPCReadOnlyAccess: {
    description: 'Read-only access to VPC',
    statements: [{ effect: 'Allow', action: ['vpc:Describe*'] }],
  },
  // The ACK service role's policy, as listed in the RAM docs (docs/alibaba-cloud-api.md §6).
  AliyunCSManagedSecurityRolePolicy: {
    description: 'Policy for AliyunCSManagedSecurityRole',
    statements: [
      {
        effect: 'Allow',
        action: [
          'kms:GetSecretValue',
          'kms:ListSecrets',
          'kms:ListKeys',
          'kms:ListSecretVersionIds',
          'kms:ListAliasesByKeyId',
          'kms:SetDeletionProtection',
          'kms:DescribeKey',
          'kms:Encrypt',
          'kms:Decrypt',
        ],
      },
    ],
  },
};

export const SERVICE_ROLE_NAME = 'AliyunCSManagedSecurityRole';
export const SERVICE_ROLE_POLICY = 'AliyunCSManagedSecurityRolePolicy';

function globToRegex(glob: string): RegExp {
  const esc = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${esc}$`, 'i'); // RAM action names are case-insensitive
}

const cache = new Map<string, RegExp>();
export function actionMatches(pattern: string, action: string): boolean {
  let re = cache.get(pattern);
  if (!re) cache.set(pattern, (re = globToRegex(pattern)));
  return re.test(action);
}

export function resolveStatements(
  refs: PolicyRef[],
  custom: Map<string, Statement[]>,
): Statement[] {
  return refs.flatMap((r) =>
    r.type === 'Custom' ? (custom.get(r.name) ?? []) : (SYSTEM_POLICIES[r.name]?.statements ?? []),
  );
}

export function isAllowed(statements: Statement[], ramAction: string): boolean {
  let allowed = false;
  for (const s of statements) {
    if (!s.action.some((p) => actionMatches(p, ramAction))) continue;
    if (s.effect === 'Deny') return false;
    allowed = true;
  }
  return allowed;
}
