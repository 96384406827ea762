// Checks about the KMS key: one DescribeKey answers all of them.
import { parseKeyRef } from '../../contract/key-ref';
import type { CheckId, CheckResult } from '../../contract/types/checks';
import { CloudError } from '../cloud/errors';
import type { KmsKeyMetadata } from '../cloud/kms';
import { REQUIRED_KEY_SPEC, REQUIRED_KEY_USAGE, isServiceKey, keyRegion } from '../keys/rules';
import type { CheckContext } from './context';
import { CONSOLE } from '../cloud/console';
import { message } from '../../contract';
import type { Message } from '../../contract';
import { couldNotCheck, fail, keyNotChecked, pass, result, warn } from './result';
import type { FixSpec } from './result';

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
  // No key, or no such key: key.exists says so once, with the fix; the others point at it.
  if (!keyId || !found) return keyNotChecked(id, null, ctx.input.regionId);
  if ('error' in found) {
    if (found.error instanceof CloudError && found.error.kind === 'notFound') {
      return keyNotChecked(id, named(ctx, keyId), ctx.input.regionId);
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

const keyFix = (ctx: CheckContext, msg: Message, copy?: string): FixSpec => ({
  message: msg,
  consoleUrl: CONSOLE.kmsKeys(ctx.input.regionId),
  ...(copy ? { copy } : {}),
});

/** DescribeKey answered but left a setting out (or gave a value we do not know): unknown. */
const unknownKeySetting = (
  ctx: CheckContext,
  id: CheckId,
  summary: Message,
  evidence: Record<string, string | null>,
  hint: Message,
): CheckResult => result(id, 'unknown', summary, evidence, keyFix(ctx, hint));

export async function keyExists(ctx: CheckContext): Promise<CheckResult> {
  const { keyId, found } = await lookup(ctx);
  if (!keyId) {
    return fail(
      'key.exists',
      message('check.key.exists.noKey'),
      {},
      {
        message: message('fix.key.exists.choose'),
      },
    );
  }
  if (found && 'key' in found) {
    return pass('key.exists', message('check.key.exists.found', { key: named(ctx, keyId) }), {
      keyId,
      ...refEvidence(ctx),
      arn: found.key.arn,
      requestId: found.requestId,
    });
  }
  const error = found && 'error' in found ? found.error : null;
  if (error instanceof CloudError && error.kind === 'notFound') {
    const ref = parseKeyRef(ctx.input.keyRef ?? '');
    const params = {
      key: named(ctx, keyId),
      region: ctx.input.regionId,
      code: error.cloud.cloudCode,
    };
    return fail(
      'key.exists',
      ref?.kind === 'arn' && ref.regionId !== ctx.input.regionId
        ? message('check.key.exists.missingArnElsewhere', { ...params, arnRegion: ref.regionId })
        : message('check.key.exists.missing', params),
      {
        keyId,
        ...refEvidence(ctx),
        errorCode: error.cloud.cloudCode,
        requestId: error.cloud.requestId,
      },
      keyFix(ctx, message('fix.key.exists.chooseOrCreate', { region: ctx.input.regionId })),
    );
  }
  return couldNotCheck('key.exists', 'the key', error);
}

export const keyRegionCheck = (ctx: CheckContext) =>
  withKey(ctx, 'key.region', (key, evidence) => {
    const region = keyRegion(key.arn);
    if (region === ctx.input.regionId)
      return pass('key.region', message('check.key.region.same', { region }), {
        ...evidence,
        keyRegion: region,
      });
    return fail(
      'key.region',
      region
        ? message('check.key.region.other', { keyRegion: region, region: ctx.input.regionId })
        : message('check.key.region.unknown', { region: ctx.input.regionId }),
      { ...evidence, keyRegion: region, clusterRegion: ctx.input.regionId },
      keyFix(ctx, message('fix.key.region.use', { region: ctx.input.regionId })),
    );
  });

export const keySpec = (ctx: CheckContext) =>
  withKey(ctx, 'key.spec', (key, evidence) =>
    key.keySpec === REQUIRED_KEY_SPEC
      ? pass('key.spec', message('check.key.spec.ok', { spec: REQUIRED_KEY_SPEC }), {
          ...evidence,
          keySpec: key.keySpec,
        })
      : fail(
          'key.spec',
          message('check.key.spec.wrong', { actual: key.keySpec, spec: REQUIRED_KEY_SPEC }),
          { ...evidence, keySpec: key.keySpec },
          keyFix(ctx, message('fix.key.spec.use', { spec: REQUIRED_KEY_SPEC }), REQUIRED_KEY_SPEC),
        ),
  );

export const keyUsage = (ctx: CheckContext) =>
  withKey(ctx, 'key.usage', (key, evidence) =>
    key.keyUsage === REQUIRED_KEY_USAGE
      ? pass('key.usage', message('check.key.usage.ok', { usage: REQUIRED_KEY_USAGE }), {
          ...evidence,
          keyUsage: key.keyUsage,
        })
      : fail(
          'key.usage',
          message('check.key.usage.wrong', { actual: key.keyUsage, usage: REQUIRED_KEY_USAGE }),
          { ...evidence, keyUsage: key.keyUsage },
          keyFix(
            ctx,
            message('fix.key.usage.use', { usage: REQUIRED_KEY_USAGE }),
            REQUIRED_KEY_USAGE,
          ),
        ),
  );

export const keyState = (ctx: CheckContext) =>
  withKey(ctx, 'key.state', (key, evidence) => {
    const e = { ...evidence, keyState: key.keyState, deleteDate: key.deleteDate };
    if (key.keyState !== 'Enabled') {
      return fail(
        'key.state',
        message('check.key.state.notEnabled', { state: key.keyState }),
        e,
        keyFix(
          ctx,
          key.keyState === 'PendingDeletion'
            ? message('fix.key.state.cancelDeletionOrChoose')
            : message('fix.key.state.enableOrChoose'),
        ),
      );
    }
    // Enabled is the healthy state: a pass, with the reminder to keep it so during a disable.
    return pass(
      'key.state',
      ctx.input.action === 'disable'
        ? message('check.key.state.enabledKeepIt')
        : message('check.key.state.enabled'),
      e,
    );
  });

export const keyRotation = (ctx: CheckContext) =>
  withKey(ctx, 'key.rotation', (key, evidence) => {
    const e = { ...evidence, automaticRotation: key.automaticRotation };
    if (key.automaticRotation === 'Enabled')
      return fail(
        'key.rotation',
        message('check.key.rotation.on'),
        e,
        keyFix(ctx, message('fix.key.rotation.off')),
      );
    if (key.automaticRotation === 'Suspended')
      return warn('key.rotation', message('check.key.rotation.suspended'), e);
    if (key.automaticRotation === 'Disabled')
      return pass('key.rotation', message('check.key.rotation.off'), e);
    // Missing data is never a pass (docs/alibaba-cloud-api.md §5.3).
    return unknownKeySetting(
      ctx,
      'key.rotation',
      key.automaticRotation === null
        ? message('check.key.rotation.unreported')
        : message('check.key.rotation.strange', { value: key.automaticRotation }),
      e,
      message('fix.key.rotation.look'),
    );
  });

export async function keyCreator(ctx: CheckContext): Promise<CheckResult> {
  const serviceKeyIds = await ctx.serviceKeyIds().catch(() => undefined);
  return withKey(ctx, 'key.creator', (key, evidence) => {
    const e = { ...evidence, creator: key.creator };
    return isServiceKey(key, serviceKeyIds)
      ? fail(
          'key.creator',
          message('check.key.creator.service', { creator: key.creator }),
          e,
          keyFix(ctx, message('fix.key.creator.own')),
        )
      : pass('key.creator', message('check.key.creator.customer'), e);
  });
}

export const keyDeletionProtection = (ctx: CheckContext) =>
  withKey(ctx, 'key.deletionProtection', (key, evidence) => {
    const e = { ...evidence, deletionProtection: key.deletionProtection };
    if (key.deletionProtection === 'Enabled')
      return pass('key.deletionProtection', message('check.key.deletionProtection.on'), e);
    if (key.deletionProtection !== 'Disabled')
      return unknownKeySetting(
        ctx,
        'key.deletionProtection',
        key.deletionProtection === null
          ? message('check.key.deletionProtection.unreported')
          : message('check.key.deletionProtection.strange', { value: key.deletionProtection }),
        e,
        message('fix.key.deletionProtection.look'),
      );
    return warn('key.deletionProtection', message('check.key.deletionProtection.off'), e, {
      message: message('fix.key.deletionProtection.turnOn'),
      copy: key.keyId,
      consoleUrl: CONSOLE.kmsKeys(ctx.input.regionId),
      action: 'enable-deletion-protection',
    });
  });
