// The snapshot in pages for the window: the core's pager (fleet.snapshotPage) and the window's
// reader together, with the fleet's current snapshot replaced between pages as a refresh would.
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_PAGES } from '../../../electron/contract/snapshot-pages';
import type { ClusterSummary, FleetSnapshot } from '../../../electron/contract/types/fleet';
import { MAX_PAGE, SnapshotPages } from '../../../electron/core/fleet/snapshot-pages';
import { readSnapshotInPages } from '../../../renderer/src/lib/fleet/snapshot-pages';
import type { PageRequest } from '../../../renderer/src/lib/fleet/snapshot-pages';

const snapshotOf = (tag: string, n: number): FleetSnapshot => ({
  fetchedAt: `2026-12-01T08:00:00.000Z#${tag}`,
  stale: false,
  includeAckPro: false,
  clusters: Array.from({ length: n }, (_, i) => ({ clusterId: `${tag}-${i}` }) as ClusterSummary),
  failures: [],
  listings: [],
});

/** The fleet as the core holds it, its pager, and what the window asked for. */
function fleet(initial: FleetSnapshot | null) {
  let current = initial;
  const pages = new SnapshotPages();
  const requests: PageRequest[] = [];
  let wholeReads = 0;
  return {
    requests,
    get wholeReads() {
      return wholeReads;
    },
    replace: (next: FleetSnapshot) => void (current = next),
    fetchPage: async (request: PageRequest) => {
      requests.push(request);
      // Through structuredClone, as IPC would: the window never shares the core's objects.
      return structuredClone(pages.page(current, request));
    },
    fetchWhole: async () => {
      wholeReads += 1;
      return structuredClone(current);
    },
  };
}

const { first: FIRST_PAGE, next: NEXT_PAGE } = SNAPSHOT_PAGES;
const ids = (s: FleetSnapshot | null) => s?.clusters.map((c) => c.clusterId) ?? [];

describe('the snapshot in pages', () => {
  it('delivers every cluster once, in order, the first screen first', async () => {
    const source = snapshotOf('a', 12_345);
    const f = fleet(source);
    const firsts: FleetSnapshot[] = [];
    const read = await readSnapshotInPages(f.fetchPage, f.fetchWhole, (p) => firsts.push(p));
    expect(ids(read)).toEqual(ids(source));
    expect(read).toEqual(source);
    expect(firsts.map((p) => p.clusters.length)).toEqual([FIRST_PAGE]);
    expect(ids(firsts[0]!)).toEqual(ids(source).slice(0, FIRST_PAGE));
    expect(f.requests.map((r) => r.limit)).toEqual([FIRST_PAGE, NEXT_PAGE, NEXT_PAGE, NEXT_PAGE]);
    expect(f.wholeReads).toBe(0);
  });

  it('a refresh that ends while the window is paging does not mix the two snapshots', async () => {
    const before = snapshotOf('before', 11_000);
    const after = snapshotOf('after', 9_000);
    const f = fleet(before);
    const fetchPage = async (request: PageRequest) => {
      const page = await f.fetchPage(request);
      if (f.requests.length === 2) f.replace(after);
      return page;
    };
    const read = await readSnapshotInPages(fetchPage, f.fetchWhole);
    expect(read).toEqual(before);
    // The next read is the new snapshot, whole.
    expect(await readSnapshotInPages(f.fetchPage, f.fetchWhole)).toEqual(after);
  });

  it('starts again when its snapshot is gone (two refreshes meanwhile), and ends with the latest', async () => {
    const f = fleet(snapshotOf('one', 6_000));
    const latest = snapshotOf('three', 7_000);
    const fetchPage = async (request: PageRequest) => {
      const page = await f.fetchPage(request);
      // After the first page: two refreshes, each seen by the pager (another window asks).
      if (f.requests.length === 1) {
        f.replace(snapshotOf('two', 5_000));
        await f.fetchPage({ offset: 0, limit: 1 });
        f.replace(latest);
        await f.fetchPage({ offset: 0, limit: 1 });
      }
      return page;
    };
    const read = await readSnapshotInPages(fetchPage, f.fetchWhole);
    expect(read).toEqual(latest);
    expect(f.wholeReads).toBe(0);
  });

  it('falls back to the whole snapshot in one message when paging keeps being overtaken', async () => {
    const f = fleet(snapshotOf('g0', 3_000));
    let n = 0;
    const fetchPage = async (request: PageRequest) => {
      const page = await f.fetchPage(request);
      if (request.offset === 0) {
        for (let i = 0; i < 2; i++) {
          f.replace(snapshotOf(`g${++n}`, 3_000));
          await f.fetchPage({ offset: 0, limit: 1 });
        }
      }
      return page;
    };
    const read = await readSnapshotInPages(fetchPage, f.fetchWhole);
    expect(f.wholeReads).toBe(1);
    expect(read?.fetchedAt).toBe(`2026-12-01T08:00:00.000Z#g${n}`);
  });

  it('answers null before the first refresh, and gives the head at offset 0 only', async () => {
    expect(await readSnapshotInPages(fleet(null).fetchPage, fleet(null).fetchWhole)).toBeNull();
    const pages = new SnapshotPages();
    const s = snapshotOf('h', 30_000);
    const first = pages.page(s, { offset: 0, limit: 50_000 });
    expect(first.head).toMatchObject({ fetchedAt: s.fetchedAt, listings: [], failures: [] });
    expect(first.head).not.toHaveProperty('clusters');
    expect(first.clusters).toHaveLength(MAX_PAGE);
    const next = pages.page(s, { generation: first.generation!, offset: 29_990, limit: 100 });
    expect(next.head).toBeNull();
    expect(next.clusters.map((c) => c.clusterId)).toEqual(ids(s).slice(29_990));
    expect(pages.page(s, { generation: 999, offset: 0, limit: 10 }).gone).toBe(true);
  });
});
