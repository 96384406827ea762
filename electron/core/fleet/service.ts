// The fleet domain: the current snapshot (in memory, on disk), refreshes that merge what they
// saw into it, and events for every subscriber.
import { messageOf } from '../../contract';
import type { FleetSnapshot } from '../../contract/types/fleet';
import type { ClusterSummary } from '../../contract/types/fleet';
import { GuardError, reachableVia, reaches } from '../../contract';
import type { OperationView } from '../../contract/types/operations';
import type { CoreContext } from '../context';
import type { AccountDirectory } from '../accounts/directory';
import { Inventory, coverageKey } from './inventory';
import { findClusterById } from './lookup';
import type { RefreshOptions } from './inventory';
import { SnapshotStore } from './snapshot-store';
import { ActThroughPicks } from './act-through';
import { byAccountRegionName } from './cluster-order';
import { actingThrough, asListed, clusterKey, mergeClusters } from './merge';

export class FleetService {
  readonly inventory: Inventory;
  private readonly store: SnapshotStore;
  /** Each saved account's rows as it listed them (what the disk keeps). */
  private current: FleetSnapshot | null = null;
  private loaded = false;
  private readonly picks: ActThroughPicks;
  /** The merged view of `current` (merge.ts), made again when its inputs move. */
  private merged: {
    from: FleetSnapshot;
    accounts: string;
    picks: number;
    snapshot: FleetSnapshot;
  } | null = null;
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
    this.picks = new ActThroughPicks(ctx.dataDir);
  }

  /**
   * The last snapshot (this session's, else the one on disk, stale, else null), each cluster once
   * however many saved accounts list it (merge.ts).
   */
  async snapshot(): Promise<FleetSnapshot | null> {
    const listed = await this.listed();
    if (!listed) return null;
    const accounts = await this.directory.listAccounts();
    // What the merge reads of the accounts: a rename or a new identity check makes it again.
    const seen = accounts
      .map((a) => `${a.id}\u0000${a.name}\u0000${a.identityType ?? ''}`)
      .join('\n');
    const m = this.merged;
    if (m && m.from === listed && m.accounts === seen && m.picks === this.picks.version)
      return m.snapshot;
    const picked = await this.picks.load();
    const snapshot = { ...listed, clusters: mergeClusters(listed.clusters, accounts, picked) };
    this.merged = { from: listed, accounts: seen, picks: this.picks.version, snapshot };
    return snapshot;
  }

  /** The rows as each account listed them: this session's, else the disk's (stale), else null. */
  private async listed(): Promise<FleetSnapshot | null> {
    if (!this.loaded) {
      this.loaded = true;
      if (!this.current) this.current = await this.store.load();
    }
    return this.current;
  }

  async refresh(
    options: Omit<RefreshOptions, 'onProgress' | 'now' | 'previous'> = {},
  ): Promise<FleetSnapshot> {
    const previous = await this.listed();
    const byId = new Map((previous?.clusters ?? []).map((c) => [c.clusterId, c]));
    const result = await this.inventory.refresh({
      ...options,
      now: this.ctx.now,
      previous: (clusterId) => byId.get(clusterId),
      onProgress: (progress) => this.ctx.events.emit('fleet.progress', progress),
    });
    const covered = new Set(result.listings.map((l) => coverageKey(l.accountId, l.regionId)));
    const known = new Set((await this.directory.listAccounts()).map((a) => a.id));
    // Merge into the snapshot as it is now, not as it was when this refresh started: another
    // refresh may have ended meanwhile (the demo's start: a refresh of the first two accounts
    // still running while one of all three ends first), and its rows must not be lost.
    const base = this.current ?? previous;
    // Keep what this refresh did not see again (other accounts, regions that failed now), as long
    // as the account still exists; replace what it did see.
    const kept = (base?.clusters ?? []).filter(
      (c) => known.has(c.accountId) && !covered.has(coverageKey(c.accountId, c.regionId)),
    );
    const keptFailures = (base?.failures ?? []).filter(
      (f) => known.has(f.accountId) && !result.accountIds.includes(f.accountId),
    );
    const snapshot: FleetSnapshot = {
      fetchedAt: result.fetchedAt,
      stale: false,
      includeAckPro: result.includeAckPro,
      clusters: [...kept, ...result.clusters].sort(byAccountRegionName),
      failures: [...keptFailures, ...result.failures],
      listings: [
        ...(base?.listings ?? []).filter(
          (l) => known.has(l.accountId) && !covered.has(coverageKey(l.accountId, l.regionId)),
        ),
        ...result.listings,
      ],
    };
    this.current = snapshot;
    this.loaded = true;
    this.store.saveBehind(snapshot);
    const merged = (await this.snapshot())!;
    this.ctx.events.emit('fleet.updated', {
      fetchedAt: merged.fetchedAt,
      accountIds: result.accountIds,
      clusters: merged.clusters.length,
      failures: merged.failures.length,
    });
    return merged;
  }

  /**
   * The user picked the saved account to act through for a cluster several accounts list
   * (merge.ts, rule 1): remembered, and the merged row acts through it from now on.
   */
  async actThrough(clusterId: string, accountId: string): Promise<ClusterSummary> {
    const rows = (await this.snapshot())?.clusters.filter((c) => c.clusterId === clusterId) ?? [];
    if (rows.length === 0)
      throw new GuardError(
        'not-found',
        `Cluster ${clusterId} is not in the fleet list. Refresh the fleet, then choose again.`,
        { clusterId },
      );
    const row = rows.find((c) => reaches(c, accountId));
    if (!row) {
      const names = rows.flatMap((c) => reachableVia(c).map((r) => r.accountName));
      throw new GuardError(
        'validation',
        `Saved account ${accountId} does not list cluster ${clusterId}; it can act only through ${names.join(', ')}. Choose one of those.`,
        { clusterId, accountId },
      );
    }
    if (row.accountId !== accountId) {
      await this.picks.pick(clusterKey(row), accountId);
      const snapshot = (await this.snapshot())!;
      this.ctx.events.emit('fleet.updated', {
        fetchedAt: snapshot.fetchedAt,
        accountIds: [], // nothing was listed again
        clusters: snapshot.clusters.length,
        failures: snapshot.failures.length,
      });
    }
    return actingThrough(row, accountId);
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
  changeEnded(
    view: Pick<OperationView, 'outcome' | 'accountId' | 'regionId'> &
      Partial<Pick<OperationView, 'clusterId'>>,
  ): void {
    if (view.outcome === 'rejected') return;
    // Every saved account that lists the cluster: the row shown may be another account's listing.
    const row = this.merged?.snapshot.clusters.find(
      (c) => c.clusterId === view.clusterId && reaches(c, view.accountId),
    );
    const accounts = row ? reachableVia(row).map((r) => r.accountId) : [view.accountId];
    for (const accountId of accounts) this.refreshSoon(accountId, view.regionId);
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
    const rows = (await this.snapshot())?.clusters.filter((c) => c.clusterId === clusterId) ?? [];
    // Named an account that reaches it: act through that one (the checklist, a change, a batch).
    const known = accountId ? rows.find((c) => reaches(c, accountId)) : rows[0];
    if (known) return accountId ? actingThrough(known, accountId) : known;
    return findClusterById(this.directory, clusterId, accountId);
  };

  /** Replaces one cluster in the snapshot (after a poll saw it change). */
  async updateCluster(cluster: ClusterSummary): Promise<void> {
    const snapshot = await this.listed();
    if (!snapshot) return;
    // Every saved account's row of it: what the cluster is does not depend on who looked.
    const key = clusterKey(cluster);
    const listed = asListed(cluster);
    let found = false;
    const clusters = snapshot.clusters.map((c) => {
      if (clusterKey(c) !== key) return c;
      found = true;
      return { ...listed, accountId: c.accountId, accountName: c.accountName };
    });
    if (!found) return;
    this.current = { ...snapshot, clusters };
    this.store.saveBehind(this.current);
  }
}
