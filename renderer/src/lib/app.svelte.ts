// The window's shared state: app info, accounts, the selected account, the fleet snapshot and
// its refresh progress, and which screen and cluster are open. Large data ($state.raw) is
// replaced, never mutated, so Svelte does not proxy 6,500 clusters.
import type {
  Account,
  AppInfo,
  AppNotice,
  FleetProgress,
  FleetSnapshot,
  OperationView,
} from '$contract';
import { errorText } from './error-text';
import { call, subscribe } from './api';
import { batches } from './batch.svelte';
import { readSnapshotInPages } from './fleet/snapshot-pages';
import { warmDateFormatters } from './format';
import { toRows } from './fleet/view';
import type { FleetRow } from './fleet/view';

export type Screen = 'fleet' | 'accounts' | 'settings' | 'activity' | 'batch';

export interface ProgressEntry {
  accountId: string;
  regionId: string | null;
  status: FleetProgress['status'];
  clusters: number;
}

class AppState {
  info = $state<AppInfo | null>(null);
  infoError = $state<string | null>(null);
  accounts = $state.raw<Account[]>([]);
  accountsLoaded = $state(false);
  accountsError = $state<string | null>(null);
  /** The sidebar's account switcher: one account, or every account. */
  selectedAccountId = $state<string | 'all'>('all');
  screen = $state<Screen>('fleet');
  snapshot = $state.raw<FleetSnapshot | null>(null);
  snapshotLoaded = $state(false);
  rows = $state.raw<FleetRow[]>([]);
  refreshing = $state(false);
  refreshError = $state<string | null>(null);
  progress = $state.raw<ProgressEntry[]>([]);
  progressTotals = $state({ done: 0, total: 0 });
  openClusterId = $state<string | null>(null);
  demoBusy = $state(false);
  demoError = $state<string | null>(null);
  /** The latest view of each cluster's newest change (operations.list + operation.progress). */
  operations = $state.raw<Record<string, OperationView>>({});
  /** Notices from the core (keychain, audit log, demo, settings) not yet dismissed. */
  notices = $state.raw<AppNotice[]>([]);
  private dismissedNotices = new Set<string>();
  private unsubscribers: (() => void)[] = [];
  /** Our own fleet.refresh is under way: its fleet.updated event is read after its reply. */
  private awaitingRefresh = false;

  get demo(): boolean {
    return this.info?.demo ?? this.accounts.some((a) => a.demo);
  }

  get currentAccount(): Account | null {
    return this.accounts.find((a) => a.id === this.selectedAccountId) ?? null;
  }

  accountById(id: string): Account | undefined {
    return this.accounts.find((a) => a.id === id);
  }

  async start(): Promise<void> {
    batches.start();
    this.unsubscribers.push(
      () => batches.stop(),
      subscribe('accounts.changed', () => void this.loadAccounts()),
      subscribe('fleet.progress', (p) => this.onProgress(p)),
      // A refresh of our own reads its snapshot when its reply comes (refresh below), once.
      subscribe('fleet.updated', () => {
        if (!this.awaitingRefresh) void this.loadSnapshot();
      }),
      subscribe('operation.progress', (op) => this.onOperation(op)),
      subscribe('app.notice', (n) => this.addNotices([n])),
      subscribe('app.command', (c) => {
        if (c.command === 'fleet.refresh') void this.refresh();
      }),
    );
    const loading = Promise.all([
      this.loadInfo(),
      this.loadAccounts(),
      this.loadSnapshot(),
      this.loadOperations(),
    ]);
    // While those answers cross (the main process reads the snapshot), not when it is drawn.
    warmDateFormatters();
    await loading;
  }

  async loadOperations(): Promise<void> {
    try {
      const { operations } = await call('operations.list');
      const latest: Record<string, OperationView> = {};
      for (const op of operations) {
        const seen = latest[op.clusterId];
        if (!seen || seen.startedAt < op.startedAt) latest[op.clusterId] = op;
      }
      this.operations = latest;
    } catch {
      // Without the journal the panels simply show no timeline; changes still work.
    }
  }

  private onOperation(op: OperationView): void {
    const before = this.operations[op.clusterId];
    if (before && before.operationId !== op.operationId && before.startedAt > op.startedAt) return;
    this.operations = { ...this.operations, [op.clusterId]: op };
    // A change that ended moved the cluster: show its new posture.
    if (op.phase === 'ended' && before?.phase !== 'ended') void this.loadSnapshot();
  }

  /** Ask the core to change a cluster; progress arrives as operation.progress. */
  async change(
    action: 'enable' | 'disable',
    clusterId: string,
    accountId: string,
    keyId: string | null,
  ): Promise<OperationView> {
    const op =
      action === 'enable'
        ? await call('encryption.enable', { clusterId, accountId, keyId: keyId ?? '' })
        : await call('encryption.disable', { clusterId, accountId });
    this.onOperation(op);
    return op;
  }

  stop(): void {
    for (const off of this.unsubscribers.splice(0)) off();
  }

