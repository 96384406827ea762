// The journals moved onto one shared file class (util/journal.ts). A journal written by the code
// before that (these lines are exactly what it wrote: same file names, same records) must still be
// read, with the same views and the same tolerance of torn lines.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../electron/core/operations/journal';
import { CreationJournal } from '../../../electron/core/provision/journal';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'ack-sg-old-journal-'));
const lines = (records: unknown[], tail = '') =>
  records.map((r) => JSON.stringify(r)).join('\n') + '\n' + tail;

describe('journals written before the shared journal', () => {
  it('reads an old operations.jsonl: intent, requested, observed, ended, and a torn last line', async () => {
    const root = dir();
    writeFileSync(
      path.join(root, 'operations.jsonl'),
      lines(
        [
          {
            v: 1,
            type: 'intent',
            opId: 'op-old',
            at: 1_700_000_000_000,
            accountId: 'acc-1',
            accountName: 'Prod',
            clusterId: 'c-1',
            clusterName: 'edge-1',
            regionId: 'cn-hangzhou',
            action: 'enable',
            keyId: 'key-1',
          },
          {
            v: 1,
            type: 'requested',
            opId: 'op-old',
            at: 1_700_000_001_000,
            cloudAt: 1_700_000_030_000,
            requestId: 'req-1',
            uncertain: false,
          },
          {
            v: 1,
            type: 'observed',
            opId: 'op-old',
            at: 1_700_000_002_000,
            phase: 'updating',
            clusterState: 'updating',
          },
          {
            v: 1,
            type: 'ended',
            opId: 'op-old',
            at: 1_700_000_003_000,
            outcome: 'succeeded',
            clusterState: 'running',
            error: null,
          },
        ],
        '{"v":1,"type":"intent","opId":"op-torn"',
      ),
    );
    const { entries, problems } = await new Journal(root).read();
    expect([...entries.keys()]).toEqual(['op-old']);
    expect(entries.get('op-old')).toMatchObject({
      uncertain: false,
      cloud: { requestedAt: 1_700_000_030_000 },
      view: {
        phase: 'ended',
        outcome: 'succeeded',
        requestId: 'req-1',
        keyId: 'key-1',
        clusterState: 'running',
        updatingSeenAt: new Date(1_700_000_002_000).toISOString(),
        endedAt: new Date(1_700_000_003_000).toISOString(),
      },
    });
    expect(problems).toEqual([expect.stringMatching(/operations\.jsonl line 5: .*incomplete/)]);
    await expect(new Journal(root).lastChangeEndedAt('c-1')).resolves.toBe(1_700_000_003_000);
  });

  it('reads an old creations.jsonl: intent, requested, running, proof after the end', async () => {
    const root = dir();
    writeFileSync(
      path.join(root, 'creations.jsonl'),
      lines([
        {
          v: 1,
          type: 'intent',
          creationId: 'cr-old',
          at: 1_700_000_000_000,
          accountId: 'acc-1',
          accountName: 'Prod',
          regionId: 'cn-hangzhou',
          name: 'edge-new',
          keyId: 'key-1',
          body: { name: 'edge-new' },
        },
        {
          v: 1,
          type: 'requested',
          creationId: 'cr-old',
          at: 1_700_000_001_000,
          clusterId: 'c-new',
          taskId: 'T-1',
          requestId: 'req-2',
          uncertain: false,
        },
        {
          v: 1,
          type: 'running',
          creationId: 'cr-old',
          at: 1_700_000_002_000,
          keyInMetaData: 'key-1',
        },
        {
          v: 1,
          type: 'ended',
          creationId: 'cr-old',
          at: 1_700_000_003_000,
          outcome: 'encrypted',
          clusterState: 'running',
          error: null,
        },
        {
          v: 1,
          type: 'proof',
          creationId: 'cr-old',
          at: 1_700_000_004_000,
          proof: { found: false },
        },
        { v: 2, type: 'intent', creationId: 'from-the-future', at: 1 },
      ]),
    );
    const { entries, problems } = await new CreationJournal(root).read();
    expect([...entries.keys()]).toEqual(['cr-old']);
    expect(entries.get('cr-old')).toMatchObject({
      body: { name: 'edge-new' },
      view: {
        phase: 'ended',
        outcome: 'encrypted',
        clusterId: 'c-new',
        taskId: 'T-1',
        keyInMetaData: 'key-1',
        proof: { found: false },
      },
    });
    expect(problems).toEqual([expect.stringMatching(/creations\.jsonl line 6: not a record/)]);
  });
});
