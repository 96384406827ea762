// Checks about the KMS key: one DescribeKey answers all of them.
import { parseKeyRef } from '../../contract/key-ref';
import type { CheckId, CheckResult } from '../../contract/types/checks';
import { CloudError } from '../cloud/errors';
import type { KmsKeyMetadata } from '../cloud/kms';
import { REQUIRED_KEY_SPEC, REQUIRED_KEY_USAGE, isServiceKey, keyRegion } from '../keys/rules';
import type { CheckContext } from './context';
import { CONSOLE } from '../cloud/console';
import { couldNotCheck, fail, pass, warn } from './result';

type KeyLookup = { key: KmsKeyMetadata; requestId: string | null } | { error: unknown };

async function lookup(
  ctx: CheckContext,
): Promise<{ keyId: string | null; found: KeyLookup | null }> {
  const keyId = await ctx.keyId().catch(() => null);
  if (!keyId) return { keyId, found: null };
  try {
    return { keyId, found: await ctx.key(keyId) };
  } catch (error) {
    return { keyId, found: { error } };
  }
}

/** Runs `decide` on the key, or explains why the key could not be read. */
async function withKey(
  ctx: CheckContext,
  id: CheckId,
  decide: (key: KmsKeyMetadata, evidence: Record<string, string | null>) => CheckResult,
): Promise<CheckResult> {
  const { keyId, found } = await lookup(ctx);
  if (!keyId || !found) {
    return couldNotCheck(id, 'the key', new Error('No key is known for this change.'));
  }
  if ('error' in found) {
    if (found.error instanceof CloudError && found.error.kind === 'notFound') {
      return couldNotCheck(
        id,
        'the key',
        new Error(`Key ${keyId} was not found in ${ctx.input.regionId}.`),
      );
    }
    return couldNotCheck(id, 'the key', found.error);
  }
  return decide(found.key, { keyId, ...refEvidence(ctx), requestId: found.requestId });
}

/** The alias or ARN the request named the key by, beside its id in the evidence. */
function refEvidence(ctx: CheckContext): { keyRef?: string } {
  return ctx.input.keyRef ? { keyRef: ctx.input.keyRef } : {};
}

/** "alias/x (key-…)" when the request named the key by an alias or ARN, else the id. */
function named(ctx: CheckContext, keyId: string): string {
  return ctx.input.keyRef ? `${ctx.input.keyRef} (${keyId})` : keyId;
}

const keyFix = (ctx: CheckContext, hint: string) => ({
  hint,
  consoleUrl: CONSOLE.kmsKeys(ctx.input.regionId),
});

/** DescribeKey answered but left a setting out (or gave a value we do not know): unknown. */
const unknownKeySetting = (
  ctx: CheckContext,
  id: CheckId,
  summary: string,
  evidence: Record<string, string | null>,
  hint: string,
): CheckResult => ({ id, status: 'unknown', summary, evidence, fix: keyFix(ctx, hint) });

export async function keyExists(ctx: CheckContext): Promise<CheckResult> {
  const { keyId, found } = await lookup(ctx);
  if (!keyId) {
    return fail('key.exists', 'No key was chosen.', {}, { hint: 'Choose an eligible key.' });
  }
  if (found && 'key' in found) {
    return pass('key.exists', `Key ${named(ctx, keyId)} exists.`, {
      keyId,
      ...refEvidence(ctx),
      arn: found.key.arn,
      requestId: found.requestId,
    });
  }
  const error = found && 'error' in found ? found.error : null;
  if (error instanceof CloudError && error.kind === 'notFound') {
    const ref = parseKeyRef(ctx.input.keyRef ?? '');
    const elsewhere =
      ref?.kind === 'arn' && ref.regionId !== ctx.input.regionId
        ? ` The ARN names region ${ref.regionId}; the key must be in the cluster's region.`
        : '';
    return fail(
      'key.exists',
      `Key ${named(ctx, keyId)} does not exist in ${ctx.input.regionId} (${error.cloud.cloudCode}).${elsewhere}`,
      {
        keyId,
        ...refEvidence(ctx),
        errorCode: error.cloud.cloudCode,
        requestId: error.cloud.requestId,
      },
      keyFix(
        ctx,
        `Choose a key that exists in ${ctx.input.regionId}, or create one (Aliyun_AES_256, ENCRYPT/DECRYPT).`,
      ),
    );
  }
  return couldNotCheck('key.exists', 'the key', error);
}

export const keyRegionCheck = (ctx: CheckContext) =>
  withKey(ctx, 'key.region', (key, evidence) => {
    const region = keyRegion(key.arn);
    if (region === ctx.input.regionId)
      return pass('key.region', `The key is in ${region}, like the cluster.`, {
        ...evidence,
        keyRegion: region,
      });
    return fail(
      'key.region',
      `The key is in ${region ?? 'an unknown region'}; the cluster is in ${ctx.input.regionId}.`,
      { ...evidence, keyRegion: region, clusterRegion: ctx.input.regionId },
      keyFix(ctx, `Use a key in ${ctx.input.regionId}.`),
    );
  });

