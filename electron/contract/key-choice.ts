// Which key a group of clusters (one account, one region) should get, shared by the core (batch
// plans with keyChoice "recommended") and the window (the key picker of each batch group). The
// rule is the key picker's (key-recommendation.ts: eligible, and either already used here or
// deletion protection on and unused), limited to keys no cluster outside the group uses. Only
// exactly one such key is preselected; otherwise the user chooses.
import { isRecommended, keyRecommendation } from './key-recommendation';
import type { KmsKeySummary } from './types/keys';

export type GroupKeyChoice =
  | { kind: 'one'; key: KmsKeySummary }
  /** Several keys qualify: the user picks one (none is preselected). */
  | { kind: 'several'; candidates: KmsKeySummary[] }
  /** None qualifies: choose another key, or create a compliant one here. */
  | { kind: 'none' };

/** Keys that qualify for the group (see the header). */
export function recommendedCandidates(
  keys: readonly KmsKeySummary[],
  /** Clusters of this account and region (a key used only by them is "already used here"). */
  groupClusterIds: ReadonlySet<string> | null = null,
): KmsKeySummary[] {
  return keys.filter(
    (k) =>
      isRecommended(keyRecommendation(k)) &&
      (groupClusterIds === null || k.usedBy.every((id) => groupClusterIds.has(id))),
  );
}

export function recommendKey(
  keys: readonly KmsKeySummary[],
  groupClusterIds: ReadonlySet<string> | null = null,
): GroupKeyChoice {
  const candidates = recommendedCandidates(keys, groupClusterIds);
  if (candidates.length === 1) return { kind: 'one', key: candidates[0]! };
  if (candidates.length > 1) return { kind: 'several', candidates };
  return { kind: 'none' };
}

/** The alias a created key gets when the user names none (aliases are unique per region). */
export function defaultKeyAlias(regionId: string): string {
  return `alias/ack-secret-guard-${regionId}`;
}

/**
 * CreateAlias's rules (docs/alibaba-cloud-api.md §5.8): 1–255 characters with the prefix
 * `alias/`, not `alias/acs…` (reserved). The characters are ours (GUESS, §5.1): letters, digits,
 * `_`, `-`, `/`. null = acceptable, else what is wrong.
 */
export function aliasProblem(alias: string): string | null {
  if (!alias.startsWith('alias/')) return 'An alias starts with "alias/", e.g. alias/ack-secrets.';
  if (alias.length > 255) return 'An alias is at most 255 characters long (with "alias/").';
  if (alias.length === 'alias/'.length) return 'Give the alias a name after "alias/".';
  if (alias.startsWith('alias/acs'))
    return 'Aliases starting with "alias/acs" are reserved by Alibaba Cloud.';
  if (!/^alias\/[A-Za-z0-9/_-]+$/.test(alias))
    return 'An alias may contain letters, digits, "_", "-" and "/" after "alias/".';
  return null;
}
