// Batches across customers: clusters grouped by (account, region), each group's key from the
// plan's key map, the single keyId, or the recommendation; a group without a key is explained.
import { describe, expect, it } from 'vitest';
import type { ClusterSummary, KmsKeySummary } from '../../../electron/contract';
import { batchPlanSchema } from '../../../electron/contract/schemas';
import { groupClusters, keyForGroup } from '../../../electron/core/batch/groups';
import { cluster as summary, key as keySummary } from '../../support/summaries';

/** A fleet row of one account and region (the builder's defaults for the rest). */
const cluster = (clusterId: string, accountId: string, regionId: string): ClusterSummary =>
  summary({
    name: clusterId,
    clusterId,
    accountId,
    accountName: accountId.toUpperCase(),
    regionId,
  });

const key = (keyId: string, overrides: Partial<KmsKeySummary> = {}): KmsKeySummary =>
  keySummary({ keyId, ...overrides });

const a1 = cluster('c-a-hz-1', 'acc-a', 'cn-hangzhou');
const a2 = cluster('c-a-hz-2', 'acc-a', 'cn-hangzhou');
const a3 = cluster('c-a-sh-1', 'acc-a', 'cn-shanghai');
const b1 = cluster('c-b-hz-1', 'acc-b', 'cn-hangzhou');
const [groupAhz, , groupBhz] = groupClusters([b1, a1, a3, a2]);
const here = new Set(['c-a-hz-1', 'c-a-hz-2']);

describe('batch key groups', () => {
  it('groups clusters by account and region, sorted by account name and region', () => {
    const groups = groupClusters([a1, a3, b1, a2]);
    expect(
      groups.map((g) => [g.accountId, g.regionId, g.clusters.map((c) => c.clusterId)]),
    ).toEqual([
      ['acc-a', 'cn-hangzhou', ['c-a-hz-1', 'c-a-hz-2']],
      ['acc-a', 'cn-shanghai', ['c-a-sh-1']],
      ['acc-b', 'cn-hangzhou', ['c-b-hz-1']],
    ]);
    expect(groups[0]!.accountName).toBe('ACC-A');
  });

  it('takes the key map first, then the single keyId, for every group it does not name', async () => {
    const request = {
      keyId: 'alias/everywhere',
      keys: [{ accountId: 'acc-b', regionId: 'cn-hangzhou', keyId: 'key-b' }],
    };
    expect(await keyForGroup(groupBhz!, request, undefined, here)).toEqual({
      keyRef: 'key-b',
      source: 'given',
      reason: null,
    });
    expect(await keyForGroup(groupAhz!, request, undefined, here)).toEqual({
      keyRef: 'alias/everywhere',
      source: 'plan',
      reason: null,
    });
  });

  it('a group the plan gives no key is explained with the fix', async () => {
    const none = await keyForGroup(
      groupBhz!,
      { keys: [{ accountId: 'acc-a', regionId: 'cn-hangzhou', keyId: 'key-a' }] },
      undefined,
      here,
    );
    expect(none.source).toBe('none');
    expect(none.keyRef).toBeNull();
    expect(none.reason?.text).toBe(
      'no key for ACC-B in cn-hangzhou: add {"accountId": "acc-b", "regionId": "cn-hangzhou", "keyId": "…"} to the plan\'s keys, or plan with keyChoice "recommended".',
    );
  });

  it('recommends the one key that is eligible, protected and not used elsewhere', async () => {
    const keys = [
      key('key-good', { usedBy: ['c-a-hz-1'] }), // already used by this account here: fine
      key('key-unprotected', { deletionProtection: 'Disabled' }),
      key('key-unknown-protection', { deletionProtection: null }),
      key('key-rotating', { eligible: false, reasons: ['rotation-on'] }),
      key('key-used-elsewhere', { usedBy: ['c-other-account'] }),
    ];
    const asked: string[] = [];
    const found = await keyForGroup(
      groupAhz!,
      { keyChoice: 'recommended' },
      async (accountId, regionId) => {
        asked.push(`${accountId}|${regionId}`);
        return keys;
      },
      here,
    );
    expect(found).toEqual({ keyRef: 'key-good', source: 'recommended', reason: null });
    expect(asked).toEqual(['acc-a|cn-hangzhou']);
  });

  it('several or no candidates: "choose a key", and how', async () => {
    const several = await keyForGroup(
      groupAhz!,
      { keyChoice: 'recommended' },
      async () => [key('key-1', { aliases: ['alias/one'] }), key('key-2')],
      here,
    );
    expect(several).toMatchObject({ keyRef: null, source: 'none' });
    expect(several.reason?.text).toMatch(
      /^choose a key: 2 keys of ACC-A in cn-hangzhou qualify \(alias\/one, key-2\)/,
    );
    const none = await keyForGroup(
      groupAhz!,
      { keyChoice: 'recommended' },
      async () => [key('key-1', { deletionProtection: 'Disabled' })],
      here,
    );
    expect(none.reason?.text).toMatch(/^choose a key: no key of ACC-A in cn-hangzhou is eligible/);
    expect(none.reason?.text).toMatch(/create a compliant key here/);
    const failed = await keyForGroup(
      groupAhz!,
      { keyChoice: 'recommended' },
      async () => {
        throw new Error('KMS is unreachable');
      },
      here,
    );
    expect(failed.reason?.text).toMatch(/could not be listed \(KMS is unreachable\)/);
  });

  it('the plan file schema takes a key map, refuses one pair twice, and no key for disable', () => {
    const issues = (value: unknown) => {
      const r = batchPlanSchema.safeParse(value);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    const entry = { accountId: 'acc-a', regionId: 'cn-hangzhou', keyId: 'alias/a' };
    expect(issues({ action: 'enable', keys: [entry] })).toEqual([]);
    expect(issues({ action: 'enable', keyChoice: 'recommended' })).toEqual([]);
    expect(issues({ action: 'enable', keys: [entry, { ...entry, keyId: 'key-b' }] })).toEqual([
      'keys: keys names one (accountId, regionId) twice; give each pair one key',
    ]);
    expect(issues({ action: 'disable', keys: [entry] })[0]).toMatch(
      /^keyId: disable takes no keyId, keys or keyChoice/,
    );
    expect(issues({ action: 'enable', keyChoice: 'best' })[0]).toMatch(/^keyChoice: /);
    expect(issues({ action: 'enable', keys: [{ ...entry, keyId: 'nope' }] })[0]).toMatch(
      /^keys\.0\.keyId: not a KMS key id/,
    );
  });
});
