// The fleet domain: the current snapshot (in memory, on disk), refreshes that merge what they
// saw into it, and events for every subscriber.
import { messageOf } from '../../contract';
import type { FleetSnapshot } from '../../contract/types/fleet';
import type { ClusterSummary } from '../../contract/types/fleet';
import type { OperationView } from '../../contract/types/operations';
import type { CoreContext } from '../context';
import type { AccountDirectory } from '../accounts/directory';
import { Inventory, coverageKey } from './inventory';
import { findClusterById } from './lookup';
import type { RefreshOptions } from './inventory';
import { SnapshotStore } from './snapshot-store';
import { byAccountRegionName } from './cluster-order';

export class FleetService {
  readonly inventory: Inventory;
  private readonly store: SnapshotStore;
  private current: FleetSnapshot | null = null;
  private loaded = false;
  /** Regions per account waiting for a coalesced refresh (see refreshSoon). */
  private readonly soon = new Map<string, Set<string>>();
  private soonTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly directory: AccountDirectory,
  ) {
    this.inventory = new Inventory(directory);
    this.store = new SnapshotStore(ctx.dataDir, (error) =>
      ctx.notice(
        'warning',
        `The fleet snapshot could not be saved in the data folder (${messageOf(error)}); the window shows the new one, but the app opens offline with the one before.`,
      ),
    );
    // Shutting down waits for the last snapshot to reach the disk (the CLI exits right after).
    ctx.onDispose(() => this.store.flush());
  }

  /** The last snapshot: this session's, else the one on disk (stale), else null. */
  async snapshot(): Promise<FleetSnapshot | null> {
    if (!this.loaded) {
      this.loaded = true;
      if (!this.current) this.current = await this.store.load();
    }
    return this.current;
  }

  async refresh(
    options: Omit<RefreshOptions, 'onProgress' | 'now' | 'previous'> = {},
  ): Promise<FleetSnapshot> {
    const previous = await this.snapshot();
    const byId = new Map((previous?.clusters ?? []).map((c) => [c.clusterId, c]));
    const result = await this.inventory.refresh({
      ...options,
      now: this.ctx.now,
      previous: (clusterId) => byId.get(clusterId),
      onProgress: (progress) => this.ctx.events.emit('fleet.progress', progress),
    });
    const covered = new Set(result.listings.map((l) => coverageKey(l.accountId, l.regionId)));
    const known = new Set((await this.directory.listAccounts()).map((a) => a.id));
    // Keep what this refresh did not see again (other accounts, regions that failed now), as long
    // as the account still exists; replace what it did see.
    const kept = (previous?.clusters ?? []).filter(
      (c) => known.has(c.accountId) && !covered.has(coverageKey(c.accountId, c.regionId)),
    );
    const keptFailures = (previous?.failures ?? []).filter(
      (f) => known.has(f.accountId) && !result.accountIds.includes(f.accountId),
    );
    const snapshot: FleetSnapshot = {
      fetchedAt: result.fetchedAt,
      stale: false,
      includeAckPro: result.includeAckPro,
      clusters: [...kept, ...result.clusters].sort(byAccountRegionName),
      failures: [...keptFailures, ...result.failures],
      listings: [
        ...(previous?.listings ?? []).filter(
          (l) => known.has(l.accountId) && !covered.has(coverageKey(l.accountId, l.regionId)),
        ),
        ...result.listings,
      ],
    };
    this.current = snapshot;
    this.loaded = true;
    this.store.saveBehind(snapshot);
    this.ctx.events.emit('fleet.updated', {
      fetchedAt: snapshot.fetchedAt,
      accountIds: result.accountIds,
      clusters: snapshot.clusters.length,
      failures: snapshot.failures.length,
    });
    return snapshot;
  }

  /**
   * Refreshes one account's region shortly, merged with other requests arriving meanwhile: when
   * many changes end together (a batch), each would otherwise list its region again.
   */
  refreshSoon(accountId: string, regionId: string, delayMs = 1_500): void {
    const regions = this.soon.get(accountId) ?? new Set<string>();
    regions.add(regionId);
    this.soon.set(accountId, regions);
    if (this.soonTimer) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = null;
      const work = [...this.soon.entries()];
      this.soon.clear();
      for (const [account, set] of work) {
        void this.refresh({ accountIds: [account], regionIds: [...set] }).catch(() => undefined);
      }
    }, delayMs);
    this.soonTimer.unref?.();
  }

  /** A change that ended moves the cluster's posture: its region is refreshed soon. */
  changeEnded(view: Pick<OperationView, 'outcome' | 'accountId' | 'regionId'>): void {
    if (view.outcome !== 'rejected') this.refreshSoon(view.accountId, view.regionId);
  }

  /** Drops refreshes that have not started yet (shutting down). */
  cancelPending(): void {
    if (this.soonTimer) clearTimeout(this.soonTimer);
    this.soonTimer = null;
    this.soon.clear();
  }

  async findCluster(clusterId: string): Promise<ClusterSummary | undefined> {
    return (await this.snapshot())?.clusters.find((c) => c.clusterId === clusterId);
  }

  /**
   * Finds a cluster: in the last snapshot, else in the cloud by its id (the named account, or
   * every saved account). A cluster the fleet view leaves out (Basic, not Edge) is found too.
   * An arrow, so that other rooms can be handed `fleet.locate` as it is.
   */
  locate = async (clusterId: string, accountId?: string): Promise<ClusterSummary> => {
    const known = await this.findCluster(clusterId);
    if (known && (!accountId || known.accountId === accountId)) return known;
    return findClusterById(this.directory, clusterId, accountId);
  };

  /** Replaces one cluster in the snapshot (after a poll saw it change). */
  async updateCluster(cluster: ClusterSummary): Promise<void> {
    const snapshot = await this.snapshot();
    if (!snapshot) return;
    const index = snapshot.clusters.findIndex((c) => c.clusterId === cluster.clusterId);
    if (index < 0) return;
    const clusters = [...snapshot.clusters];
    clusters[index] = cluster;
    this.current = { ...snapshot, clusters };
    this.store.saveBehind(this.current);
  }
}