  async loadInfo(): Promise<void> {
    try {
      this.info = await call('app.info');
      this.infoError = null;
      this.addNotices(this.info.notices);
    } catch (error) {
      this.infoError = errorText(error);
    }
  }

  private addNotices(incoming: AppNotice[]): void {
    const key = (n: AppNotice) => `${n.at}|${n.message}`;
    const known = new Set(this.notices.map(key));
    const fresh = incoming.filter((n) => !known.has(key(n)) && !this.dismissedNotices.has(key(n)));
    if (fresh.length > 0) this.notices = [...this.notices, ...fresh].slice(-5);
  }

  dismissNotice(notice: AppNotice): void {
    this.dismissedNotices.add(`${notice.at}|${notice.message}`);
    this.notices = this.notices.filter((n) => n !== notice);
  }

  async loadAccounts(): Promise<void> {
    try {
      this.accounts = (await call('accounts.list')).accounts;
      this.accountsError = null;
      if (this.selectedAccountId !== 'all' && !this.accountById(this.selectedAccountId))
        this.selectedAccountId = 'all';
    } catch (error) {
      this.accountsError = errorText(error);
    } finally {
      this.accountsLoaded = true;
    }
    // app.info's demo flag follows the accounts.
    void this.loadInfo();
  }

  async loadSnapshot(): Promise<void> {
    try {
      // In pages: the first screen shows before the rest has crossed (lib/fleet/snapshot-pages).
      this.setSnapshot(
        await readSnapshotInPages(
          (request) => call('fleet.snapshotPage', request),
          () => call('fleet.snapshot'),
          // The first page is shown at once: the table leaves its loading state with it.
          (partial) => {
            this.setSnapshot(partial);
            this.snapshotLoaded = true;
          },
        ),
      );
    } catch (error) {
      this.refreshError = errorText(error);
    } finally {
      this.snapshotLoaded = true;
    }
  }

  private setSnapshot(snapshot: FleetSnapshot | null): void {
    this.snapshot = snapshot;
    // Key health and aliases come with the snapshot (ClusterSummary.key): no keys.list here.
    this.rows = toRows(snapshot?.clusters ?? []);
  }

  private onProgress(p: FleetProgress): void {
    const key = `${p.accountId}/${p.regionId ?? '*'}`;
    const entry: ProgressEntry = {
      accountId: p.accountId,
      regionId: p.regionId,
      status: p.status,
      clusters: p.clusters,
    };
    const others = this.progress.filter((e) => `${e.accountId}/${e.regionId ?? '*'}` !== key);
    this.progress = [...others, entry];
    this.progressTotals = { done: p.done, total: p.total };
  }

  /** The refresh running now, and the one that will follow it (see refresh). */
  private refreshRun: Promise<void> | null = null;
  private refreshNext: Promise<void> | null = null;

  /**
   * Reads the cloud. While one refresh runs, another request runs once more after it (and waits
   * for that): the running one may cover fewer accounts than there are now. The demo's start
   * saves three accounts, and the fleet screen, shown after the first two, already asked; its
   * refresh left the third account's clusters out (issue 16 item 9).
   */
  refresh(): Promise<void> {
    if (this.refreshRun) {
      this.refreshNext ??= this.refreshRun.then(() => {
        this.refreshNext = null;
        return this.refresh();
      });
      return this.refreshNext;
    }
    this.refreshRun = this.refreshOnce().finally(() => (this.refreshRun = null));
    return this.refreshRun;
  }

  private async refreshOnce(): Promise<void> {
    this.refreshing = true;
    this.refreshError = null;
    this.progress = [];
    this.progressTotals = { done: 0, total: 0 };
    try {
      const accountIds = this.selectedAccountId === 'all' ? undefined : [this.selectedAccountId];
      // The reply names the new snapshot without carrying it; the window reads the fleet's
      // current snapshot in pages (that one, or a newer one ended meanwhile).
      this.awaitingRefresh = true;
      try {
        await call('fleet.refresh', accountIds ? { accountIds } : {});
      } finally {
        this.awaitingRefresh = false;
      }
      await this.loadSnapshot();
    } catch (error) {
      this.refreshError = errorText(error);
    } finally {
      this.refreshing = false;
    }
  }

  async startDemo(): Promise<void> {
    this.demoBusy = true;
    this.demoError = null;
    // The fleet now, not after the accounts are read: a click elsewhere meanwhile must stick.
    this.screen = 'fleet';
    try {
      await call('demo.start');
      await this.loadAccounts();
      await this.refresh();
    } catch (error) {
      this.demoError = errorText(error);
    } finally {
      this.demoBusy = false;
    }
  }

  async stopDemo(): Promise<void> {
    this.demoBusy = true;
    this.demoError = null;
    try {
      await call('demo.stop');
      await this.loadAccounts();
      await this.loadSnapshot();
    } catch (error) {
      this.demoError = errorText(error);
    } finally {
      this.demoBusy = false;
    }
  }

  openCluster(clusterId: string): void {
    this.openClusterId = clusterId;
  }

  closeCluster(): void {
    this.openClusterId = null;
  }
}

export const app = new AppState();
