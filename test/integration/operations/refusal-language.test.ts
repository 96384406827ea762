// A refused change comes back with its sentence as a catalog message (msg), whose English is
// exactly the error's message and whose Chinese has no English left: the checklist not ready
// (its checks by their own messages), the cloud's 409 inside the cooldown, a missing RBAC grant.
// Against the simulator, through the same operations service the window and the CLI use.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { GuardError, formatMessage } from '../../../electron/contract';
import { englishWords } from '../../support/english-words';
import { operationsHarness } from '../../support/operations-harness';
import type { Harness } from '../../support/operations-harness';

const SCALE = 200;
let sim: Simulator;
let h: Harness;

beforeEach(async () => {
  sim = await startSimulator({ fixture: 'demo', timeScale: SCALE });
  h = operationsHarness(sim, { timeScale: SCALE });
});
afterEach(async () => {
  await h.dispose();
  await sim.stop();
});

async function refusal(attempt: Promise<unknown>): Promise<GuardError> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GuardError);
  return error as GuardError;
}

/** The refusal in both languages: English equal to its message, Chinese with no English. */
function expectWorded(error: GuardError, own: string[]): string {
  expect(error.msg, error.message).toBeDefined();
  expect(formatMessage(error.msg!, 'en')).toBe(error.message);
  expect(error.toContract().msg).toEqual(error.msg);
  const zh = formatMessage(error.msg!, 'zh-CN');
  expect(zh).toMatch(/[\u4e00-\u9fff]/);
  expect(englishWords(zh, own), zh).toEqual([]);
  return zh;
}

const happy = { clusterId: DEMO.clusters.happy, action: 'enable' as const };

describe('a refused change, in the user language', () => {
  it('the checklist not ready: the failing check by its own message', async () => {
    const error = await refusal(h.operations.start({ ...happy, keyId: DEMO.keys.rotation }));
    expect(error.code).toBe('checklist-not-ready');
    expect(error.msg?.key).toBe('error.checklist.notReady');
    expect(error.message).toMatch(/^Not started: 1 check failed: key\.rotation \(/);
    const zh = expectWorded(error, [DEMO.keys.rotation]);
    expect(zh).toMatch(/^未开始：1 项检查未通过：自动轮转已开启/);
  });

  it('the cloud 409 inside the cooldown: when to try again', async () => {
    sim.control.addFault({
      kind: 'error500',
      product: 'cs',
      action: 'UpdateKMSEncryption',
      status: 409,
      code: 'ErrorClusterState',
    });
    const error = await refusal(h.operations.start({ ...happy, keyId: DEMO.keys.valid }));
    expect(error.code).toBe('cloud');
    expect(error.msg?.key).toBe('error.refusal.cooldown');
    const zh = expectWorded(error, []);
    expect(zh).toMatch(/HTTP 409.*冷却时间.*请等到 \d\d:\d\d \(UTC[+-]\d\d:\d\d\)/);
    // The journal keeps the refusal with its message, for the timeline.
    const [view] = (await h.operations.list({ clusterId: DEMO.clusters.happy })).operations;
    expect(view?.error?.msg).toEqual(error.msg);
  });

  it('a missing RBAC grant: whom to ask', async () => {
    sim.control.addFault({
      kind: 'error500',
      product: 'cs',
      action: 'UpdateKMSEncryption',
      status: 403,
      code: 'ForbiddenUpdateKMSState',
    });
    const error = await refusal(h.operations.start({ ...happy, keyId: DEMO.keys.valid }));
    expect(error.msg?.key).toBe('error.refusal.rbac');
    const zh = expectWorded(error, [
      'ForbiddenUpdateKMSState',
      'edge-pro-hz-plain',
      happy.clusterId,
    ]);
    expect(zh).toContain('RBAC 管理员或运维人员权限');
  });
});
