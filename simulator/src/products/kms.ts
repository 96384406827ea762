// KMS 2016-01-20, RPC. Keys are regional: every call addresses one region's endpoint.
import type { Caller } from '../auth/caller';
import { userIdentityOf } from '../auth/caller';
import { isoUtc } from '../clock';
import { ApiError, commonError } from '../http/errors';
import type { KeyRt } from '../world/runtime';
import type { World } from '../world/world';
import type { Ctx, Product } from './types';
import { boolParam, intParam, page, requireParam } from './util';

/**
 * The only ListKeys filter keys the API reference documents (docs/alibaba-cloud-api.md §5.2);
 * others are refused. GUESS: the refusal's code (no error codes are listed for ListKeys; KMS
 * answers bad parameters elsewhere with `InvalidParameter` 400).
 */
const FILTER_KEYS = new Set(['KeyState', 'KeySpec', 'KeyUsage', 'ProtectionLevel', 'CreatorType']);
/** "Values ... Length: 0 to 10" (docs §5.2). */
const MAX_FILTER_VALUES = 10;

function keyOrThrow(ctx: Ctx, ref: string): KeyRt {
  const k = ctx.world.keyOf(ctx.caller.accountId, ref, ctx.regionId);
  if (k) return k;
  if (ref.startsWith('alias/'))
    throw new ApiError(404, 'Forbidden.AliasNotFound', 'The specified Alias is not found.');
  throw new ApiError(404, 'Forbidden.KeyNotFound', 'The specified Key is not found.');
}

function metadata(ctx: Ctx, k: KeyRt): Record<string, unknown> {
  const m: Record<string, unknown> = {
    KeyId: k.id,
    Arn: ctx.world.keyArn(k),
    KeySpec: k.spec,
    KeyUsage: k.usage,
    KeyState: k.state,
    Description: k.description,
    CreationDate: isoUtc(k.created),
    Creator: k.creator ?? k.accountId,
    Origin: k.origin,
    ProtectionLevel: k.protectionLevel,
    AutomaticRotation: k.rotation,
    DeletionProtection: k.deletionProtection,
    DKMSInstanceId: k.dkmsInstanceId ?? '',
    PrimaryKeyVersion: `${k.id.slice(4, 12)}-0000-4000-8000-000000000001`,
    MaterialExpireTime: '',
    LastRotationDate: isoUtc(k.lastRotation ?? k.created),
  };
  if (k.deletionProtectionDescription && k.deletionProtection === 'Enabled')
    m.DeletionProtectionDescription = k.deletionProtectionDescription;
  if (k.state === 'PendingDeletion' && k.deleteDate) m.DeleteDate = isoUtc(k.deleteDate);
  if (k.rotation !== 'Disabled') {
    m.RotationInterval = k.rotationInterval ?? '31536000s';
    m.NextRotationDate = isoUtc((k.lastRotation ?? k.created) + 365 * 86400_000);
  }
  return m;
}

function parseFilters(ctx: Ctx): { Key: string; Values: string[] }[] {
  const raw = ctx.params.Filters;
  if (!raw) return [];
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    throw commonError('kms', 'InvalidParameter', 'The Filters parameter is not valid JSON.');
  }
  if (!Array.isArray(v) || v.length > 10)
    throw commonError(
      'kms',
      'InvalidParameter',
      'Filters must be a JSON array of at most 10 {Key, Values} objects.',
    );
  return v.map((f: unknown) => {
    const o = f as { Key?: unknown; Values?: unknown };
    if (
      typeof o?.Key !== 'string' ||
      !FILTER_KEYS.has(o.Key) ||
      !Array.isArray(o.Values) ||
      o.Values.length > MAX_FILTER_VALUES ||
      !o.Values.every((x) => typeof x === 'string')
    ) {
      throw commonError(
        'kms',
        'InvalidParameter',
        `Invalid filter ${JSON.stringify(f)}: Key must be one of ${[...FILTER_KEYS].join(', ')}, with at most ${MAX_FILTER_VALUES} string Values.`,
      );
    }
    return { Key: o.Key, Values: o.Values as string[] };
  });
}

function filterValue(ctx: Ctx, k: KeyRt, key: string): string[] {
  switch (key) {
    case 'KeyState':
      return [k.state];
    case 'KeySpec':
      return [k.spec];
    case 'KeyUsage':
      return [k.usage];
    case 'ProtectionLevel':
      return [k.protectionLevel];
    case 'CreatorType':
      return [k.creatorType];
    default:
      return [];
  }
}

