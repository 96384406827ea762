// The snapshot in pages for the window (fleet.snapshotPage). Each snapshot the fleet holds gets
// a generation; a page names the generation it was cut from, so a window paging through one
// snapshot never gets rows of the next (a refresh that ends meanwhile). The snapshot before the
// current one is kept too, so a page sequence that a refresh overtakes can still finish; older
// than that answers `gone` and the window starts again.
import { SNAPSHOT_PAGES } from '../../contract/snapshot-pages';
import type { FleetSnapshot, FleetSnapshotPage } from '../../contract/types/fleet';

/** Pages are at most this long (the first screen is far less; the rest in few messages). */
export const MAX_PAGE = SNAPSHOT_PAGES.max;

export class SnapshotPages {
  private generation = 0;
  private held: { generation: number; snapshot: FleetSnapshot }[] = [];

  /** The fleet's snapshot changed (a refresh, one cluster updated, loaded from disk). */
  replaced(snapshot: FleetSnapshot | null): void {
    if (!snapshot) return;
    this.generation += 1;
    this.held = [...this.held.slice(-1), { generation: this.generation, snapshot }];
  }

  /** The generation of a snapshot the fleet holds now (a refresh's reply names it). */
  generationOf(current: FleetSnapshot): number {
    if (this.held.at(-1)?.snapshot !== current) this.replaced(current);
    return this.generation;
  }

  page(
    current: FleetSnapshot | null,
    request: { generation?: number | undefined; offset: number; limit: number },
  ): FleetSnapshotPage {
    // The fleet's current snapshot is what a request without a generation pages through.
    if (current && this.held.at(-1)?.snapshot !== current) this.replaced(current);
    const wanted =
      request.generation === undefined
        ? this.held.at(-1)
        : this.held.find((h) => h.generation === request.generation);
    if (!wanted) {
      const gone = request.generation !== undefined;
      return { generation: null, gone, head: null, offset: request.offset, total: 0, clusters: [] };
    }
    const { clusters, ...head } = wanted.snapshot;
    const limit = Math.min(Math.max(1, request.limit), MAX_PAGE);
    return {
      generation: wanted.generation,
      gone: false,
      head: request.offset === 0 ? head : null,
      offset: request.offset,
      total: clusters.length,
      clusters: clusters.slice(request.offset, request.offset + limit),
    };
  }
}
