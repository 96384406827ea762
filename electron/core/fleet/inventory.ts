// Fleet inventory: every Edge Pro (and, on request, ACK Pro) cluster of every account across its
// regions. Calls fan out in parallel (the CloudSession limits concurrency per account and
// overall), so a refresh costs about the slowest account's chain of calls, not their sum. A
// failing account or region is reported beside the others' results, never instead of them.
import type {
  ClusterSummary,
  FleetFailure,
  FleetProgress,
  FleetSnapshot,
} from '../../contract/types/fleet';
import type { KeyHealth } from '../../contract/types/keys';
import { describeCluster, describeEdgeRegions, listClusters } from '../cloud/cs';
import { describeKey, listAliases } from '../cloud/kms';
import type { CsCluster } from '../cloud/cs';
import { isOffered } from '../cloud/endpoints';
import { CloudError, toCloudError } from '../cloud/errors';
import type { CloudSession } from '../cloud/session';
import { editionOf, supportsSecretEncryption } from '../checks/edition';
import { DOCUMENTED_EDGE_REGIONS, encryptionOf, fleetProfiles } from './classify';
import type { AccountDirectory, FleetAccount } from '../accounts/directory';
import { keyHealth } from '../keys/rules';
import { Limiter } from '../util/limiter';
import { byAccountRegionName } from './cluster-order';

export interface RefreshOptions {
  accountIds?: string[];
  regionIds?: string[];
  includeAckPro?: boolean;
  onProgress?: (progress: FleetProgress) => void;
  now?: () => number;
  /** The last snapshot's view of a cluster, to reuse what it read from the cluster's detail. */
  previous?: (clusterId: string) => ClusterSummary | undefined;
}

/** DescribeClusterDetail calls at once per account, for list entries that do not say. */
export const DETAIL_CONCURRENCY = 4;

export interface InventoryResult extends Omit<FleetSnapshot, 'stale'> {
  /** The accounts this refresh was about. */
  accountIds: string[];
}

export const coverageKey = (accountId: string, regionId: string) => `${accountId}\u0000${regionId}`;

const REGION_CACHE_MS = 6 * 60 * 60 * 1000;

function failureFrom(account: FleetAccount, regionId: string | null, error: unknown): FleetFailure {
  const cloud =
    error instanceof CloudError ? error : toCloudError(error, 'cs', 'DescribeClustersV1');
  return {
    accountId: account.id,
    accountName: account.name,
    regionId,
    code: cloud.cloud.cloudCode ?? cloud.code,
    kind: cloud.kind,
    message: cloud.message,
    requestId: cloud.cloud.requestId,
  };
}

