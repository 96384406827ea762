// A refresh from the window moves its snapshot across the bridge once. The window's own state
// (lib/app.svelte.ts) against the core's fleet calls (createFleetApi, through the real
// dispatcher) over a stand-in bridge that clones every reply as IPC would and counts what
// crossed. Before, the fleet.refresh reply carried the whole snapshot and its fleet.updated
// event made the window read it again in pages: every cluster crossed twice.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClusterSummary, CoreApi, EventName, FleetSnapshot } from '../../../electron/contract';
import { dispatch } from '../../../electron/core/dispatch';
import { createFleetApi } from '../../../electron/core/fleet/api';
import { app } from '../../../renderer/src/lib/app.svelte';
import { testContext } from '../../support/test-context';
import type { TestContext } from '../../support/test-context';
import { cluster } from './fixtures';

const CLUSTERS = 1_234;

interface Crossed {
  calls: string[];
  /** Clusters carried by replies (whole snapshots and pages). */
  clusters: number;
  /** JSON length of every reply, as a stand-in for the bytes IPC copies. */
  bytes: number;
}

let context: TestContext;
let crossed: Crossed;

/** A stored snapshot of one account whose refresh fails: the refresh keeps its rows. */
function storedFleet(dataDir: string) {
  const clusters: ClusterSummary[] = Array.from({ length: CLUSTERS }, (_, i) =>
    cluster({ name: `c${String(i).padStart(5, '0')}`, accountId: 'acc-1' }),
  );
  const snapshot: FleetSnapshot = {
    fetchedAt: '2026-12-01T08:00:00.000Z',
    stale: false,
    includeAckPro: false,
    clusters,
    failures: [],
    listings: [],
  };
  writeFileSync(
    path.join(dataDir, 'fleet-snapshot.json'),
    JSON.stringify({ schemaVersion: 1, snapshot }),
  );
}

function countClusters(value: unknown): number {
  const v = value as { clusters?: unknown } | null;
  return Array.isArray(v?.clusters) ? v.clusters.length : 0;
}

beforeEach(() => {
  context = testContext({ prefix: 'refresh-once' });
  storedFleet(context.dataDir);
  const { api } = createFleetApi(context.ctx, {
    listAccounts: async () => [
      { id: 'acc-1', name: 'Retail', regions: ['cn-hangzhou'], cloudAccountId: null },
    ],
    sessionFor: async () => {
      throw new Error('offline in this test');
    },
  });
  crossed = { calls: [], clusters: 0, bytes: 0 };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  context.ctx.events.subscribe((name, payload) => {
    for (const l of listeners.get(name) ?? []) l(structuredClone(payload));
  });
  const answered = new Set(['fleet.snapshot', 'fleet.snapshotPage', 'fleet.refresh']);
  window.guard = {
    invoke: async (name: string, input: unknown) => {
      crossed.calls.push(name);
      const reply = answered.has(name)
        ? await dispatch(api as CoreApi, name, input)
        : { ok: true as const, value: name === 'operations.list' ? { operations: [] } : null };
      crossed.bytes += JSON.stringify(reply).length;
      if (reply.ok) crossed.clusters += countClusters(reply.value);
      return structuredClone(reply);
    },
    on: (name: EventName, listener: (payload: unknown) => void) => {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)!.add(listener);
      return () => listeners.get(name)?.delete(listener);
    },
  } as unknown as typeof window.guard;
});

afterEach(async () => {
  app.stop();
  await context.dispose();
});

describe("the window's refresh", () => {
  it('moves the snapshot across once, in pages, and shows all of it', async () => {
    await app.loadSnapshot();
    expect(app.rows).toHaveLength(CLUSTERS);
    app.stop();
    await app.start();
    crossed = { calls: [], clusters: 0, bytes: 0 };

    await app.refresh();

    expect(app.refreshError).toBeNull();
    expect(app.rows).toHaveLength(CLUSTERS);
    expect(app.snapshot?.failures).toHaveLength(1);
    expect(app.snapshot?.stale).toBe(false);
    expect(crossed.calls.filter((c) => c === 'fleet.refresh')).toHaveLength(1);
    expect(crossed.calls).not.toContain('fleet.snapshot');
    expect(crossed.clusters).toBe(CLUSTERS);
    // One copy of the rows' JSON and a little more (page heads), not two.
    const oneCopy = JSON.stringify(app.snapshot?.clusters).length;
    expect(crossed.bytes).toBeGreaterThan(oneCopy);
    expect(crossed.bytes).toBeLessThan(1.2 * oneCopy);
  });
});
