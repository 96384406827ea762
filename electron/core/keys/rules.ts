// The rules for a KMS key and ACK Secret encryption, pure: which keys are eligible (and every
// reason a key is not), the one-word health shown beside a cluster, and the summary the key
// list shows. The checklist (checks/key.ts), the fleet and the key list all decide from here.
import type { KeyHealth, KeyIneligibleReason, KmsKeySummary } from '../../contract/types/keys';
import { keyRecommendation } from '../../contract/key-recommendation';
import type { KmsKeyMetadata } from '../cloud/kms';

export const REQUIRED_KEY_SPEC = 'Aliyun_AES_256';
export const REQUIRED_KEY_USAGE = 'ENCRYPT/DECRYPT';

/** The key's region from its ARN (acs:kms:<region>:<uid>:key/<id>), or null. */
export function keyRegion(arn: string): string | null {
  const parts = arn.split(':');
  return parts.length >= 5 && parts[0] === 'acs' && parts[1] === 'kms' && parts[2]
    ? parts[2]
    : null;
}

/**
 * A service key is created by a cloud service for itself. ListKeys' CreatorType=Service filter is
 * authoritative; DescribeKey only has Creator, which for a user key is the account uid (digits).
 */
export function isServiceKey(key: KmsKeyMetadata, serviceKeyIds?: ReadonlySet<string>): boolean {
  if (serviceKeyIds?.has(key.keyId)) return true;
  return key.creator !== null && !/^\d+$/.test(key.creator);
}

export function ineligibility(
  key: KmsKeyMetadata,
  clusterRegion: string | null,
  serviceKeyIds?: ReadonlySet<string>,
): KeyIneligibleReason[] {
  const reasons: KeyIneligibleReason[] = [];
  if (key.keySpec !== REQUIRED_KEY_SPEC) reasons.push('wrong-spec');
  if (key.keyUsage !== REQUIRED_KEY_USAGE) reasons.push('wrong-usage');
  if (key.keyState === 'PendingDeletion') reasons.push('pending-deletion');
  else if (key.keyState !== 'Enabled') reasons.push('not-enabled');
  if (key.automaticRotation === 'Enabled') reasons.push('rotation-on');
  if (isServiceKey(key, serviceKeyIds)) reasons.push('service-key');
  const region = keyRegion(key.arn);
  if (clusterRegion && region && region !== clusterRegion) reasons.push('wrong-region');
  return reasons;
}

/** The one word shown beside a cluster's posture: the worst thing about its key. */
export function keyHealth(key: KmsKeyMetadata | null): KeyHealth {
  if (!key) return 'not-found';
  if (key.keyState === 'PendingDeletion') return 'pending-deletion';
  if (key.keyState !== 'Enabled') return 'disabled';
  if (key.automaticRotation === 'Enabled') return 'rotation-on';
  if (key.deletionProtection === 'Disabled') return 'deletion-protection-off';
  // A rotation or protection setting KMS did not report (or a value we do not know) is unknown:
  // never "ok" on missing data, and never "off" either (docs/alibaba-cloud-api.md §5.3).
  const rotationKnown =
    key.automaticRotation === 'Disabled' || key.automaticRotation === 'Suspended';
  if (!rotationKnown || key.deletionProtection !== 'Enabled') return 'unknown';
  return 'ok';
}

export function summariseKey(
  key: KmsKeyMetadata,
  regionId: string,
  aliases: string[],
  usedBy: string[],
  serviceKeyIds?: ReadonlySet<string>,
): KmsKeySummary {
  const reasons = ineligibility(key, regionId, serviceKeyIds);
  const eligible = reasons.length === 0;
  return {
    keyId: key.keyId,
    arn: key.arn,
    regionId: keyRegion(key.arn) ?? regionId,
    aliases,
    keySpec: key.keySpec,
    keyUsage: key.keyUsage,
    keyState: key.keyState,
    automaticRotation: key.automaticRotation,
    deletionProtection: key.deletionProtection,
    protectionLevel: key.protectionLevel,
    creator: key.creator,
    dkmsInstanceId: key.dkmsInstanceId,
    deleteDate: key.deleteDate,
    eligible,
    reasons,
    health: keyHealth(key),
    usedBy,
    recommendation: keyRecommendation({
      eligible,
      deletionProtection: key.deletionProtection,
      usedBy,
    }),
  };
}
