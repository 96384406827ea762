// The live check: ask STS who these credentials are (and, for a role account, assume the role
// first) before anything is saved. When the cloud says no, the error names the part that was
// wrong (unknown key, bad secret, expired token, role not assumable...) from the cloud's code.
import type { AccountIdentity } from '../../contract';
import { GuardError, message } from '../../contract';
import { CloudError } from '../cloud/errors';
import type { CloudErrorDetails } from '../cloud/errors';
import type { CloudSession } from '../cloud/session';
import { assumeRole, getCallerIdentity } from '../cloud/sts';
import type { AssumeRoleRequest, AssumedRole, CallerIdentity } from '../cloud/sts';

type Step = 'GetCallerIdentity' | 'AssumeRole';

/** The cloud's rule, said first in every error about a root-account source (docs §7). */
const ROOT_SOURCE = 'AssumeRole must be called by a RAM user or role:';

interface Explanation {
  field: string;
  message: string;
}

/** What a refusal means for the field the user typed. `who` names the credentials. */
function explain(error: CloudError, step: Step, who: string): Explanation | null {
  const code = error.cloud.cloudCode ?? '';
  if (code === 'InvalidAccessKeyId.NotFound')
    return {
      field: 'accessKeyId',
      message: `Alibaba Cloud does not know the AccessKey id of ${who} (${code}). Check the id, and that the key was not deleted.`,
    };
  if (code === 'InvalidAccessKeyId.Inactive' || code === 'Forbidden.AccessKeyDisabled')
    return {
      field: 'accessKeyId',
      message: `The AccessKey of ${who} is disabled (${code}). Enable it in the RAM console or use another key.`,
    };
  if (code === 'SignatureDoesNotMatch' || code === 'IncompleteSignature')
    return {
      field: 'accessKeySecret',
      message: `The AccessKey secret of ${who} does not belong to its AccessKey id (${code}). Paste the secret again.`,
    };
  if (code === 'InvalidSecurityToken.Expired')
    return {
      field: 'securityToken',
      message: `The STS token of ${who} has expired (${code}). Get a new token.`,
    };
  if (code.startsWith('InvalidSecurityToken.') || code === 'MissingSecurityToken')
    return {
      field: 'securityToken',
      message: `The STS security token of ${who} is not valid for its AccessKey id (${code}). Paste the token that was issued with this AccessKey id.`,
    };
  if (code === 'InvalidTimeStamp.Expired')
    return {
      field: 'clock',
      message: `Alibaba Cloud refused the request time (${code}): this computer's clock is off. Synchronise it and try again.`,
    };
  if (step === 'AssumeRole') {
    // "NoPermission: Roles may not be assumed by root accounts." (docs/alibaba-cloud-api.md §7)
    if (code === 'NoPermission' && /root account/i.test(error.message))
      return {
        field: 'sourceAccountId',
        message: `${ROOT_SOURCE} ${who} is a root account's AccessKey (${code}). Save a RAM user's AccessKey for that account (with AliyunSTSAssumeRoleAccess) and assume the role from it.`,
      };
    if (code === 'EntityNotExist.Role' || code === 'InvalidParameter.RoleArn')
      return {
        field: 'roleArn',
        message: `The role cannot be assumed: it does not exist (${code}). Check the role ARN.`,
      };
    if (error.kind === 'permission')
      return {
        field: 'roleArn',
        message: `The role cannot be assumed by ${who} (${code || 'permission denied'}): the role's trust policy must allow that account, and the caller needs sts:AssumeRole.`,
      };
    if (code === 'InvalidParameter.RoleSessionName')
      return { field: 'sessionName', message: `STS refused the role session name (${code}).` };
    if (code.startsWith('InvalidParameter.DurationSeconds') || code === 'InvalidParameter.Duration')
      return {
        field: 'durationSeconds',
        message: `STS refused the session duration (${code}): it must not exceed the role's maximum session duration.`,
      };
    if (code.startsWith('InvalidParameter.ExternalId'))
      return { field: 'externalId', message: `STS refused the external id (${code}).` };
  }
  // The network settings, not the credentials: the proxy, its password, the CA bundle.
  if (
    error.kind === 'network' ||
    error.kind === 'proxy' ||
    error.kind === 'tls' ||
    error.kind === 'tooLarge'
  )
    return {
      field: 'network',
      message: `${error.message} Nothing was saved.`,
    };
  return null;
}

/**
 * A refused check, still a CloudError (so a CloudSession passes it through unchanged when it
 * happens inside a credentials provider), with the field the user should fix.
 */
export class CredentialCheckError extends CloudError {
  readonly field: string | null;
  readonly step: Step;

  constructor(message: string, cloud: CloudErrorDetails, field: string | null, step: Step) {
    super(message, cloud);
    this.name = 'CredentialCheckError';
    this.field = field;
    this.step = step;
    Object.assign(this.details ?? {}, { field, step });
  }
}

/** Rethrows a failed STS call as a cloud error that names the wrong field. */
export function explainCheckFailure(error: unknown, step: Step, who: string): never {
  if (error instanceof CredentialCheckError) throw error;
  if (error instanceof CloudError) {
    const found = explain(error, step, who);
    throw new CredentialCheckError(
      found ? found.message : `STS ${step} failed for ${who}: ${error.message}`,
      error.cloud,
      found?.field ?? null,
      step,
    );
  }
  throw error;
}

export function toIdentity(caller: CallerIdentity, checkedAt: number): AccountIdentity {
  return {
    accountId: caller.accountId,
    identityType: caller.identityType,
    arn: caller.arn,
    checkedAt: new Date(checkedAt).toISOString(),
  };
}

export async function checkIdentity(
  session: CloudSession,
  who: string,
  now: number,
): Promise<AccountIdentity> {
  try {
    return toIdentity(await getCallerIdentity(session), now);
  } catch (error) {
    explainCheckFailure(error, 'GetCallerIdentity', who);
  }
}

/**
 * AssumeRole must be called by a RAM user or role, never the root account: STS refuses it with
 * `NoPermission` (docs/alibaba-cloud-api.md §7). Asked of STS (GetCallerIdentity's IdentityType)
 * when a role account is added or tested, so the user hears the real reason, with the fix.
 */
export async function checkRoleSource(
  sourceSession: CloudSession,
  sourceName: string,
  now: number,
): Promise<AccountIdentity> {
  const identity = await checkIdentity(sourceSession, `the source account "${sourceName}"`, now);
  if (identity.identityType === 'Account') {
    throw new GuardError(
      'validation',
      message('error.account.rootSource', { name: sourceName, accountId: identity.accountId }),
      { field: 'sourceAccountId', reason: 'root-source', accountId: identity.accountId },
    );
  }
  return identity;
}

export async function checkAssumeRole(
  sourceSession: CloudSession,
  request: AssumeRoleRequest,
  sourceName: string,
): Promise<AssumedRole> {
  try {
    return await assumeRole(sourceSession, request);
  } catch (error) {
    explainCheckFailure(error, 'AssumeRole', `the source account "${sourceName}"`);
  }
}