export const keySpec = (ctx: CheckContext) =>
  withKey(ctx, 'key.spec', (key, evidence) =>
    key.keySpec === REQUIRED_KEY_SPEC
      ? pass('key.spec', `Key spec is ${REQUIRED_KEY_SPEC}.`, { ...evidence, keySpec: key.keySpec })
      : fail(
          'key.spec',
          `Key spec is ${key.keySpec}; ACK needs ${REQUIRED_KEY_SPEC}.`,
          { ...evidence, keySpec: key.keySpec },
          keyFix(ctx, `Use an ${REQUIRED_KEY_SPEC} key.`),
        ),
  );

export const keyUsage = (ctx: CheckContext) =>
  withKey(ctx, 'key.usage', (key, evidence) =>
    key.keyUsage === REQUIRED_KEY_USAGE
      ? pass('key.usage', `Key usage is ${REQUIRED_KEY_USAGE}.`, {
          ...evidence,
          keyUsage: key.keyUsage,
        })
      : fail(
          'key.usage',
          `Key usage is ${key.keyUsage}; ACK needs ${REQUIRED_KEY_USAGE}.`,
          { ...evidence, keyUsage: key.keyUsage },
          keyFix(ctx, `Use a ${REQUIRED_KEY_USAGE} key.`),
        ),
  );

export const keyState = (ctx: CheckContext) =>
  withKey(ctx, 'key.state', (key, evidence) => {
    const e = { ...evidence, keyState: key.keyState, deleteDate: key.deleteDate };
    if (key.keyState !== 'Enabled') {
      return fail(
        'key.state',
        `The key is ${key.keyState}; it must be Enabled.`,
        e,
        keyFix(
          ctx,
          key.keyState === 'PendingDeletion'
            ? 'Cancel the key deletion, or choose another key.'
            : 'Enable the key, or choose another key.',
        ),
      );
    }
    if (ctx.input.action === 'disable') {
      return warn(
        'key.state',
        'The key is Enabled. Keep it enabled until the change has ended: the cluster needs it to decrypt its Secrets.',
        e,
      );
    }
    return pass('key.state', 'The key is Enabled.', e);
  });

export const keyRotation = (ctx: CheckContext) =>
  withKey(ctx, 'key.rotation', (key, evidence) => {
    const e = { ...evidence, automaticRotation: key.automaticRotation };
    if (key.automaticRotation === 'Enabled')
      return fail(
        'key.rotation',
        'Automatic rotation is on; the ACK Edge document requires it off.',
        e,
        keyFix(ctx, 'Turn automatic rotation off for this key, or choose another key.'),
      );
    if (key.automaticRotation === 'Suspended')
      return warn(
        'key.rotation',
        'Automatic rotation is suspended; it must not be turned back on.',
        e,
      );
    if (key.automaticRotation === 'Disabled')
      return pass('key.rotation', 'Automatic rotation is off.', e);
    // Missing data is never a pass (docs/alibaba-cloud-api.md §5.3).
    return unknownKeySetting(
      ctx,
      'key.rotation',
      key.automaticRotation === null
        ? 'KMS did not say whether automatic rotation is on.'
        : `KMS reported automatic rotation as "${key.automaticRotation}", which this app does not know.`,
      e,
      'Look at the rotation setting of this key in the KMS console: it must be off.',
    );
  });

export async function keyCreator(ctx: CheckContext): Promise<CheckResult> {
  const serviceKeyIds = await ctx.serviceKeyIds().catch(() => undefined);
  return withKey(ctx, 'key.creator', (key, evidence) => {
    const e = { ...evidence, creator: key.creator };
    return isServiceKey(key, serviceKeyIds)
      ? fail(
          'key.creator',
          `The key was created by a cloud service (${key.creator}); ACK needs a customer key.`,
          e,
          keyFix(ctx, 'Choose a key you created.'),
        )
      : pass('key.creator', 'The key is a customer key.', e);
  });
}

export const keyDeletionProtection = (ctx: CheckContext) =>
  withKey(ctx, 'key.deletionProtection', (key, evidence) => {
    const e = { ...evidence, deletionProtection: key.deletionProtection };
    if (key.deletionProtection === 'Enabled')
      return pass('key.deletionProtection', 'Deletion protection is on.', e);
    if (key.deletionProtection !== 'Disabled')
      return unknownKeySetting(
        ctx,
        'key.deletionProtection',
        key.deletionProtection === null
          ? 'KMS did not say whether deletion protection is on.'
          : `KMS reported deletion protection as "${key.deletionProtection}", which this app does not know.`,
        e,
        'Look at the deletion protection of this key in the KMS console, and turn it on.',
      );
    return warn(
      'key.deletionProtection',
      "Deletion protection is off: deleting this key would make the cluster's API server unable to read Secrets.",
      e,
      {
        hint: 'Turn on deletion protection for this key.',
        consoleUrl: CONSOLE.kmsKeys(ctx.input.regionId),
        action: 'enable-deletion-protection',
      },
    );
  });
