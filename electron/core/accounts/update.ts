// The kind-specific half of an account update. The contract gives each kind its own update
// shape (a field of another kind is refused at the door, by the schema); here each shape is
// applied to its own kind of account. The kind itself never changes.
import type { ValidatedInput } from '../../contract';
import { GuardError, message } from '../../contract';
import type {
  AccountSecrets,
  StoredAccessKey,
  StoredAccount,
  StoredRamRole,
  StoredStsToken,
} from './types';
import {
  parseRoleFields,
  validateAccessKeyId,
  validateAccessKeySecret,
  validateExpiration,
  validateSecurityToken,
} from './validation';

export type UpdateInput = ValidatedInput<'accounts.update'>;
type UpdateOf<K extends StoredAccount['kind']> = Extract<UpdateInput, { kind: K }>;

/** The update names the kind the account has; the kind cannot change. */
export function assertSameKind(input: UpdateInput, account: StoredAccount): void {
  if (input.kind !== account.kind)
    throw new GuardError(
      'validation',
      `Account "${account.name}" is ${account.kind === 'ram-role' ? 'a' : 'an'} ${account.kind} account, not ${input.kind}: the kind of an account cannot change (add a new one).`,
      { field: 'kind' },
    );
}

/** Whether the update changes what the account signs in with (then it is checked live). */
export function touchesCredentials(input: UpdateInput): boolean {
  const fields: readonly string[] = {
    'access-key': ['accessKeyId', 'accessKeySecret'],
    'sts-token': ['accessKeyId', 'accessKeySecret', 'securityToken', 'expiration'],
    'ram-role': ['sourceAccountId', 'roleArn', 'sessionName', 'durationSeconds', 'externalId'],
  }[input.kind];
  return fields.some((field) => (input as Record<string, unknown>)[field] !== undefined);
}

/**
 * Applies the credential fields of `input` to `next` (a copy of the saved account) and
 * `secrets` (a copy of its keychain item). Throws GuardError('validation') naming the field.
 */
export function applyCredentialFields(
  next: StoredAccount,
  input: UpdateInput,
  secrets: AccountSecrets,
  existing: readonly StoredAccount[],
  now: number,
): void {
  if (next.kind === 'access-key' && input.kind === 'access-key')
    updateAccessKey(next, input, secrets);
  else if (next.kind === 'sts-token' && input.kind === 'sts-token')
    updateStsToken(next, input, secrets, now);
  else if (next.kind === 'ram-role' && input.kind === 'ram-role')
    updateRamRole(next, input, existing);
  else assertSameKind(input, next);
}

function updateAccessKey(
  next: StoredAccessKey,
  input: UpdateOf<'access-key'>,
  secrets: AccountSecrets,
): void {
  if (input.accessKeyId !== undefined) {
    next.accessKeyId = validateAccessKeyId(input.accessKeyId, 'access-key');
    if (input.accessKeySecret === undefined)
      throw new GuardError('validation', message('error.account.secretNeeded'), {
        field: 'accessKeySecret',
      });
  }
  if (input.accessKeySecret !== undefined)
    secrets.accessKeySecret = validateAccessKeySecret(input.accessKeySecret, next.accessKeyId);
}

function updateStsToken(
  next: StoredStsToken,
  input: UpdateOf<'sts-token'>,
  secrets: AccountSecrets,
  now: number,
): void {
  const replacing =
    input.accessKeyId !== undefined ||
    input.accessKeySecret !== undefined ||
    input.securityToken !== undefined;
  if (replacing) {
    if (
      input.accessKeyId === undefined ||
      input.accessKeySecret === undefined ||
      input.securityToken === undefined ||
      input.expiration === undefined
    )
      throw new GuardError('validation', message('error.account.stsAllFour'), {
        field: 'securityToken',
      });
    next.accessKeyId = validateAccessKeyId(input.accessKeyId, 'sts-token');
    secrets.accessKeySecret = validateAccessKeySecret(input.accessKeySecret, next.accessKeyId);
    secrets.securityToken = validateSecurityToken(input.securityToken);
  }
  if (input.expiration !== undefined) next.expiration = validateExpiration(input.expiration, now);
}

function updateRamRole(
  next: StoredRamRole,
  input: UpdateOf<'ram-role'>,
  existing: readonly StoredAccount[],
): void {
  Object.assign(
    next,
    parseRoleFields(
      {
        sourceAccountId: input.sourceAccountId ?? next.sourceAccountId,
        roleArn: input.roleArn ?? next.roleArn,
        sessionName: input.sessionName ?? next.sessionName,
        durationSeconds: input.durationSeconds ?? next.durationSeconds,
        externalId: input.externalId === undefined ? next.externalId : input.externalId,
      },
      existing,
      next.id,
    ),
  );
}
