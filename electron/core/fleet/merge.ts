// One cluster, one row: two saved accounts that reach the same Alibaba Cloud account (the root
// AccessKey and a RAM user of one uid, or a RAM role assumed into it) both list its clusters.
// The refresh keeps listing per saved account (their permissions can differ: one may read a
// region or a key the other may not, and a failure of one must not hide what the other sees),
// and the snapshot on disk keeps each account's rows as listed; this step merges them for
// everyone who reads the fleet (window, CLI, counts, batches, the key guard).
//
// Rows are merged by (uid, cluster id) once the uid is known; a row whose account's uid is not
// known yet (never checked) stays its own row, as before. The merged row is the acting account's
// row, with `reachableVia` naming every saved account that lists it. The acting account is:
//   1. the one the user picked for this cluster (fleet.actThrough), while it still lists it;
//   2. else a RAM user or an assumed RAM role over the root account's AccessKey (least
//      privilege: the root AccessKey can do anything, the RAM identity is what was granted for
//      this job); an account whose identity type is not known ranks between them;
//   3. else the account saved first (the account list's order).
import type { ClusterSummary, ReachableVia } from '../../contract/types/fleet';
import type { IdentityType } from '../../contract/types/accounts';
import type { FleetAccount } from '../accounts/directory';

/** What identifies one cluster across saved accounts: its uid and id (else the local account). */
export function clusterKey(c: Pick<ClusterSummary, 'accountId' | 'cloudAccountId' | 'clusterId'>) {
  return c.cloudAccountId
    ? `${c.cloudAccountId}\u0000${c.clusterId}`
    : `local:${c.accountId}\u0000${c.clusterId}`;
}

function identityRank(type: IdentityType | null | undefined): number {
  if (type === 'RAMUser' || type === 'AssumedRoleUser') return 0;
  if (type === 'Account') return 2;
  return 1;
}

/**
 * The fleet's rows with each cluster once. `picked` answers the user's choice for a cluster
 * (by clusterKey). Rows keep their order (the acting row's place), so a sorted input stays sorted.
 * Rows reached by one account only are passed through as they are (no copy).
 */
export function mergeClusters(
  rows: readonly ClusterSummary[],
  accounts: readonly FleetAccount[],
  picked: (key: string) => string | undefined,
): ClusterSummary[] {
  // No two saved accounts share a uid (the usual case): nothing to merge, no pass over the rows.
  const uids = accounts.map((a) => a.cloudAccountId).filter((u): u is string => !!u);
  if (new Set(uids).size === uids.length) return rows as ClusterSummary[];
  // One pass that only remembers the first row of each key; groups are made for the keys seen
  // twice (at 32,500 rows a group per row cost more than the rest of the snapshot's handling).
  const keys = new Array<string>(rows.length);
  const first = new Map<string, ClusterSummary>();
  const shared = new Map<string, ClusterSummary[]>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const key = clusterKey(row);
    keys[i] = key;
    const seen = first.get(key);
    if (!seen) first.set(key, row);
    else {
      const group = shared.get(key) ?? [seen];
      // The same account listing a cluster twice (never expected) is still one entry.
      if (!group.some((g) => g.accountId === row.accountId)) group.push(row);
      shared.set(key, group);
    }
  }
  if (shared.size === 0) return rows as ClusterSummary[];

  const order = new Map(accounts.map((a, i) => [a.id, i]));
  const typeOf = new Map(accounts.map((a) => [a.id, a.identityType]));
  const place = (accountId: string) => order.get(accountId) ?? Number.MAX_SAFE_INTEGER;
  const byPreference = (a: ClusterSummary, b: ClusterSummary) =>
    identityRank(typeOf.get(a.accountId)) - identityRank(typeOf.get(b.accountId)) ||
    place(a.accountId) - place(b.accountId);

  const acting = new Map<ClusterSummary, ClusterSummary>();
  for (const [key, group] of shared) {
    const choice = picked(key);
    const chosen = group.find((g) => g.accountId === choice) ?? [...group].sort(byPreference)[0]!;
    const others = group
      .filter((g) => g !== chosen)
      .sort((a, b) => place(a.accountId) - place(b.accountId));
    const via: ReachableVia[] = [chosen, ...others].map((g) => ({
      accountId: g.accountId,
      accountName: g.accountName,
    }));
    acting.set(chosen, { ...chosen, reachableVia: via });
  }
  const out: ClusterSummary[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!shared.has(keys[i]!)) out.push(row);
    else {
      const merged = acting.get(row);
      if (merged) out.push(merged);
    }
  }
  return out;
}

/**
 * The row acting through `accountId` instead (the user or a scope named it): the merged facts,
 * that account's id and name, the same `reachableVia`. Unchanged when it does not reach the row.
 */
export function actingThrough(cluster: ClusterSummary, accountId: string): ClusterSummary {
  if (cluster.accountId === accountId) return cluster;
  const via = cluster.reachableVia?.find((r) => r.accountId === accountId);
  if (!via) return cluster;
  const rest = cluster.reachableVia!.filter((r) => r.accountId !== accountId);
  return {
    ...cluster,
    accountId: via.accountId,
    accountName: via.accountName,
    reachableVia: [via, ...rest],
  };
}

/** A row as one account listed it: what the snapshot on disk keeps (no merged fields). */
export function asListed(cluster: ClusterSummary): ClusterSummary {
  if (!cluster.reachableVia) return cluster;
  const { reachableVia: _merged, ...listed } = cluster;
  return listed;
}

/**
 * The row acting through an account of `accountIds` (a batch scoped to some accounts acts
 * through them): the acting account when it is one of them, else the first that reaches it.
 */
export function actingWithin(cluster: ClusterSummary, accountIds?: readonly string[]) {
  if (!accountIds || accountIds.includes(cluster.accountId)) return cluster;
  const via = cluster.reachableVia?.find((r) => accountIds.includes(r.accountId));
  return via ? actingThrough(cluster, via.accountId) : cluster;
}
