// Which KMS key to suggest for a cluster's Secret encryption, pure, so the core (keys.list), the
// CLI and batches decide the same way. The window preselects a key only when exactly one is
// recommended: with two good candidates, choosing is the user's job, not ours.
//
// A key is recommended when it is eligible (electron/core/keys/rules.ts) and either
// - this account already uses it in this region (the account's key here: reusing it keeps one
//   key per account and region, the shape a batch plan has), or
// - deletion protection is on and no cluster uses it (deleting it cannot be done by mistake, and
//   disabling it later touches nobody else).
// KMS keys belong to one account and region, so "used by a cluster" can only mean a cluster of
// this account in this region: the first case.
import type { KeyRecommendation, KmsKeySummary } from './types/keys';

type KeyFacts = Pick<KmsKeySummary, 'eligible' | 'deletionProtection' | 'usedBy'>;

/** Why this key is (or is not) suggested; see the rule above. */
export function keyRecommendation(key: KeyFacts): KeyRecommendation {
  if (!key.eligible) return 'ineligible';
  if (key.usedBy.length > 0) return 'used-here';
  if (key.deletionProtection === 'Enabled') return 'protected-unused';
  // null: KMS did not report it; never read as "on" (docs/alibaba-cloud-api.md §5.3).
  return key.deletionProtection === 'Disabled' ? 'protection-off' : 'protection-unknown';
}

export function isRecommended(recommendation: KeyRecommendation): boolean {
  return recommendation === 'used-here' || recommendation === 'protected-unused';
}

/** The one recommended key's id, or null when none or several are recommended. */
export function soleRecommendedKey(
  keys: readonly Pick<KmsKeySummary, 'keyId' | 'recommendation'>[],
): string | null {
  const recommended = keys.filter((k) => isRecommended(k.recommendation));
  return recommended.length === 1 ? recommended[0]!.keyId : null;
}
