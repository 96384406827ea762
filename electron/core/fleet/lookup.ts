// Finding one cluster by its id when the fleet snapshot does not have it: a Basic or non-Edge
// cluster the fleet view leaves out, one created since the last refresh, or one in a region not
// listed yet. DescribeClusterDetail by id in the named account, else in every saved account at
// once (bounded), the first that has it wins. The answer keeps the cluster's real edition, so
// the checklist can say why it cannot be changed (cluster.edition) instead of "not found".
import type { ClusterSummary } from '../../contract/types/fleet';
import { GuardError, message } from '../../contract';
import { describeCluster } from '../cloud/cs';
import { CloudError, toCloudError } from '../cloud/errors';
import { Limiter } from '../util/limiter';
import type { AccountDirectory, FleetAccount } from '../accounts/directory';
import { toSummary } from './inventory';

/** Accounts asked at once (each ask is one call; the sessions limit calls further). */
const ACCOUNTS_AT_ONCE = 4;

/**
 * The region whose CS endpoint we ask. The cluster's region is not known yet; the CS API is
 * account-wide (docs/alibaba-cloud-api.md, "CS endpoints"), so the account's first region, or
 * cn-hangzhou, serves a cluster of any region (GUESS for DescribeClusterDetail; a "not found"
 * from a region-strict cloud would read as not found, never as a wrong cluster).
 */
export function askRegion(account: FleetAccount): string {
  return account.regions?.[0] ?? 'cn-hangzhou';
}

type Asked =
  | { account: FleetAccount; found: ClusterSummary }
  | { account: FleetAccount; absent: true }
  | { account: FleetAccount; error: CloudError };

export async function findClusterById(
  directory: AccountDirectory,
  clusterId: string,
  accountId?: string,
): Promise<ClusterSummary> {
  const all = await directory.listAccounts();
  const accounts = accountId ? all.filter((a) => a.id === accountId) : all;
  if (accountId && accounts.length === 0)
    throw new GuardError('not-found', message('error.account.notFound', { id: accountId }), {
      accountId,
    });
  if (accounts.length === 0)
    throw new GuardError('not-found', message('error.cluster.noAccounts', { clusterId }), {
      clusterId,
    });
  const limiter = new Limiter(ACCOUNTS_AT_ONCE);
  let winner: ClusterSummary | null = null;
  const asked = await Promise.all(
    accounts.map((account) =>
      limiter.run(async (): Promise<Asked | null> => {
        if (winner) return null; // found elsewhere meanwhile: do not ask
        try {
          const session = await directory.sessionFor(account.id);
          const { cluster } = await describeCluster(session, askRegion(account), clusterId);
          if (cluster.clusterId !== clusterId) return { account, absent: true };
          const found = toSummary(account, cluster);
          winner ??= found;
          return { account, found };
        } catch (error) {
          const cloud =
            error instanceof CloudError
              ? error
              : toCloudError(error, 'cs', 'DescribeClusterDetail');
          return cloud.kind === 'notFound' ? { account, absent: true } : { account, error: cloud };
        }
      }),
    ),
  );
  const found = asked.find((a): a is Asked & { found: ClusterSummary } => !!a && 'found' in a);
  if (found) return found.found;
  throw notFound(
    clusterId,
    asked.filter((a): a is Asked => a !== null),
  );
}

/**
 * The cloud's "no such cluster" for every account asked, as a cloud error (the CLI's exit code 4):
 * the id was checked against the cloud, not against a stale list. Accounts that could not be
 * asked are named, with their error, since the cluster may be in one of them.
 */
function notFound(clusterId: string, asked: Asked[]): CloudError {
  const absent = asked.filter((a) => 'absent' in a).map((a) => a.account.name);
  const failed = asked.filter((a): a is Asked & { error: CloudError } => 'error' in a);
  const parts = [`Cluster ${clusterId} was not found`];
  if (absent.length > 0)
    parts.push(` in ${absent.length === 1 ? 'account' : 'accounts'} ${absent.join(', ')}`);
  // Accounts that could not be asked stay English (their errors are the cloud's words).
  const said =
    failed.length > 0
      ? `${parts.join('')}; ${failed.map((f) => `${f.account.name} could not be asked (${f.error.cloud.cloudCode ?? f.error.kind}: ${f.error.message})`).join('; ')}. Fix that account's credentials or network, or name the cluster's account with --account.`
      : absent.length > 0
        ? message(
            absent.length === 1 ? 'error.cluster.notFoundInOne' : 'error.cluster.notFoundInMany',
            { clusterId, accounts: absent.join(', ') },
          )
        : message('error.cluster.notFound', { clusterId });
  const first = failed[0]?.error.cloud;
  return new CloudError(said, {
    kind: first?.kind ?? 'notFound',
    product: 'cs',
    action: 'DescribeClusterDetail',
    cloudCode: first ? first.cloudCode : 'ErrorClusterNotFound',
    httpStatus: first ? first.httpStatus : 404,
    requestId: first?.requestId ?? null,
  });
}