function listKeys(ctx: Ctx) {
  const pageNumber = intParam(ctx, 'PageNumber', 1, 1, 100_000);
  const pageSize = ctx.pageCaps.apply('kms/ListKeys', intParam(ctx, 'PageSize', 10, 1, 100));
  const filters = parseFilters(ctx);
  // Different filter keys are ANDed, values of one key ORed (docs/alibaba-cloud-api.md §5.2).
  const keys = ctx.world
    .keysIn(ctx.caller.accountId, ctx.regionId)
    .filter((k) =>
      filters.every((f) => filterValue(ctx, k, f.Key).some((v) => f.Values.includes(v))),
    );
  return {
    json: {
      RequestId: ctx.requestId,
      PageNumber: pageNumber,
      PageSize: pageSize,
      TotalCount: keys.length,
      Keys: {
        Key: page(keys, pageNumber, pageSize).map((k) => ({
          KeyId: k.id,
          KeyArn: ctx.world.keyArn(k),
        })),
      },
    },
  };
}

function aliasesJson(ctx: Ctx, keys: readonly KeyRt[]) {
  const pageNumber = intParam(ctx, 'PageNumber', 1, 1, 100_000);
  const api = ctx.action === 'ListAliasesByKeyId' ? 'kms/ListAliasesByKeyId' : 'kms/ListAliases';
  const pageSize = ctx.pageCaps.apply(api, intParam(ctx, 'PageSize', 10, 1, 100));
  const all = keys.flatMap((k) =>
    k.aliases.map((a) => ({
      KeyId: k.id,
      AliasName: a,
      AliasArn: `acs:kms:${k.regionId}:${k.accountId}:${a}`,
    })),
  );
  return {
    json: {
      RequestId: ctx.requestId,
      PageNumber: pageNumber,
      PageSize: pageSize,
      TotalCount: all.length,
      Aliases: { Alias: page(all, pageNumber, pageSize) },
    },
  };
}

function setDeletionProtection(ctx: Ctx) {
  const ref = ctx.params.ProtectedResourceArn || ctx.params.KeyId;
  if (!ref)
    throw commonError(
      'kms',
      'MissingParameter',
      'ProtectedResourceArn is mandatory for this action.',
    );
  const enable = boolParam(ctx, 'EnableDeletionProtection');
  if (enable === undefined)
    throw commonError(
      'kms',
      'MissingParameter',
      'EnableDeletionProtection is mandatory for this action.',
    );
  const k = keyOrThrow(ctx, ref);
  if (k.state === 'PendingDeletion')
    throw new ApiError(409, 'Rejected.PendingDeletion', `The key ${k.id} is pending deletion.`); // GUESS code for this API
  k.deletionProtection = enable ? 'Enabled' : 'Disabled';
  k.deletionProtectionDescription = enable
    ? (ctx.params.DeletionProtectionDescription ?? '')
    : undefined;
  return { json: { RequestId: ctx.requestId } };
}

/** Key state changes: the way a key in use gets broken (the docs warn against it). */
function setState(ctx: Ctx, to: KeyRt['state'], check: (k: KeyRt) => void) {
  const k = keyOrThrow(ctx, requireParam(ctx, 'KeyId'));
  check(k);
  if (k.state !== to) k.stateSince = ctx.now;
  k.state = to;
  return k;
}

/** A KMS instance of the caller's account (GetKmsInstance, docs/alibaba-cloud-api.md §5.10). */
function getKmsInstance(ctx: Ctx) {
  const id = requireParam(ctx, 'KmsInstanceId');
  const i = ctx.world.kmsInstances.get(id);
  // GUESS: the code and status for an unknown instance (CreateKey documents this code, 403).
  if (!i || i.accountId !== ctx.caller.accountId)
    throw new ApiError(
      403,
      'Forbidden.DKMSInstanceNotFound',
      `The KMS instance ${id} is not found.`,
    );
  return {
    json: {
      RequestId: ctx.requestId,
      KmsInstance: {
        InstanceId: i.id,
        InstanceName: i.id,
        ChargeType: i.chargeType,
        Status: i.status,
        CreateTime: isoUtc(i.created),
        StartDate: isoUtc(i.created),
        ...(i.endDate !== undefined ? { EndDate: isoUtc(i.endDate) } : {}),
        ProductVersion: '3',
      },
    },
  };
}

/** Symmetric and asymmetric specs KMS offers (docs/alibaba-cloud-api.md §5.8); others are refused. */
const KEY_SPECS = new Set([
  'Aliyun_AES_256',
  'Aliyun_AES_128',
  'Aliyun_AES_192',
  'Aliyun_SM4',
  'RSA_2048',
  'RSA_3072',
  'EC_P256',
  'EC_P256K',
  'EC_SM2',
]);
const SIGNING_SPECS = new Set(['RSA_2048', 'RSA_3072', 'EC_P256', 'EC_P256K', 'EC_SM2']);

