// KMS (2016-01-20, RPC) through openapi-core's generic call (see rpc.ts for why not the SDK).
import { assertOffered } from './endpoints';
import { pageByNumber } from './paging';
import { rpcCall } from './rpc';
import type { RpcQuery } from './rpc';
import type { CloudSession } from './session';

const VERSION = '2016-01-20';
/** ListKeys and ListAliases take 1 to 100 (docs/alibaba-cloud-api.md); the cloud may use fewer. */
const PAGE_SIZE = 100;

/**
 * One KMS call in a region. Regions without a KMS endpoint get a clear `unavailable` error
 * before anything is sent (not a DNS failure retried four times).
 */
function kmsCall<T>(
  session: CloudSession,
  action: string,
  regionId: string,
  query: RpcQuery,
  options: { idempotent: boolean } = { idempotent: true },
): Promise<T> {
  assertOffered('kms', regionId, action);
  return session.call(
    'kms',
    action,
    regionId,
    (config) => rpcCall<T>(config, action, VERSION, { RegionId: regionId, ...query }),
    options,
  );
}

interface PageFields {
  TotalCount?: unknown;
  PageNumber?: unknown;
  PageSize?: unknown;
}

export interface KmsKeyMetadata {
  keyId: string;
  arn: string;
  keySpec: string;
  keyUsage: string;
  keyState: string;
  /**
   * `Enabled` / `Disabled` / `Suspended`; null when DescribeKey did not say. The schema always
   * has the field (docs/alibaba-cloud-api.md §5.3), so an absent one means "unknown", never "off".
   */
  automaticRotation: string | null;
  /** `Enabled` / `Disabled`; null when DescribeKey did not say (unknown, never "off"). */
  deletionProtection: string | null;
  protectionLevel: string;
  creator: string | null;
  origin: string | null;
  dkmsInstanceId: string | null;
  deleteDate: string | null;
  creationDate: string | null;
  /** Free text set at CreateKey (we mark our keys with it, §5.8); null when empty. */
  description?: string | null;
}

