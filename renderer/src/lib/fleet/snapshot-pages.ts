// Reads the fleet snapshot in pages (fleet.snapshotPage) so the window shows its first screen
// before the rest has crossed: one message of 32,500 clusters is ~200 ms of structured clone in
// each process (bench group 7). Every page names the generation it came from; the reader asks
// for the rest of the same generation, so rows of two snapshots are never mixed, and starts
// again when that generation is gone (two refreshes ended while it was reading).
import type { FleetSnapshot, FleetSnapshotPage } from '$contract';
import { SNAPSHOT_PAGES } from '$contract';

const FIRST_PAGE = SNAPSHOT_PAGES.first;
const NEXT_PAGE = SNAPSHOT_PAGES.next;
const ATTEMPTS = 3;

export type PageRequest = { generation?: number; offset: number; limit: number };

export async function readSnapshotInPages(
  fetchPage: (request: PageRequest) => Promise<FleetSnapshotPage>,
  /** The whole snapshot in one message (fleet.snapshot): when paging keeps being overtaken. */
  fetchWhole: () => Promise<FleetSnapshot | null>,
  /** The first page as a snapshot of its own (only when more pages follow). */
  onFirst: (partial: FleetSnapshot) => void = () => undefined,
): Promise<FleetSnapshot | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const first = await fetchPage({ offset: 0, limit: FIRST_PAGE });
    if (first.generation === null || !first.head) return null;
    const generation = first.generation;
    const clusters = [...first.clusters];
    if (clusters.length < first.total) onFirst({ ...first.head, clusters: [...clusters] });
    let gone = false;
    while (clusters.length < first.total) {
      const page = await fetchPage({ generation, offset: clusters.length, limit: NEXT_PAGE });
      if (page.gone || page.generation !== generation) {
        gone = true;
        break;
      }
      // An empty page of a held generation cannot happen; stop rather than loop.
      if (page.clusters.length === 0) break;
      clusters.push(...page.clusters);
    }
    if (!gone) return { ...first.head, clusters };
  }
  // The fleet changed faster than it could be read in pages: the whole snapshot in one message.
  return fetchWhole();
}