/**
 * CreateKey as the API reference documents it (§5.8): defaults Aliyun_AES_256 and
 * ENCRYPT/DECRYPT, Origin Aliyun_KMS | EXTERNAL (case-sensitive), DKMSInstanceId must name an
 * instance of the caller in this region (else Forbidden.DKMSInstanceNotFound 403), rotation only
 * with a RotationInterval. GUESS: the one-default-key-per-region quota is not enforced (§11).
 */
function createKey(ctx: Ctx) {
  const spec = ctx.params.KeySpec || 'Aliyun_AES_256';
  if (!KEY_SPECS.has(spec))
    throw commonError('kms', 'InvalidParameter', `The KeySpec ${spec} is not valid.`);
  const usage =
    ctx.params.KeyUsage || (SIGNING_SPECS.has(spec) ? 'SIGN/VERIFY' : 'ENCRYPT/DECRYPT');
  if (usage !== 'ENCRYPT/DECRYPT' && usage !== 'SIGN/VERIFY')
    throw commonError('kms', 'InvalidParameter', `The KeyUsage ${usage} is not valid.`);
  if (usage === 'SIGN/VERIFY' && !SIGNING_SPECS.has(spec))
    throw commonError('kms', 'InvalidParameter', `The KeySpec ${spec} cannot SIGN/VERIFY.`);
  const origin = ctx.params.Origin || 'Aliyun_KMS';
  if (origin !== 'Aliyun_KMS' && origin !== 'EXTERNAL')
    throw commonError('kms', 'InvalidParameter', `The Origin ${origin} is not valid.`);
  const instanceId = ctx.params.DKMSInstanceId || undefined;
  if (instanceId) {
    const i = ctx.world.kmsInstances.get(instanceId);
    if (!i || i.accountId !== ctx.caller.accountId || i.regionId !== ctx.regionId)
      throw new ApiError(
        403,
        'Forbidden.DKMSInstanceNotFound',
        'The specified DKMS Instance is not found.',
      );
  }
  const rotate = boolParam(ctx, 'EnableAutomaticRotation') ?? false;
  const interval = ctx.params.RotationInterval || undefined;
  if (rotate && !interval)
    throw commonError(
      'kms',
      'InvalidParameter',
      'RotationInterval is required when EnableAutomaticRotation is true.',
    );
  const description = ctx.params.Description ?? '';
  if (description.length > 8192)
    throw commonError('kms', 'InvalidParameter', 'The Description is longer than 8192 characters.');
  const level = ctx.params.ProtectionLevel;
  const k = ctx.world.insertKey({
    id: ctx.world.newKeyId(ctx.regionId),
    accountId: ctx.caller.accountId,
    regionId: ctx.regionId,
    spec,
    usage: usage as KeyRt['usage'],
    state: origin === 'EXTERNAL' ? 'PendingImport' : 'Enabled',
    rotation: rotate ? 'Enabled' : 'Disabled',
    ...(interval ? { rotationInterval: interval } : {}),
    deletionProtection: 'Disabled',
    protectionLevel: !instanceId && level === 'HSM' ? 'HSM' : 'SOFTWARE',
    ...(instanceId ? { dkmsInstanceId: instanceId } : {}),
    creatorType: 'User',
    origin,
    description,
    aliases: [],
    created: ctx.now,
    stateSince: ctx.now,
  });
  return { json: { RequestId: ctx.requestId, KeyMetadata: metadata(ctx, k) } };
}

/**
 * CreateAlias (§5.8): 1–255 characters with the prefix alias/, not alias/acs…; one key per alias
 * in a region. GUESS: the code for a taken alias (`Rejected.ResourceExist` 409, the code KMS uses
 * for "already exists" elsewhere) and the allowed characters (§5.1).
 */
function createAlias(ctx: Ctx) {
  const name = requireParam(ctx, 'AliasName');
  if (
    !name.startsWith('alias/') ||
    name.length > 255 ||
    name.length === 6 ||
    name.startsWith('alias/acs') ||
    !/^alias\/[A-Za-z0-9/_-]+$/.test(name)
  )
    throw commonError('kms', 'InvalidParameter', `The AliasName ${name} is not valid.`);
  const k = keyOrThrow(ctx, requireParam(ctx, 'KeyId'));
  if (ctx.world.keysIn(ctx.caller.accountId, ctx.regionId).some((x) => x.aliases.includes(name)))
    throw new ApiError(409, 'Rejected.ResourceExist', `The alias ${name} already exists.`);
  k.aliases.push(name);
  return { json: { RequestId: ctx.requestId } };
}

/** Request parameters ActionTrail keeps for a KMS call (what the guard reads back). */
const RECORDED_PARAMS =
  /^(KeyId|PageNumber|PageSize|Filters|EnableDeletionProtection|ProtectedResourceArn|PendingWindowInDays|KmsInstanceId|KeySpec|KeyUsage|Origin|DKMSInstanceId|EnableAutomaticRotation|AliasName)$/;

