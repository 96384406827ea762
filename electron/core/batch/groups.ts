// The key of each (account, region) of an enable plan. A KMS key belongs to one account and one
// region (docs/alibaba-cloud-api.md §5.1), so a rollout across customers needs one key per
// group: given in the plan's key map, else the plan's single keyId (as before key maps), else the
// recommended key of the group (contract/key-choice.ts) when the plan asks for it. A group left
// without a key has its clusters skipped with a reason that says how to give it one.
import type { BatchKeyGroup, BatchKeyAssignment, BatchKeySource } from '../../contract/types/batch';
import type { ClusterSummary } from '../../contract/types/fleet';
import type { KmsKeySummary } from '../../contract/types/keys';
import { recommendKey } from '../../contract/key-choice';
import { messageOf } from '../../contract';

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
  reason: string | null;
}

const mapHint = (g: ClusterGroup) =>
  `add {"accountId": "${g.accountId}", "regionId": "${g.regionId}", "keyId": "…"} to the plan's keys`;

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
      reason: `choose a key: ${found.candidates.length} keys of ${g.accountName} in ${g.regionId} qualify (${found.candidates.map((k) => k.aliases[0] ?? k.keyId).join(', ')}); pick one in the window, or ${mapHint(g)}.`,
    };
  return {
    keyRef: null,
    source: 'none',
    reason: `choose a key: no key of ${g.accountName} in ${g.regionId} is eligible with deletion protection on and unused elsewhere; create a compliant key here (the window's "Create a compliant key here", or keys.create), or ${mapHint(g)}.`,
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
    if (!keysOf) return { keyRef: null, source: 'none', reason: `choose a key: ${mapHint(g)}.` };
    try {
      return recommendationReason(g, await keysOf(g.accountId, g.regionId), groupClusterIds);
    } catch (error) {
      return {
        keyRef: null,
        source: 'none',
        reason: `choose a key: the keys of ${g.accountName} in ${g.regionId} could not be listed (${messageOf(error)}); ${mapHint(g)}.`,
      };
    }
  }
  return {
    keyRef: null,
    source: 'none',
    reason: `no key for ${g.accountName} in ${g.regionId}: ${mapHint(g)}, or plan with keyChoice "recommended".`,
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
    reason: key.reason,
  };
}

export { groupId };
