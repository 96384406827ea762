// The batches this process knows, and the one way their state changes: every step is applied to
// the view, announced (batch.progress) and saved before anyone acts on it. Also the batch's
// cross-process lock: only the process that holds it applies (and writes) a batch.
import { GuardError } from '../../contract';
import type { BatchItem, BatchView } from '../../contract/types/batch';
import type { CoreContext } from '../context';
import type { Limiter } from '../util/limiter';
import { acquireLock, describeHolder } from '../util/lock';
import type { HeldLock } from '../util/lock';
import { countItems, transition } from './item-state';
import type { ItemEvent } from './item-state';
import { BATCH_SCHEMA, BatchStore } from './store';
import type { BatchMeta } from './store';

/** A batch this process knows, and its scheduler while it is being applied here. */
export interface Held {
  view: BatchView;
  meta: BatchMeta;
  runner: Runner | null;
  /** The cross-process lock of this batch, held while this process applies it. */
  lock?: HeldLock | null;
  /** Its release, still under way (a claim right after waits for it). */
  releasing?: Promise<void>;
}

/** A batch's scheduling state in this process (see scheduler.ts). */
export interface Runner {
  limiter: Limiter;
  /** Items queued, running, or waiting on a timer: the batch is idle at 0. */
  outstanding: number;
  scheduled: Set<string>;
  timers: Map<string, NodeJS.Timeout>;
}

/** The lock holder refreshes its sign of life this often; silent for STALE_MS = taken over. */
const LOCK_HEARTBEAT_MS = 5_000;
const LOCK_STALE_MS = 60_000;

export class BatchBook {
  readonly store: BatchStore;
  readonly held = new Map<string, Held>();
  /** Set by dispose: nothing new starts, nothing more is written. */
  disposed = false;

  constructor(private readonly ctx: CoreContext) {
    this.store = new BatchStore(ctx.dataDir);
  }

  emit(h: Held): void {
    this.ctx.events.emit('batch.progress', structuredClone(h.view));
  }

  persist(h: Held): Promise<void> {
    return this.store.save(h.view.batchId, () => ({
      schema: BATCH_SCHEMA,
      batch: h.view,
      meta: h.meta,
    }));
  }

  change(h: Held, mutate: (view: BatchView) => void): Promise<void> {
    mutate(h.view);
    h.view.counts = countItems(h.view.items);
    this.emit(h);
    return this.persist(h);
  }

  item(h: Held, clusterId: string): BatchItem {
    const item = h.view.items.find((i) => i.clusterId === clusterId);
    if (!item) throw new Error(`batch ${h.view.batchId} has no item ${clusterId}`);
    return item;
  }

  step(h: Held, clusterId: string, event: ItemEvent): Promise<void> {
    return this.change(h, (view) => {
      view.items = view.items.map((i) => (i.clusterId === clusterId ? transition(i, event) : i));
    });
  }

  /** Every pending item is cancelled (it will not start now). */
  cancelPending(h: Held): Promise<void> {
    const at = this.ctx.now();
    return this.change(h, (view) => {
      view.items = view.items.map((i) =>
        i.state === 'pending' ? transition(i, { type: 'cancel', at }) : i,
      );
    });
  }

  async hold(batchId: string): Promise<Held> {
    const known = this.held.get(batchId);
    if (known) return known;
    const file = await this.store.load(batchId);
    const raced = this.held.get(batchId);
    if (raced) return raced;
    const h: Held = { view: file.batch, meta: file.meta, runner: null };
    this.held.set(batchId, h);
    return h;
  }

  /**
   * Takes the batch's cross-process lock (the app and a CLI, or two `batch apply --id`, must not
   * both apply it), or throws a conflict at once. Once held, the file is read again: another
   * process may have moved the batch on since this one last looked.
   */
  async claim(h: Held): Promise<void> {
    if (h.lock) return;
    await h.releasing;
    const batchId = h.view.batchId;
    h.lock = await acquireLock(this.store.lockFileOf(batchId), {
      timeoutMs: 0,
      staleMs: LOCK_STALE_MS,
      heartbeatMs: LOCK_HEARTBEAT_MS,
      busy: (holder) =>
        new GuardError(
          'conflict',
          `Batch ${batchId} is being applied by another ACK Secret Guard window or command (${describeHolder(holder)}). Follow, pause or cancel it there, or wait until it ends.`,
          { batchId },
        ),
    });
    if (h.runner) return;
    try {
      const file = await this.store.load(batchId);
      h.view = file.batch;
      h.meta = file.meta;
    } catch {
      // Not on disk yet (just planned here, the save still queued): what we hold is newest.
    }
  }

  async unclaim(h: Held): Promise<void> {
    const lock = h.lock;
    h.lock = null;
    if (!lock) return h.releasing;
    h.releasing = lock.release().catch(() => undefined);
    await h.releasing;
  }
}
