// The snapshot on disk: what a later start shows offline. It comes back marked stale, a file from
// before listings existed gets one listing per account/region at the snapshot's own time, and an
// unreadable file is moved aside instead of trusted.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterSummary, FleetSnapshot } from '../../../electron/contract/types/fleet';
import { SnapshotStore } from '../../../electron/core/fleet/snapshot-store';

const row = (clusterId: string, accountId: string, regionId: string) =>
  ({ clusterId, accountId, regionId }) as ClusterSummary;

const snapshot = (over: Partial<FleetSnapshot> = {}): FleetSnapshot => ({
  fetchedAt: '2026-12-01T08:00:00.000Z',
  stale: false,
  includeAckPro: false,
  clusters: [
    row('c-1', 'a', 'cn-hangzhou'),
    row('c-2', 'a', 'cn-hangzhou'),
    row('c-3', 'b', 'cn-shenzhen'),
  ],
  failures: [],
  listings: [
    { accountId: 'a', regionId: 'cn-hangzhou', listedAt: '2026-12-01T07:00:00.000Z' },
    { accountId: 'b', regionId: 'cn-shenzhen', listedAt: '2026-12-01T08:00:00.000Z' },
  ],
  ...over,
});

describe('SnapshotStore', () => {
  it('gives back what it saved, marked stale, listings and all', async () => {
    const store = new SnapshotStore(mkdtempSync(path.join(os.tmpdir(), 'ack-sg-snap-')));
    await store.save(snapshot());
    expect(await store.load()).toEqual({ ...snapshot(), stale: true });
  });

  it('writes behind the caller: nothing before its turn ends, then only the newest, once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-snap-'));
    const store = new SnapshotStore(dir);
    const writes: string[] = [];
    const save = store.save.bind(store);
    store.save = async (s) => {
      writes.push(s.fetchedAt);
      await save(s);
    };
    store.saveBehind(snapshot({ fetchedAt: 'first' }));
    store.saveBehind(snapshot({ fetchedAt: 'second' }));
    // Still the caller's turn: not even serialised yet.
    expect(writes).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
    await store.flush();
    expect(writes).toEqual(['second']);
    expect((await store.load())?.fetchedAt).toBe('second');
    // A save while one is being written waits for it, then writes the newest.
    store.saveBehind(snapshot({ fetchedAt: 'third' }));
    await new Promise((resolve) => setImmediate(resolve));
    store.saveBehind(snapshot({ fetchedAt: 'fourth' }));
    store.saveBehind(snapshot({ fetchedAt: 'fifth' }));
    await store.flush();
    expect(writes).toEqual(['second', 'third', 'fifth']);
    expect((await store.load())?.fetchedAt).toBe('fifth');
  });

  it('reports a write behind that fails and keeps the file before', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-snap-'));
    const errors: unknown[] = [];
    const store = new SnapshotStore(dir, (error) => errors.push(error));
    await store.save(snapshot({ fetchedAt: 'kept' }));
    store.save = () => Promise.reject(new Error('disk full'));
    store.saveBehind(snapshot({ fetchedAt: 'lost' }));
    await store.flush();
    expect(errors.map((e) => (e as Error).message)).toEqual(['disk full']);
    expect((await new SnapshotStore(dir).load())?.fetchedAt).toBe('kept');
  });

  it('reads a file written before listings existed as listed at the snapshot time', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-snap-'));
    const { listings: _listings, ...old } = snapshot();
    writeFileSync(
      path.join(dir, 'fleet-snapshot.json'),
      JSON.stringify({ schemaVersion: 1, snapshot: old }),
    );
    const loaded = await new SnapshotStore(dir).load();
    expect(loaded?.listings).toEqual([
      { accountId: 'a', regionId: 'cn-hangzhou', listedAt: '2026-12-01T08:00:00.000Z' },
      { accountId: 'b', regionId: 'cn-shenzhen', listedAt: '2026-12-01T08:00:00.000Z' },
    ]);
  });

  it('moves an unreadable file aside and answers null', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-snap-'));
    writeFileSync(path.join(dir, 'fleet-snapshot.json'), '{"schemaVersion":1,"snapshot":');
    expect(await new SnapshotStore(dir).load()).toBeNull();
    expect(readdirSync(dir).some((f) => f.startsWith('fleet-snapshot.json.corrupt-'))).toBe(true);
  });
});
