import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../electron/core/operations/journal';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'ack-sg-journal-'));
const intent = (opId: string, at: number) => ({
  v: 1 as const,
  type: 'intent' as const,
  opId,
  at,
  accountId: 'a',
  accountName: 'A',
  clusterId: `c-${opId}`,
  clusterName: 'n',
  regionId: 'cn-hangzhou',
  action: 'enable' as const,
  keyId: 'key-1',
});

describe('operation journal', () => {
  it('folds records into the current view of each operation', async () => {
    const journal = new Journal(dir());
    await journal.append(intent('op1', 1000));
    await journal.append({
      v: 1,
      type: 'requested',
      opId: 'op1',
      at: 2000,
      requestId: 'req-1',
      uncertain: false,
    });
    await journal.append({
      v: 1,
      type: 'observed',
      opId: 'op1',
      at: 3000,
      phase: 'updating',
      clusterState: 'updating',
    });
    await journal.append(intent('op2', 4000));
    await journal.append({
      v: 1,
      type: 'ended',
      opId: 'op1',
      at: 5000,
      outcome: 'succeeded',
      clusterState: 'running',
      error: null,
    });
    const { entries, problems } = await journal.read();
    expect(problems).toEqual([]);
    expect(entries.get('op1')?.view).toMatchObject({
      phase: 'ended',
      outcome: 'succeeded',
      requestId: 'req-1',
      updatingSeenAt: new Date(3000).toISOString(),
    });
    expect(entries.get('op2')?.view).toMatchObject({ phase: 'requested', requestedAt: null });
  });

  it('keeps every good record around a torn last line and a corrupt one, and says so', async () => {
    const journal = new Journal(dir());
    await journal.append(intent('op1', 1000));
    appendFileSync(journal.file, 'garbage that is not json\n');
    await journal.append(intent('op2', 2000));
    appendFileSync(journal.file, '{"v":1,"type":"requested","opId":"op2","at":30'); // crash mid-write
    const { entries, problems } = await journal.read();
    expect([...entries.keys()]).toEqual(['op1', 'op2']);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/incomplete/);
    // The next append starts on a line of its own: the torn fragment does not swallow it.
    await journal.append({
      v: 1,
      type: 'requested',
      opId: 'op2',
      at: 4000,
      requestId: 'r',
      uncertain: false,
    });
    expect((await journal.read()).entries.get('op2')?.view.requestId).toBe('r');
    expect(readFileSync(journal.file, 'utf8').endsWith('\n')).toBe(true);
  });

  it('ignores anything recorded after an operation ended, and duplicate intents', async () => {
    const journal = new Journal(dir());
    await journal.append(intent('op1', 1000));
    await journal.append({
      v: 1,
      type: 'ended',
      opId: 'op1',
      at: 2000,
      outcome: 'rejected',
      clusterState: 'running',
      error: { code: 'X', message: 'm', requestId: null },
    });
    await journal.append({
      v: 1,
      type: 'observed',
      opId: 'op1',
      at: 3000,
      phase: 'updating',
      clusterState: 'updating',
    });
    await journal.append(intent('op1', 4000));
    const view = (await journal.read()).entries.get('op1')!.view;
    expect(view).toMatchObject({
      phase: 'ended',
      outcome: 'rejected',
      startedAt: new Date(1000).toISOString(),
    });
  });

  it('skips and reports a record with an out-of-range time or a mistyped field; the rest works', async () => {
    const d = dir();
    const journal = new Journal(d);
    await journal.append(intent('good', 1000));
    const bad = [
      { ...intent('huge-time', 1000), at: 1e300 },
      { ...intent('neg-time', 1000), at: -9e15 },
      { ...intent('cloud-time', 1000), cloudAt: 1e17 },
      { ...intent('no-cluster', 1000), clusterId: 42 },
      { ...intent('bad-action', 1000), action: 'explode' },
      {
        v: 1,
        type: 'ended',
        opId: 'good',
        at: 2000,
        outcome: 'exploded',
        clusterState: null,
        error: null,
      },
      { v: 1, type: 'requested', opId: 'good', at: 1e300, requestId: null, uncertain: false },
    ];
    for (const record of bad) appendFileSync(journal.file, `${JSON.stringify(record)}\n`);
    await journal.append({
      v: 1,
      type: 'requested',
      opId: 'good',
      at: 3000,
      requestId: 'r',
      uncertain: false,
    });
    const { entries, problems } = await journal.read();
    expect([...entries.keys()]).toEqual(['good']);
    expect(entries.get('good')!.view).toMatchObject({ phase: 'requested', requestId: 'r' });
    expect(problems).toHaveLength(bad.length);
    for (const p of problems)
      expect(p).toMatch(/operations\.jsonl line \d+: not a record of the expected shape; skipped/);
  });

  it("knows when a cluster's last change ended: succeeded or failed, not refused or unknown", async () => {
    // The fleet's checklist reads this for the cooldown before the operations room exists.
    const journal = new Journal(dir());
    const ended = (
      opId: string,
      at: number,
      outcome: 'succeeded' | 'failed' | 'rejected' | 'unknown',
    ) =>
      journal.append({ v: 1, type: 'ended', opId, at, outcome, clusterState: null, error: null });
    expect(await journal.lastChangeEndedAt('c-same')).toBeNull();
    for (const [opId, at] of [
      ['a', 1000],
      ['b', 2000],
      ['c', 3000],
      ['d', 4000],
      ['e', 5000],
    ] as const)
      await journal.append({ ...intent(opId, at), clusterId: 'c-same' });
    await journal.append(intent('other', 6000)); // another cluster
    await ended('a', 10_000, 'succeeded');
    await ended('b', 20_000, 'failed');
    await ended('c', 30_000, 'rejected');
    await ended('d', 40_000, 'unknown');
    await ended('other', 50_000, 'succeeded');
    // 'e' has not ended: it does not count either.
    expect(await journal.lastChangeEndedAt('c-same')).toBe(20_000);
    expect(await journal.lastChangeEndedAt('c-other')).toBe(50_000);
    expect(await journal.lastChangeEndedAt('c-none')).toBeNull();
  });
});
