// Which saved accounts reach a fleet row: one cluster is listed once however many saved accounts
// of its Alibaba Cloud account (uid) list it (core/fleet/merge.ts), so "this account's clusters"
// means the rows it reaches, not only the rows it acts through.
import type { ClusterSummary, ReachableVia } from './types/fleet';

/** The saved accounts that reach the cluster, the acting one first. */
export function reachableVia(
  cluster: Pick<ClusterSummary, 'accountId' | 'accountName' | 'reachableVia'>,
): ReachableVia[] {
  return cluster.reachableVia && cluster.reachableVia.length > 0
    ? cluster.reachableVia
    : [{ accountId: cluster.accountId, accountName: cluster.accountName }];
}

/** True when the saved account `accountId` lists this cluster (acting through it or not). */
export function reaches(
  cluster: Pick<ClusterSummary, 'accountId' | 'reachableVia'>,
  accountId: string,
): boolean {
  return (
    cluster.accountId === accountId ||
    !!cluster.reachableVia?.some((r) => r.accountId === accountId)
  );
}

/** The other saved accounts that reach it: "also reachable via ...". */
export function alsoReachableVia(
  cluster: Pick<ClusterSummary, 'accountId' | 'accountName' | 'reachableVia'>,
): ReachableVia[] {
  return reachableVia(cluster).filter((r) => r.accountId !== cluster.accountId);
}
