// KMS (2016-01-20, RPC) through openapi-core's generic call (see rpc.ts for why not the SDK).
import { rpcCall } from './rpc';
import type { CloudSession } from './session';

const VERSION = '2016-01-20';
const PAGE_SIZE = 100;

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
  };
}

export type KeyFilter = { Key: string; Values: string[] };

/** Every key id in a region (all pages), optionally filtered server-side. */
export async function listKeyIds(
  session: CloudSession,
  regionId: string,
  filters?: KeyFilter[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const body = await session.call(
      'kms',
      'ListKeys',
      regionId,
      (config) =>
        rpcCall<{ Keys?: { Key?: { KeyId?: string }[] }; TotalCount?: number }>(
          config,
          'ListKeys',
          VERSION,
          {
            RegionId: regionId,
            PageNumber: page,
            PageSize: PAGE_SIZE,
            Filters: filters ? JSON.stringify(filters) : undefined,
          },
        ),
      { idempotent: true },
    );
    const keys = body.Keys?.Key ?? [];
    ids.push(...keys.map((k) => k.KeyId ?? '').filter((k) => k !== ''));
    if (keys.length === 0 || page * PAGE_SIZE >= (body.TotalCount ?? 0)) break;
  }
  return ids;
}

export async function describeKey(
  session: CloudSession,
  regionId: string,
  keyId: string,
): Promise<{ key: KmsKeyMetadata; requestId: string | null }> {
  const body = await session.call(
    'kms',
    'DescribeKey',
    regionId,
    (config) =>
      rpcCall<{ KeyMetadata?: Record<string, unknown>; RequestId?: string }>(
        config,
        'DescribeKey',
        VERSION,
        {
          RegionId: regionId,
          KeyId: keyId,
        },
      ),
    { idempotent: true },
  );
  return { key: metadata(body.KeyMetadata ?? {}), requestId: body.RequestId ?? null };
}

/** Every alias in a region, grouped by key id (one paged call instead of one per key). */
export async function listAliases(
  session: CloudSession,
  regionId: string,
): Promise<Map<string, string[]>> {
  const byKey = new Map<string, string[]>();
  for (let page = 1; ; page += 1) {
    const body = await session.call(
      'kms',
      'ListAliases',
      regionId,
      (config) =>
        rpcCall<{
          Aliases?: { Alias?: { KeyId?: string; AliasName?: string }[] };
          TotalCount?: number;
        }>(config, 'ListAliases', VERSION, {
          RegionId: regionId,
          PageNumber: page,
          PageSize: PAGE_SIZE,
        }),
      { idempotent: true },
    );
    const aliases = body.Aliases?.Alias ?? [];
    for (const alias of aliases) {
      if (!alias.KeyId || !alias.AliasName) continue;
      byKey.set(alias.KeyId, [...(byKey.get(alias.KeyId) ?? []), alias.AliasName]);
    }
    if (aliases.length === 0 || page * PAGE_SIZE >= (body.TotalCount ?? 0)) break;
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
  const body = await session.call(
    'kms',
    'SetDeletionProtection',
    regionId,
    (config) =>
      rpcCall<{ RequestId?: string }>(config, 'SetDeletionProtection', VERSION, {
        RegionId: regionId,
        ProtectedResourceArn: keyArn,
        EnableDeletionProtection: true,
        DeletionProtectionDescription: description,
      }),
    { idempotent: true },
  );
  return { requestId: body.RequestId ?? null };
}
