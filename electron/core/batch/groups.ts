// The key of each (account, region) of an enable plan. A KMS key belongs to one account and one
// region (docs/alibaba-cloud-api.md §5.1), so a rollout across customers needs one key per
// group: given in the plan's key map, else the plan's single keyId (as before key maps), else the
// recommended key of the group (contract/key-choice.ts) when the plan asks for it. A group left
// without a key has its clusters skipped with a reason that says how to give it one.
import type { BatchKeyGroup, BatchKeyAssignment, BatchKeySource } from '../../contract/types/batch';
import type { ClusterSummary } from '../../contract/types/fleet';
import type { KmsKeySummary } from '../../contract/types/keys';
import { recommendKey } from '../../contract/key-choice';
import { message, messageOf } from '../../contract';
import { worded } from './words';
import type { Worded } from './words';

export interface ClusterGroup {
  accountId: string;
  accountName: string;
  regionId: string;
  clusters: ClusterSummary[];
}

const groupId = (accountId: string, regionId: string) => `${accountId}|${regionId}`;

/** Clusters by (account, region), by account name then region id. */
export function groupClusters(clusters: readonly ClusterSummary[]): ClusterGroup[] {
  const groups = new Map<string, ClusterGroup>();
  for (const c of clusters) {
    const id = groupId(c.accountId, c.regionId);
    let g = groups.get(id);
    if (!g) {
      g = {
        accountId: c.accountId,
        accountName: c.accountName,
        regionId: c.regionId,
        clusters: [],
      };
      groups.set(id, g);
    }
    g.clusters.push(c);
  }
  return [...groups.values()].sort(
    (a, b) => a.accountName.localeCompare(b.accountName) || a.regionId.localeCompare(b.regionId),
  );
}

export interface GroupKeyRequest {
  keyId?: string | undefined;
  keys?: readonly BatchKeyAssignment[] | undefined;
  keyChoice?: 'recommended' | undefined;
}

/** What a group's key is before any checklist: a reference and where it came from, or why none. */
export interface GroupKey {
  keyRef: string | null;
  source: BatchKeySource;
  reason: Worded | null;
}

/** The entry of the plan's key map that would give the group its key (JSON, in any language). */
const mapEntry = (g: ClusterGroup) =>
  `{"accountId": "${g.accountId}", "regionId": "${g.regionId}", "keyId": "…"}`;

/** The reason words when the recommendation finds none or several keys. */
export function recommendationReason(
  g: ClusterGroup,
  keys: readonly KmsKeySummary[],
  groupClusterIds: ReadonlySet<string>,
): GroupKey {
  const found = recommendKey(keys, groupClusterIds);
  if (found.kind === 'one') return { keyRef: found.key.keyId, source: 'recommended', reason: null };
  if (found.kind === 'several')
    return {
      keyRef: null,
      source: 'none',
      reason: worded(
        message('batch.group.several', {
          count: found.candidates.length,
          account: g.accountName,
          region: g.regionId,
          keys: found.candidates.map((k) => k.aliases[0] ?? k.keyId).join(', '),
          entry: mapEntry(g),
        }),
      ),
    };
  return {
    keyRef: null,
    source: 'none',
    reason: worded(
      message('batch.group.none', {
        account: g.accountName,
        region: g.regionId,
        entry: mapEntry(g),
      }),
    ),
  };
}

/**
 * The key of one group. `keysOf` lists the group's keys (only called for keyChoice
 * "recommended"); `groupClusterIds` are the fleet's clusters of that account and region.
 */
export async function keyForGroup(
  g: ClusterGroup,
  request: GroupKeyRequest,
  keysOf: ((accountId: string, regionId: string) => Promise<KmsKeySummary[]>) | undefined,
  groupClusterIds: ReadonlySet<string>,
): Promise<GroupKey> {
  const given = request.keys?.find((k) => k.accountId === g.accountId && k.regionId === g.regionId);
  if (given) return { keyRef: given.keyId, source: 'given', reason: null };
  if (request.keyId) return { keyRef: request.keyId, source: 'plan', reason: null };
  if (request.keyChoice === 'recommended') {
    if (!keysOf)
      return {
        keyRef: null,
        source: 'none',
        reason: worded(message('batch.group.noLister', { entry: mapEntry(g) })),
      };
    try {
      return recommendationReason(g, await keysOf(g.accountId, g.regionId), groupClusterIds);
    } catch (error) {
      return {
        keyRef: null,
        source: 'none',
        reason: worded(
          message('batch.group.listFailed', {
            account: g.accountName,
            region: g.regionId,
            detail: messageOf(error),
            entry: mapEntry(g),
          }),
        ),
      };
    }
  }
  return {
    keyRef: null,
    source: 'none',
    reason: worded(
      message('batch.group.noKey', {
        account: g.accountName,
        region: g.regionId,
        entry: mapEntry(g),
      }),
    ),
  };
}

export function groupView(
  g: ClusterGroup,
  key: GroupKey,
  resolvedKeyId: string | null,
): BatchKeyGroup {
  return {
    accountId: g.accountId,
    accountName: g.accountName,
    regionId: g.regionId,
    clusters: g.clusters.length,
    keyRef: key.keyRef,
    keyId: resolvedKeyId,
    source: key.source,
    reason: key.reason?.text ?? null,
    ...(key.reason ? { reasonMessages: key.reason.words } : {}),
  };
}

export { groupId };