function s(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function metadata(raw: Record<string, unknown>): KmsKeyMetadata {
  return {
    keyId: s(raw.KeyId) ?? '',
    arn: s(raw.Arn) ?? '',
    keySpec: s(raw.KeySpec) ?? '',
    keyUsage: s(raw.KeyUsage) ?? '',
    keyState: s(raw.KeyState) ?? '',
    automaticRotation: s(raw.AutomaticRotation),
    deletionProtection: s(raw.DeletionProtection),
    protectionLevel: s(raw.ProtectionLevel) ?? 'SOFTWARE',
    creator: s(raw.Creator),
    origin: s(raw.Origin),
    dkmsInstanceId: s(raw.DKMSInstanceId),
    deleteDate: s(raw.DeleteDate),
    creationDate: s(raw.CreationDate),
    description: s(raw.Description),
  };
}

export type KeyFilter = { Key: string; Values: string[] };

/** Every key id in a region (all pages), optionally filtered server-side. */
export async function listKeyIds(
  session: CloudSession,
  regionId: string,
  filters?: KeyFilter[],
): Promise<string[]> {
  const { items } = await pageByNumber(
    { product: 'kms', action: 'ListKeys', regionId },
    PAGE_SIZE,
    async ({ pageNumber, pageSize }) => {
      const body = await kmsCall<{ Keys?: { Key?: { KeyId?: string }[] } } & PageFields>(
        session,
        'ListKeys',
        regionId,
        {
          PageNumber: pageNumber,
          PageSize: pageSize,
          Filters: filters ? JSON.stringify(filters) : undefined,
        },
      );
      return {
        items: (body.Keys?.Key ?? []).map((k) => k.KeyId ?? ''),
        totalCount: body.TotalCount,
        pageNumber: body.PageNumber,
        pageSize: body.PageSize,
      };
    },
    { idOf: (id) => id || null },
  );
  return items.filter((k) => k !== '');
}

export async function describeKey(
  session: CloudSession,
  regionId: string,
  keyId: string,
): Promise<{ key: KmsKeyMetadata; requestId: string | null }> {
  const body = await kmsCall<{ KeyMetadata?: Record<string, unknown>; RequestId?: string }>(
    session,
    'DescribeKey',
    regionId,
    { KeyId: keyId },
  );
  return { key: metadata(body.KeyMetadata ?? {}), requestId: body.RequestId ?? null };
}

/** Every alias in a region, grouped by key id (one paged call instead of one per key). */
export async function listAliases(
  session: CloudSession,
  regionId: string,
): Promise<Map<string, string[]>> {
  type Alias = { KeyId?: string; AliasName?: string };
  const { items } = await pageByNumber(
    { product: 'kms', action: 'ListAliases', regionId },
    PAGE_SIZE,
    async ({ pageNumber, pageSize }) => {
      const body = await kmsCall<{ Aliases?: { Alias?: Alias[] } } & PageFields>(
        session,
        'ListAliases',
        regionId,
        { PageNumber: pageNumber, PageSize: pageSize },
      );
      return {
        items: body.Aliases?.Alias ?? [],
        totalCount: body.TotalCount,
        pageNumber: body.PageNumber,
        pageSize: body.PageSize,
      };
    },
    // An alias name is unique in a region (it names one key).
    { idOf: (a) => a.AliasName || null },
  );
  const byKey = new Map<string, string[]>();
  for (const alias of items) {
    if (!alias.KeyId || !alias.AliasName) continue;
    byKey.set(alias.KeyId, [...(byKey.get(alias.KeyId) ?? []), alias.AliasName]);
  }
  return byKey;
}

/** Turns deletion protection on (the ARN is always sent: older docs require it). */
export async function setDeletionProtection(
  session: CloudSession,
  regionId: string,
  keyArn: string,
  description: string,
): Promise<{ requestId: string | null }> {
  const body = await kmsCall<{ RequestId?: string }>(session, 'SetDeletionProtection', regionId, {
    ProtectedResourceArn: keyArn,
    EnableDeletionProtection: true,
    DeletionProtectionDescription: description,
  });
  return { requestId: body.RequestId ?? null };
}

/** Enables a Disabled key (docs/alibaba-cloud-api.md §5.6). */
export async function enableKey(
  session: CloudSession,
  regionId: string,
  keyId: string,
): Promise<{ requestId: string | null }> {
  const body = await kmsCall<{ RequestId?: string }>(session, 'EnableKey', regionId, {
    KeyId: keyId,
  });
  return { requestId: body.RequestId ?? null };
}

/** Cancels a scheduled deletion: the key returns to Enabled (docs/alibaba-cloud-api.md §5.6). */
export async function cancelKeyDeletion(
  session: CloudSession,
  regionId: string,
  keyId: string,
): Promise<{ requestId: string | null }> {
  const body = await kmsCall<{ RequestId?: string }>(session, 'CancelKeyDeletion', regionId, {
    KeyId: keyId,
  });
  return { requestId: body.RequestId ?? null };
}

export interface KmsInstance {
  instanceId: string;
  /** `PREPAY` (subscription) or `POSTPAY` (pay-as-you-go); null when not said. */
  chargeType: string | null;
  /** When the instance expires (ISO 8601); null when not said. */
  endDate: string | null;
  status: string | null;
}

/** A KMS instance (KMS 3.0) by id: its expiry (docs/alibaba-cloud-api.md §5.10). */
export async function getKmsInstance(
  session: CloudSession,
  regionId: string,
  instanceId: string,
): Promise<KmsInstance> {
  const body = await kmsCall<{ KmsInstance?: Record<string, unknown> }>(
    session,
    'GetKmsInstance',
    regionId,
    { KmsInstanceId: instanceId },
  );
  const raw = body.KmsInstance ?? {};
  return {
    instanceId: s(raw.InstanceId) ?? instanceId,
    chargeType: s(raw.ChargeType),
    endDate: s(raw.EndDate),
    status: s(raw.Status),
  };
}

/**
 * Creates a symmetric key for ACK Secret encryption (docs/alibaba-cloud-api.md §5.8): spec
 * Aliyun_AES_256, usage ENCRYPT/DECRYPT, material from KMS, rotation off. ProtectionLevel is left
 * to KMS (the API reference asks callers not to set it). Never retried: a second CreateKey after
 * a lost answer would make a second key.
 */
export async function createKey(
  session: CloudSession,
  regionId: string,
  input: { description: string; dkmsInstanceId?: string | undefined },
): Promise<{ key: KmsKeyMetadata; requestId: string | null }> {
  const body = await kmsCall<{ KeyMetadata?: Record<string, unknown>; RequestId?: string }>(
    session,
    'CreateKey',
    regionId,
    {
      KeySpec: 'Aliyun_AES_256',
      KeyUsage: 'ENCRYPT/DECRYPT',
      Origin: 'Aliyun_KMS',
      EnableAutomaticRotation: false,
      Description: input.description,
      DKMSInstanceId: input.dkmsInstanceId,
    },
    { idempotent: false },
  );
  return { key: metadata(body.KeyMetadata ?? {}), requestId: body.RequestId ?? null };
}

/** Binds an alias to a key (unique per region). Not retried: a resent one meets its own alias. */
export async function createAlias(
  session: CloudSession,
  regionId: string,
  keyId: string,
  aliasName: string,
): Promise<{ requestId: string | null }> {
  const body = await kmsCall<{ RequestId?: string }>(
    session,
    'CreateAlias',
    regionId,
    { KeyId: keyId, AliasName: aliasName },
    { idempotent: false },
  );
  return { requestId: body.RequestId ?? null };
}
