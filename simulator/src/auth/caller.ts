// Who is calling: the identity an authenticated request acts as.
import type { Statement } from '../world/policies';

export interface Caller {
  accountId: string;
  kind: 'root' | 'user' | 'role';
  accessKeyId: string;
  userName?: string;
  userId?: string;
  roleName?: string;
  roleId?: string;
  sessionName?: string;
  /** Authenticated with an STS token (changes the RAM-denial message on CS). */
  viaSts: boolean;
  /** 'all' for the root account. */
  statements: Statement[] | 'all';
}

/** ActionTrail's userIdentity block for a caller (field names: docs/alibaba-cloud-api.md §8.3). */
export function userIdentityOf(c: Caller, at: string): Record<string, unknown> {
  if (c.kind === 'root') {
    return {
      type: 'root-account',
      accountId: c.accountId,
      principalId: c.accountId,
      userName: 'root',
      accessKeyId: c.accessKeyId,
    };
  }
  if (c.kind === 'user') {
    return {
      type: 'ram-user',
      accountId: c.accountId,
      principalId: c.userId,
      userName: c.userName,
      accessKeyId: c.accessKeyId,
    };
  }
  return {
    type: 'assumed-role',
    accountId: c.accountId,
    principalId: `${c.roleId}:${c.sessionName}`,
    userName: `${c.roleName}:${c.sessionName}`,
    accessKeyId: c.accessKeyId,
    sessionContext: { attributes: { mfaAuthenticated: 'false', creationDate: at } },
  };
}

export function callerArn(c: Caller): string {
  if (c.kind === 'root') return `acs:ram::${c.accountId}:root`;
  if (c.kind === 'user') return `acs:ram::${c.accountId}:user/${c.userName}`;
  // GUESS (docs/alibaba-cloud-api.md §7): GetCallerIdentity's Arn for a role is unconfirmed;
  // the AssumeRole response form (role/<name>/<session>) is used for both.
  return `acs:ram::${c.accountId}:role/${c.roleName?.toLowerCase()}/${c.sessionName}`;
}
