// "Create a compliant key here": one key ACK can encrypt Secrets with, in one account and region
// (docs/alibaba-cloud-api.md §5.8): CreateKey (Aliyun_AES_256, ENCRYPT/DECRYPT, KMS material,
// rotation off), SetDeletionProtection on, CreateAlias; then the key is read back and must pass the
// key rules. Nothing is ever sent twice: CreateKey and CreateAlias are writes (cloud/retry.ts),
// and after a lost CreateKey answer the key is looked for by the mark in its description instead
// of asking again.
import { randomBytes } from 'node:crypto';
import { errorParam, GuardError, message, messageOf } from '../../contract';
import { aliasProblem, defaultKeyAlias } from '../../contract/key-choice';
import type { KeyCreated } from '../../contract/types/keys';
import {
  createAlias,
  createKey,
  describeKey,
  listAliases,
  listKeyIds,
  setDeletionProtection,
} from '../cloud/kms';
import type { KmsKeyMetadata } from '../cloud/kms';
import { CloudError } from '../cloud/errors';
import type { CloudSession } from '../cloud/session';
import { assertMayCallKms } from './permission';
import { ineligibility, summariseKey } from './rules';

export interface CreateKeyInput {
  accountId: string;
  regionId: string;
  alias?: string | undefined;
  dkmsInstanceId?: string | undefined;
}

const PROTECTION_NOTE =
  'Used by ACK clusters for Secret encryption at rest (created by ACK Secret Guard).';

/** The description of a key we create; the mark finds it again after a lost answer. */
export const keyDescription = (mark: string) =>
  `ACK Secret Guard: Secret encryption at rest for ACK clusters (${mark})`;

/** Errors after which the cloud may have acted although we have no answer. */
function answerLost(error: unknown): boolean {
  return (
    error instanceof CloudError &&
    (error.kind === 'network' || (error.kind === 'server' && error.cloud.httpStatus !== 503))
  );
}

/** The key whose description carries the mark, if KMS lists it (after a lost CreateKey answer). */
async function findMarked(
  session: CloudSession,
  regionId: string,
  mark: string,
): Promise<KmsKeyMetadata | null> {
  const ids = await listKeyIds(session, regionId);
  for (const id of ids) {
    const { key } = await describeKey(session, regionId, id);
    if (key.description?.includes(mark)) return key;
  }
  return null;
}

export async function createCompliantKey(
  session: CloudSession,
  input: CreateKeyInput,
): Promise<KeyCreated> {
  const { accountId, regionId } = input;
  const alias = input.alias ?? defaultKeyAlias(regionId);
  const problem = aliasProblem(alias);
  if (problem) throw new GuardError('validation', `${alias}: ${problem}`, { field: 'alias' });
  const requestIds: string[] = [];
  const note = (id: string | null) => void (id && requestIds.push(id));
  const steps: string[] = [];

  // An alias names one key per region: taken = refused before anything is created.
  const aliases = await listAliases(session, regionId);
  for (const [keyId, names] of aliases) {
    if (names.includes(alias))
      throw new GuardError(
        'conflict',
        message('key.create.aliasTaken', { alias, keyId, region: regionId }),
        { field: 'alias', keyId },
      );
  }
  steps.push(await assertMayCallKms(session, 'CreateKey'));

  const mark = `sg-${randomBytes(6).toString('hex')}`;
  let created: KmsKeyMetadata;
  try {
    const answer = await createKey(session, regionId, {
      description: keyDescription(mark),
      dkmsInstanceId: input.dkmsInstanceId,
    });
    note(answer.requestId);
    created = answer.key;
  } catch (error) {
    if (error instanceof CloudError && error.cloud.cloudCode === 'Rejected.LimitExceeded')
      throw new GuardError(
        'cloud',
        message('key.create.quota', { region: regionId, detail: errorParam(error) }),
      );
    if (!answerLost(error)) throw error;
    // The request may have been carried out: look for our mark rather than create a second key.
    const found = await findMarked(session, regionId, mark).catch(() => null);
    if (!found)
      throw new GuardError(
        'cloud',
        message('key.create.noAnswer', {
          detail: errorParam(error),
          mark,
          region: regionId,
          description: keyDescription(mark),
        }),
        { mark },
      );
    created = found;
    steps.push(`CreateKey's answer was lost; found the new key ${found.keyId} by its mark.`);
  }
  const keyId = created.keyId;
  steps.push(`Created key ${keyId} (Aliyun_AES_256, ENCRYPT/DECRYPT) in ${regionId}.`);

  const failedAfterCreate = (what: string, fix: string, error: unknown) =>
    new GuardError(
      'cloud',
      `Key ${keyId} was created in ${regionId}, but ${what} failed: ${messageOf(error)}. ${fix}`,
      { keyId },
    );
  try {
    note((await setDeletionProtection(session, regionId, created.arn, PROTECTION_NOTE)).requestId);
  } catch (error) {
    throw failedAfterCreate(
      'turning on deletion protection',
      'Turn it on with the key fix "enable deletion protection", then add the alias.',
      error,
    );
  }
  steps.push(`Turned on deletion protection of ${keyId}.`);
  try {
    note((await createAlias(session, regionId, keyId, alias)).requestId);
  } catch (error) {
    throw failedAfterCreate(
      `CreateAlias ${alias}`,
      'Use the key by its id, or add an alias in the KMS console.',
      error,
    );
  }
  steps.push(`Named it ${alias}.`);

  // Read back: what KMS says now is what the window and the plan show.
  const after = await describeKey(session, regionId, keyId);
  note(after.requestId);
  const names = (await listAliases(session, regionId)).get(keyId) ?? [];
  const wrong = ineligibility(after.key, regionId);
  if (wrong.length > 0 || after.key.deletionProtection !== 'Enabled' || !names.includes(alias))
    throw new GuardError(
      'cloud',
      `Key ${keyId} was created, but it reads ${after.key.keySpec} ${after.key.keyUsage} ${after.key.keyState}, deletion protection ${after.key.deletionProtection ?? 'unknown'}, aliases ${names.join(', ') || 'none'}${wrong.length ? ` (${wrong.join(', ')})` : ''}. Look at it in the KMS console.`,
      { keyId },
    );
  return {
    accountId,
    regionId,
    alias,
    key: summariseKey(after.key, regionId, names, []),
    steps,
    requestIds,
  };
}
