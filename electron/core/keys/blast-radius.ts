// Blast radius: every KMS key the fleet's encrypted clusters use, with the clusters (across
// accounts and regions) that lose their Secrets if the key goes. From the fleet snapshot only:
// no cloud calls.
import { parseKeyRef } from '../../contract/key-ref';
import type { ClusterSummary } from '../../contract/types/fleet';
import type { KeyDependent, KeyInUse } from '../../contract/types/key-guard';

/** The account uid in a key ARN (acs:kms:<region>:<uid>:key/<id>), or null. */
export function arnAccount(ref: string): string | null {
  const parts = ref.split(':');
  return parts.length >= 5 && parts[0] === 'acs' && parts[1] === 'kms' && parts[3]
    ? parts[3]
    : null;
}

/**
 * What identifies a key: its owner, region and id. KMS keys belong to one account and one region
 * (docs/alibaba-cloud-api.md §5.1); the owner is the ARN's account when the cluster names the key
 * by ARN, else the cluster's own account (its uid, or our local id when the uid is unknown).
 */
export function keyIdentity(
  cluster: Pick<ClusterSummary, 'accountId' | 'cloudAccountId' | 'regionId'>,
  keyRef: string,
): { keyId: string; regionId: string; owner: string; ownerCloudAccountId: string | null } {
  const ref = parseKeyRef(keyRef);
  const keyId = ref?.kind === 'arn' ? ref.keyId : keyRef;
  const regionId =
    ref?.kind === 'arn' ? (keyRef.split(':')[2] ?? cluster.regionId) : cluster.regionId;
  const ownerCloudAccountId = arnAccount(keyRef) ?? cluster.cloudAccountId;
  return {
    keyId,
    regionId,
    owner: ownerCloudAccountId ?? `local:${cluster.accountId}`,
    ownerCloudAccountId,
  };
}

export const keyGroupId = (k: { owner: string; regionId: string; keyId: string }) =>
  `${k.owner}|${k.regionId}|${k.keyId}`;

export interface KeyGroup extends KeyInUse {
  /** keyGroupId: owner|region|key. */
  id: string;
  owner: string;
  /** The key as the first cluster names it (an id, or an ARN for another account's key). */
  ref: string;
}

/**
 * Every key in use, each with its clusters: sorted by the number of clusters (largest blast
 * radius first), then by key id. A cluster seen through two saved accounts of the same Alibaba
 * Cloud account counts once.
 */
export function blastRadius(clusters: readonly ClusterSummary[]): KeyGroup[] {
  const groups = new Map<string, KeyGroup>();
  for (const c of clusters) {
    const ref = c.encryption.keyId;
    if (!ref || c.encryption.enabled === false) continue;
    const identity = keyIdentity(c, ref);
    const id = keyGroupId(identity);
    let group = groups.get(id);
    if (!group) {
      group = {
        id,
        owner: identity.owner,
        ref,
        keyId: identity.keyId,
        regionId: identity.regionId,
        ownerCloudAccountId: identity.ownerCloudAccountId,
        aliases: [],
        clusters: [],
        cloudAccounts: [],
        crossAccount: false,
      };
      groups.set(id, group);
    }
    for (const alias of c.key?.aliases ?? [])
      if (!group.aliases.includes(alias)) group.aliases.push(alias);
    if (group.clusters.some((d) => d.clusterId === c.clusterId)) continue;
    const dependent: KeyDependent = {
      clusterId: c.clusterId,
      name: c.name,
      accountId: c.accountId,
      accountName: c.accountName,
      cloudAccountId: c.cloudAccountId,
      regionId: c.regionId,
    };
    group.clusters.push(dependent);
    const account = c.cloudAccountId ?? `local:${c.accountId}`;
    if (!group.cloudAccounts.includes(account)) group.cloudAccounts.push(account);
  }
  for (const group of groups.values()) group.crossAccount = group.cloudAccounts.length > 1;
  return [...groups.values()].sort(
    (a, b) => b.clusters.length - a.clusters.length || a.keyId.localeCompare(b.keyId),
  );
}

/** The public shape (without the grouping fields). */
export function keyInUse(group: KeyGroup): KeyInUse {
  return {
    keyId: group.keyId,
    regionId: group.regionId,
    ownerCloudAccountId: group.ownerCloudAccountId,
    aliases: group.aliases,
    clusters: group.clusters,
    cloudAccounts: group.cloudAccounts,
    crossAccount: group.crossAccount,
  };
}
