// Batches as the window follows them: the clusters selected in the fleet table, the batch open on
// the Batch screen, and the list of batches (batch.list), kept live by batch.progress.
import type { BatchPlanRequest, BatchView } from '$contract';
import { call, subscribe } from './api';
import { withIds } from './selection';

class BatchState {
  /** Cluster ids ticked in the fleet table. */
  selected = $state.raw<ReadonlySet<string>>(new Set());
  /** Newest first. */
  list = $state.raw<BatchView[]>([]);
  problems = $state.raw<string[]>([]);
  /** The batch shown on the Batch screen (a plan, or one being applied), or null for a new one. */
  openId = $state<string | null>(null);
  private off: (() => void) | null = null;

  get open(): BatchView | null {
    return this.list.find((b) => b.batchId === this.openId) ?? null;
  }

  start(): void {
    this.off ??= subscribe('batch.progress', (view) => this.put(view));
  }

  stop(): void {
    this.off?.();
    this.off = null;
  }

  /** Keeps the newest view of a batch, newest batch first. */
  put(view: BatchView): void {
    const others = this.list.filter((b) => b.batchId !== view.batchId);
    this.list = [view, ...others].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async load(): Promise<void> {
    const answer = await call('batch.list');
    this.list = answer.batches;
    this.problems = answer.problems;
  }

  async plan(request: BatchPlanRequest): Promise<BatchView> {
    const view = await call('batch.plan', request);
    this.put(view);
    this.openId = view.batchId;
    return view;
  }

  async apply(batchId: string, concurrency: number): Promise<void> {
    this.put(await call('batch.apply', { batchId, concurrency }));
  }

  async pause(batchId: string): Promise<void> {
    this.put(await call('batch.pause', { batchId }));
  }

  async cancel(batchId: string): Promise<void> {
    this.put(await call('batch.cancel', { batchId }));
  }

  setSelected(ids: Iterable<string>): void {
    this.selected = new Set(ids);
  }

  toggle(id: string, on = !this.selected.has(id)): void {
    this.selected = withIds(this.selected, [id], on);
  }
}

export const batches = new BatchState();
