// Blast radius from the fleet snapshot: a key is its owner + region + id; clusters naming another
// account's key by ARN join that account's group (shared across accounts); a cluster seen through
// two saved accounts of one Alibaba Cloud account counts once; unencrypted clusters are left out.
import { describe, expect, it } from 'vitest';
import type { ClusterSummary } from '../../../electron/contract';
import { blastRadius } from '../../../electron/core/keys/blast-radius';
import { cluster as summary } from '../../support/summaries';

function cluster(over: Partial<ClusterSummary> & { keyId: string | null }): ClusterSummary {
  const { keyId, ...rest } = over;
  return summary({
    clusterId: 'c1',
    name: 'one',
    accountId: 'acc-a',
    accountName: 'A',
    cloudAccountId: '1111111111111111',
    encryption: { posture: keyId ? 'encrypted' : 'not-encrypted', enabled: !!keyId, keyId },
    ...rest,
  });
}

describe('blastRadius', () => {
  it('groups clusters by key, marks a key shared across accounts, counts a cluster once', () => {
    const arn = 'acs:kms:cn-hangzhou:1111111111111111:key/key-shared';
    const groups = blastRadius([
      cluster({ clusterId: 'c1', keyId: 'key-shared' }),
      // The same cluster through a second saved account of the same Alibaba Cloud account.
      cluster({ clusterId: 'c1', accountId: 'acc-a2', keyId: 'key-shared' }),
      // Another account's cluster naming the key by its ARN.
      cluster({
        clusterId: 'c2',
        accountId: 'acc-b',
        cloudAccountId: '2222222222222222',
        keyId: arn,
      }),
      cluster({ clusterId: 'c3', keyId: 'key-other' }),
      cluster({ clusterId: 'c4', keyId: null }),
    ]);
    expect(
      groups.map((g) => [g.keyId, g.clusters.map((c) => c.clusterId), g.crossAccount]),
    ).toEqual([
      ['key-shared', ['c1', 'c2'], true],
      ['key-other', ['c3'], false],
    ]);
    expect(groups[0]!.ownerCloudAccountId).toBe('1111111111111111');
  });

  it('keeps same-named keys of different accounts apart', () => {
    const groups = blastRadius([
      cluster({ clusterId: 'c1', keyId: 'key-x' }),
      cluster({
        clusterId: 'c2',
        accountId: 'acc-b',
        cloudAccountId: '2222222222222222',
        keyId: 'key-x',
      }),
    ]);
    expect(groups).toHaveLength(2);
    expect(groups.every((g) => !g.crossAccount)).toBe(true);
  });
});
