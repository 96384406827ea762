// reasons: a batch planned and applied against the simulator, then worded in zh-CN as the window
// and the CLI word it (sentencesText): every skipped reason, every note and every failure reads
// with no English left (the scan of test/support/english-words.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { sentencesText } from '../../../electron/contract';
import { englishLeft } from '../../support/english-words';
import { batchHarness } from './harness';
import type { BatchHarness } from './harness';

let sim: Simulator;
let h: BatchHarness | null = null;

beforeEach(async () => {
  sim = await startSimulator({ fixture: 'demo', timeScale: 600 });
});
afterEach(async () => {
  await h?.dispose();
  h = null;
  await sim.stop();
});

describe('a batch in zh-CN', () => {
  it('words its skipped and failed items with no English left', async () => {
    h = batchHarness(sim, { timeScale: 600 });
    // The plain cluster's change fails in the cloud; the rest of the fleet is skipped for reasons.
    sim.control.addFault({ kind: 'failUpdate', clusterId: DEMO.clusters.happy });
    const plan = await h.batches.plan({ action: 'enable', keyId: DEMO.keys.valid, scope: {} });
    const skipped = plan.items.filter((i) => i.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(5);
    await h.batches.apply({ batchId: plan.batchId });
    const ended = await h.batches.settled(plan.batchId);
    const failed = ended.items.filter((i) => i.state === 'failed');
    expect(failed.map((i) => i.clusterId)).toContain(DEMO.clusters.happy);

    const texts: string[] = [];
    for (const item of ended.items) {
      item.reasons.forEach((r, i) =>
        texts.push(sentencesText(r, item.reasonMessages?.[i], 'zh-CN')),
      );
      item.notes.forEach((n, i) => texts.push(sentencesText(n, item.noteMessages?.[i], 'zh-CN')));
      if (item.error) texts.push(sentencesText(item.error.message, item.error.messages, 'zh-CN'));
    }
    expect(texts.length).toBeGreaterThan(skipped.length);
    for (const text of texts) {
      expect(text, text).toMatch(/[\u4e00-\u9fff]/);
      expect(englishLeft(text), text).toEqual([]);
    }
    const failure = failed.find((i) => i.clusterId === DEMO.clusters.happy)!.error!;
    expect(sentencesText(failure.message, failure.messages, 'zh-CN')).toBe(
      '变更已结束：失败（ClusterUpdatingFailed）。',
    );
  });
});
