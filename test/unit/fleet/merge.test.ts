// The rule that lists a cluster once however many saved accounts of its uid list it, and says
// which account the app acts through (core/fleet/merge.ts).
import { describe, expect, it } from 'vitest';
import type { FleetAccount } from '../../../electron/core/accounts/directory';
import {
  actingThrough,
  actingWithin,
  asListed,
  clusterKey,
  mergeClusters,
} from '../../../electron/core/fleet/merge';
import { cluster } from '../../support/summaries';

const UID = '1000000000000002';
const accounts: FleetAccount[] = [
  { id: 'root', name: 'Root', regions: null, cloudAccountId: UID, identityType: 'Account' },
  { id: 'ram', name: 'RAM', regions: null, cloudAccountId: UID, identityType: 'RAMUser' },
  { id: 'role', name: 'Role', regions: null, cloudAccountId: UID, identityType: 'AssumedRoleUser' },
  { id: 'other', name: 'Other', regions: null, cloudAccountId: null },
];
const row = (accountId: string, name = 'a', cloudAccountId: string | null = UID) =>
  cluster({
    name,
    accountId,
    accountName: accounts.find((a) => a.id === accountId)!.name,
    cloudAccountId,
  });
const none = () => undefined;

describe('mergeClusters', () => {
  it('one row per (uid, cluster): a RAM identity acts before the root, every account noted', () => {
    const merged = mergeClusters([row('root'), row('role'), row('ram')], accounts, none);
    expect(merged).toHaveLength(1);
    // RAM user and role rank alike; the one saved first (the account list's order) wins.
    expect(merged[0]).toMatchObject({ accountId: 'ram', accountName: 'RAM' });
    expect(merged[0]!.reachableVia).toEqual([
      { accountId: 'ram', accountName: 'RAM' },
      { accountId: 'root', accountName: 'Root' },
      { accountId: 'role', accountName: 'Role' },
    ]);
  });

  it("the user's pick acts, while that account still lists the cluster", () => {
    const key = clusterKey(row('root'));
    const pickedRoot = (k: string) => (k === key ? 'root' : undefined);
    expect(mergeClusters([row('root'), row('ram')], accounts, pickedRoot)[0]!.accountId).toBe(
      'root',
    );
    // Picked an account that no longer lists it: the rule again.
    const pickedGone = (k: string) => (k === key ? 'role' : undefined);
    expect(mergeClusters([row('root'), row('ram')], accounts, pickedGone)[0]!.accountId).toBe(
      'ram',
    );
  });

  it('unknown uid: no merging; rows of one account pass through untouched', () => {
    const unknown = [row('root', 'a', null), row('ram', 'a', null)];
    expect(mergeClusters(unknown, accounts, none)).toEqual(unknown);
    const alone = [row('ram', 'a'), row('ram', 'b')];
    const out = mergeClusters(alone, accounts, none);
    expect(out[0]).toBe(alone[0]);
    expect(out[1]).toBe(alone[1]);
  });

  it("keeps the input's order at the acting row's place", () => {
    const rows = [row('root', 'a'), row('ram', 'b'), row('ram', 'a'), row('root', 'c')];
    expect(mergeClusters(rows, accounts, none).map((c) => [c.name, c.accountId])).toEqual([
      ['b', 'ram'],
      ['a', 'ram'],
      ['c', 'root'],
    ]);
  });
});

describe('acting through another account', () => {
  const merged = mergeClusters([row('root'), row('ram')], accounts, none)[0]!;

  it('actingThrough: that account first; an account that does not reach it changes nothing', () => {
    expect(actingThrough(merged, 'root')).toMatchObject({
      accountId: 'root',
      reachableVia: [{ accountId: 'root' }, { accountId: 'ram' }],
    });
    expect(actingThrough(merged, 'other')).toBe(merged);
  });

  it('actingWithin: the acting account when in scope, else the first that is', () => {
    expect(actingWithin(merged, ['ram', 'root'])).toBe(merged);
    expect(actingWithin(merged, ['root']).accountId).toBe('root');
    expect(actingWithin(merged, undefined)).toBe(merged);
  });

  it('asListed drops the merged field (what the disk keeps)', () => {
    expect(asListed(merged)).not.toHaveProperty('reachableVia');
  });
});
