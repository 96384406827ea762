// The last good fleet snapshot, on disk, so the app opens offline showing it (marked stale).
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { ClusterSummary, FleetListing, FleetSnapshot } from '../../contract/types/fleet';
import { writeFileAtomic } from '../util/atomic-file';

const FILE = 'fleet-snapshot.json';
const SCHEMA_VERSION = 1;

interface StoredSnapshot {
  schemaVersion: number;
  /** listings may be missing in a file written by an earlier version. */
  snapshot: Omit<FleetSnapshot, 'listings'> & { listings?: FleetListing[] };
}

function listingsOf(clusters: ClusterSummary[], listedAt: string): FleetListing[] {
  const seen = new Map<string, FleetListing>();
  for (const c of clusters)
    seen.set(`${c.accountId}\u0000${c.regionId}`, {
      accountId: c.accountId,
      regionId: c.regionId,
      listedAt,
    });
  return [...seen.values()];
}

export class SnapshotStore {
  /** The newest snapshot not written yet (saveBehind), and the write under way. */
  private pending: FleetSnapshot | null = null;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly dataDir: string,
    /** A write behind the caller failed (the file keeps the snapshot before). */
    private readonly onWriteError: (error: unknown) => void = () => undefined,
  ) {}

  get file(): string {
    return path.join(this.dataDir, FILE);
  }

  async save(snapshot: FleetSnapshot): Promise<void> {
    const stored: StoredSnapshot = {
      schemaVersion: SCHEMA_VERSION,
      snapshot: { ...snapshot, stale: false },
    };
    await writeFileAtomic(this.file, JSON.stringify(stored));
  }

  /**
   * Writes the snapshot after the caller has moved on: a refresh answers without waiting for
   * 5,460 clusters to be serialised and fsynced (~50 ms of a 20-account refresh, bench group 1).
   * Snapshots saved meanwhile coalesce: only the newest is written, once. `flush` waits for it.
   */
  saveBehind(snapshot: FleetSnapshot): void {
    this.pending = snapshot;
    this.writing ??= this.drain();
  }

  /** Resolves when every snapshot handed to saveBehind is on disk (or failed to be). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      // Not in the caller's turn of the event loop: its answer goes out first.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.pending) {
        const snapshot = this.pending;
        this.pending = null;
        try {
          await this.save(snapshot);
        } catch (error) {
          this.onWriteError(error);
        }
      }
    } finally {
      this.writing = null;
    }
  }

  /**
   * The stored snapshot marked stale, or null when there is none. An unreadable file is moved
   * aside (kept for inspection) rather than trusted: it is only a cache of what the cloud says.
   */
  async load(): Promise<FleetSnapshot | null> {
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const stored = JSON.parse(raw) as StoredSnapshot;
      if (stored.schemaVersion !== SCHEMA_VERSION || !Array.isArray(stored.snapshot?.clusters)) {
        throw new Error('unexpected snapshot shape');
      }
      const snapshot = stored.snapshot;
      // Written before listings existed: every row is as old as the snapshot itself.
      const listings = Array.isArray(snapshot.listings)
        ? snapshot.listings
        : listingsOf(snapshot.clusters, snapshot.fetchedAt);
      return { ...snapshot, listings, stale: true };
    } catch {
      const aside = `${this.file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(this.file, aside).catch(() => undefined);
      return null;
    }
  }
}