/** Region ids the cloud sent that are not region ids: dropped, and said so beside the rest. */
function rejectedRegions(account: FleetAccount, rejected: string[]): FleetFailure {
  // Quoted, cut short and reduced to printable ASCII: this is the cloud's text, not ours (no
  // control or bidi characters reach a terminal or the window through it).
  const shown = rejected
    .slice(0, 3)
    .map((r) =>
      JSON.stringify(r.slice(0, 64)).replace(
        /[^\x20-\x7e]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
    )
    .join(', ');
  const more = rejected.length > 3 ? ` and ${rejected.length - 3} more` : '';
  return {
    accountId: account.id,
    accountName: account.name,
    regionId: null,
    code: 'InvalidRegionId',
    kind: 'badAnswer',
    message: `cs DescribeRegions: the cloud's region list had ${rejected.length === 1 ? 'an entry' : `${rejected.length} entries`} that ${rejected.length === 1 ? 'is' : 'are'} not a region id (${shown}${more}); ${rejected.length === 1 ? 'it was' : 'they were'} ignored and no call went there. The other regions were listed as usual.`,
    requestId: null,
  };
}

export function toSummary(account: FleetAccount, c: CsCluster): ClusterSummary {
  return {
    clusterId: c.clusterId,
    name: c.name,
    accountId: account.id,
    accountName: account.name,
    cloudAccountId: account.cloudAccountId,
    regionId: c.regionId,
    clusterType: c.clusterType,
    profile: c.profile,
    clusterSpec: c.clusterSpec,
    edition: editionOf(c.clusterType, c.profile, c.clusterSpec),
    state: c.state,
    kubernetesVersion: c.currentVersion,
    created: c.created,
    updated: c.updated,
    vpcId: c.vpcId,
    securityGroupId: c.securityGroupId,
    vswitchIds: c.vswitchIds,
    encryption: encryptionOf(c.metaData),
    key: null,
  };
}

/**
 * A list entry whose meta_data does not say whether Secrets are encrypted (no Capabilities) is
 * read from DescribeClusterDetail, where Terraform reads encryption too. The last snapshot's
 * answer is reused while the cluster's `updated` time has not moved; a detail that fails leaves
 * the posture unknown, never "not encrypted".
 */
async function resolveUnknown(
  session: CloudSession,
  regionId: string,
  clusters: ClusterSummary[],
  limiter: Limiter,
  previous?: (clusterId: string) => ClusterSummary | undefined,
): Promise<void> {
  await Promise.all(
    clusters
      .filter((c) => c.encryption.posture === 'unknown')
      .map(async (c) => {
        const before = previous?.(c.clusterId);
        if (
          before &&
          before.updated === c.updated &&
          (before.encryption.posture === 'encrypted' ||
            before.encryption.posture === 'not-encrypted')
        ) {
          c.encryption = { ...before.encryption };
          return;
        }
        try {
          const { cluster } = await limiter.run(() =>
            describeCluster(session, regionId, c.clusterId),
          );
          c.encryption = encryptionOf(cluster.metaData);
        } catch {
          // Stays unknown: the table says so, and the cluster's checklist reads the detail again.
        }
      }),
  );
}

/**
 * The health of the keys the region's encrypted clusters use: one DescribeKey per distinct key
 * and one alias listing, so the dashboard can say "key at risk" without a call per cluster.
 */
async function attachKeyHealth(
  session: CloudSession,
  regionId: string,
  clusters: ClusterSummary[],
): Promise<void> {
  const inUse = [
    ...new Set(clusters.map((c) => c.encryption.keyId).filter((k): k is string => !!k)),
  ];
  if (inUse.length === 0) return;
  if (!isOffered('kms', regionId)) {
    // No KMS endpoint in this region: nothing to ask, and no call that could only fail on DNS.
    for (const c of clusters) {
      const keyId = c.encryption.keyId;
      if (keyId) c.key = { keyId, aliases: [], health: 'unknown' };
    }
    return;
  }
  const [aliases, keys] = await Promise.all([
    listAliases(session, regionId).catch(() => new Map<string, string[]>()),
    Promise.all(
      inUse.map(async (keyId): Promise<[string, KeyHealth, string | null]> => {
        try {
          const { key } = await describeKey(session, regionId, keyId);
          return [keyId, keyHealth(key), key.deleteDate];
        } catch (error) {
          return [
            keyId,
            error instanceof CloudError && error.kind === 'notFound' ? 'not-found' : 'unknown',
            null,
          ];
        }
      }),
    ),
  ]);
  const health = new Map(keys.map(([keyId, h, deleteDate]) => [keyId, { h, deleteDate }]));
  for (const c of clusters) {
    const keyId = c.encryption.keyId;
    if (keyId)
      c.key = {
        keyId,
        aliases: aliases.get(keyId) ?? [],
        health: health.get(keyId)?.h ?? 'unknown',
        deleteDate: health.get(keyId)?.deleteDate ?? null,
      };
  }
}

export class Inventory {
  private readonly regionCache = new Map<string, { regions: string[]; at: number }>();

  constructor(private readonly directory: AccountDirectory) {}

  /** The account's own regions, or a fresh cached list; null when the cloud must be asked. */
  private knownRegions(account: FleetAccount, now: number): string[] | null {
    if (account.regions && account.regions.length > 0) return account.regions;
    const cached = this.regionCache.get(account.id);
    return cached && now - cached.at < REGION_CACHE_MS ? cached.regions : null;
  }

  /**
   * The regions to look in: the account's own list, else the cloud's (cached), else the docs'.
   * `rejected` holds what the cloud's list had that is not a region id (dropped, reported).
   */
  async regionsFor(
    account: FleetAccount,
    session: CloudSession,
    now: number,
  ): Promise<{ regions: string[]; rejected: string[] }> {
    const known = this.knownRegions(account, now);
    if (known) return { regions: known, rejected: [] };
    let rejected: string[] = [];
    try {
      const answer = await describeEdgeRegions(session);
      rejected = answer.rejected;
      if (answer.regions.length > 0) {
        this.regionCache.set(account.id, { regions: answer.regions, at: now });
        return { regions: answer.regions, rejected };
      }
    } catch (error) {
      // Credentials and network-setting errors must surface; anything else falls back to the
      // documented list.
      if (error instanceof CloudError && ['auth', 'network', 'proxy', 'tls'].includes(error.kind))
        throw error;
    }
    return { regions: [...DOCUMENTED_EDGE_REGIONS], rejected };
  }

  async refresh(options: RefreshOptions = {}): Promise<InventoryResult> {
    const now = options.now ?? Date.now;
    const all = await this.directory.listAccounts();
    const accounts = options.accountIds
      ? all.filter((a) => options.accountIds!.includes(a.id))
      : all;
    const clusters: ClusterSummary[] = [];
    const failures: FleetFailure[] = [];
    const listed: { accountId: string; regionId: string }[] = [];
    let done = 0;
    let total = 0;
    const report = (p: Omit<FleetProgress, 'done' | 'total'>) =>
      options.onProgress?.({ ...p, done, total });

    await Promise.all(
      accounts.map(async (account) => {
        const profiles = fleetProfiles(options.includeAckPro ?? false);
        const wantedRegion = (r: string) => !options.regionIds || options.regionIds.includes(r);
        let session: CloudSession;
        try {
          session = await this.directory.sessionFor(account.id);
        } catch (error) {
          failures.push(failureFrom(account, null, error));
          report({ accountId: account.id, regionId: null, status: 'failed', clusters: 0 });
          return;
        }
        // While this account is listed, the overall limit makes room for it and follows the
        // event loop (cloud/global-limit.ts); the per-account limit stays the quotas' one.
        const release = session.options.limits.refreshing();
        try {
          const details = new Limiter(DETAIL_CONCURRENCY);
          /** One region's Edge Pro clusters with their key health; never rejects. */
          const listRegion = async (regionId: string) => {
            try {
              const found = (
                await Promise.all(
                  profiles.map((profile) => listClusters(session, { regionId, profile })),
                )
              ).flat();
              const wanted = found
                .map((c) => toSummary(account, c))
                .filter((c) => supportsSecretEncryption(c.edition));
              await resolveUnknown(session, regionId, wanted, details, options.previous);
              await attachKeyHealth(session, regionId, wanted);
              return { ok: true as const, wanted };
            } catch (error) {
              return { ok: false as const, error };
            }
          };
          // While the account's region list is being asked for (a step every later call would
          // wait for), the documented regions are listed already; results for regions the list
          // does not name are dropped. An account with its own regions or a cached list skips this.
          const known = this.knownRegions(account, now());
          const early = new Map<string, ReturnType<typeof listRegion>>();
          if (!known) {
            for (const regionId of DOCUMENTED_EDGE_REGIONS) {
              if (wantedRegion(regionId)) early.set(regionId, listRegion(regionId));
            }
          }
          let regions: string[];
          try {
            if (known) regions = known;
            else {
              const answer = await this.regionsFor(account, session, now());
              regions = answer.regions;
              if (answer.rejected.length > 0)
                failures.push(rejectedRegions(account, answer.rejected));
            }
          } catch (error) {
            await Promise.all(early.values());
            failures.push(failureFrom(account, null, error));
            report({ accountId: account.id, regionId: null, status: 'failed', clusters: 0 });
            return;
          }
          regions = regions.filter(wantedRegion);
          total += regions.length;
          await Promise.all(
            regions.map(async (regionId) => {
              report({ accountId: account.id, regionId, status: 'running', clusters: 0 });
              const result = await (early.get(regionId) ?? listRegion(regionId));
              done += 1;
              if (result.ok) {
                clusters.push(...result.wanted);
                listed.push({ accountId: account.id, regionId });
                report({
                  accountId: account.id,
                  regionId,
                  status: 'done',
                  clusters: result.wanted.length,
                });
              } else {
                failures.push(failureFrom(account, regionId, result.error));
                report({ accountId: account.id, regionId, status: 'failed', clusters: 0 });
              }
            }),
          );
          await Promise.all(early.values()); // settle what the region list did not name
        } finally {
          release();
        }
      }),
    );

    // The fleet's order (FleetService sorts the merged snapshot again: nearly free once sorted).
    clusters.sort(byAccountRegionName);
    const fetchedAt = new Date(now()).toISOString();
    return {
      fetchedAt,
      includeAckPro: options.includeAckPro ?? false,
      clusters,
      failures,
      listings: listed.map((l) => ({ ...l, listedAt: fetchedAt })),
      accountIds: accounts.map((a) => a.id),
    };
  }
}