/**
 * ActionTrail records every KMS API call (docs/alibaba-cloud-api.md §8.3): the call through
 * the HTTP endpoint and the ones the control API makes "as someone else".
 */
export function recordKmsCall(
  world: World,
  caller: Caller,
  call: { regionId: string; action: string; params: Record<string, string>; now: number },
  extra: { sourceIpAddress?: string; errorCode?: string; errorMessage?: string } = {},
): void {
  world.events.record(caller.accountId, call.regionId, {
    ms: call.now,
    regionId: call.regionId,
    serviceName: 'Kms',
    eventName: call.action,
    eventRW: /^(Describe|List|Get)/.test(call.action) ? 'Read' : 'Write',
    apiVersion: '2016-01-20',
    userIdentity: userIdentityOf(caller, isoUtc(call.now)),
    resourceName: call.params.KeyId ?? '',
    resourceType: call.params.KeyId ? 'ACS::KMS::Key' : '',
    requestParameters: Object.fromEntries(
      Object.entries(call.params).filter(([k]) => RECORDED_PARAMS.test(k)),
    ),
    ...extra,
  });
}

export const kms: Product = {
  id: 'kms',
  style: 'rpc',
  version: '2016-01-20',
  host: 'kms',
  regional: true,
  actions: {
    ListKeys: { ram: 'kms:ListKeys', handler: listKeys },
    DescribeKey: {
      ram: 'kms:DescribeKey',
      handler: (ctx) => ({
        json: {
          RequestId: ctx.requestId,
          KeyMetadata: metadata(ctx, keyOrThrow(ctx, requireParam(ctx, 'KeyId'))),
        },
      }),
    },
    ListAliases: {
      ram: 'kms:ListAliases',
      handler: (ctx) => aliasesJson(ctx, ctx.world.keysIn(ctx.caller.accountId, ctx.regionId)),
    },
    ListAliasesByKeyId: {
      ram: 'kms:ListAliasesByKeyId',
      handler: (ctx) => aliasesJson(ctx, [keyOrThrow(ctx, requireParam(ctx, 'KeyId'))]),
    },
    SetDeletionProtection: { ram: 'kms:SetDeletionProtection', handler: setDeletionProtection },
    CreateKey: { ram: 'kms:CreateKey', handler: createKey },
    CreateAlias: { ram: 'kms:CreateAlias', handler: createAlias },
    GetKmsInstance: { ram: 'kms:GetKmsInstance', handler: getKmsInstance },
    DisableKey: {
      ram: 'kms:DisableKey',
      handler: (ctx) => {
        setState(ctx, 'Disabled', (k) => {
          if (k.state === 'PendingDeletion')
            throw new ApiError(
              409,
              'Rejected.PendingDeletion',
              `The key ${k.id} is pending deletion.`,
            );
        });
        return { json: { RequestId: ctx.requestId } };
      },
    },
    EnableKey: {
      ram: 'kms:EnableKey',
      handler: (ctx) => {
        setState(ctx, 'Enabled', (k) => {
          if (k.state === 'PendingDeletion')
            throw new ApiError(
              409,
              'Rejected.PendingDeletion',
              `The key ${k.id} is pending deletion.`,
            );
        });
        return { json: { RequestId: ctx.requestId } };
      },
    },
    ScheduleKeyDeletion: {
      ram: 'kms:ScheduleKeyDeletion',
      handler: (ctx) => {
        const days = intParam(ctx, 'PendingWindowInDays', -1, 7, 366);
        if (days < 0)
          throw commonError(
            'kms',
            'MissingParameter',
            'PendingWindowInDays is mandatory for this action.',
          );
        const k = setState(ctx, 'PendingDeletion', (key) => {
          // GUESS code: protection blocks deletion (documented), the code is not.
          if (key.deletionProtection === 'Enabled')
            throw new ApiError(
              403,
              'Forbidden.KeyInDeletionProtection',
              `The key ${key.id} has deletion protection enabled.`,
            );
        });
        k.deleteDate = ctx.now + days * 86400_000;
        return { json: { RequestId: ctx.requestId } };
      },
    },
    CancelKeyDeletion: {
      ram: 'kms:CancelKeyDeletion',
      handler: (ctx) => {
        const k = setState(ctx, 'Enabled', (key) => {
          if (key.state !== 'PendingDeletion')
            throw new ApiError(
              409,
              'Rejected.Unavailable',
              `The key ${key.id} is not pending deletion.`,
            ); // GUESS
        });
        k.deleteDate = undefined;
        return { json: { RequestId: ctx.requestId } };
      },
    },
  },
};
