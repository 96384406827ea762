// reasons: batch reasons and notes, the create preflight and a cooldown's source are messages,
// worded in either language by the contract (the window and the CLI share it); old batch files
// with English text only still load.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clockText,
  evidenceValueText,
  formatMessage,
  message,
  sentencesText,
} from '../../../electron/contract';
import type { CheckResult, Checklist, ClusterSummary } from '../../../electron/contract';
import { MUST_CONFIRM } from '../../../electron/core/checks/api';
import { itemFromChecklist, keyInUseReason, ruleOut } from '../../../electron/core/batch/plan';
import { recommendationReason } from '../../../electron/core/batch/groups';
import { BatchStore } from '../../../electron/core/batch/store';
import { cidrsValid, overlapCheck } from '../../../electron/core/provision/preflight-network';
import { englishLeft } from '../../support/english-words';

const cluster = {
  clusterId: 'c-hz-1',
  name: 'hz-1',
  accountId: 'acc-a',
  accountName: 'A',
  regionId: 'cn-hangzhou',
  encryption: { posture: 'encrypted', enabled: true, keyId: 'key-1' },
} as ClusterSummary;

const worded = (
  id: CheckResult['id'],
  status: CheckResult['status'],
  msg = message('check.cluster.state.running'),
): CheckResult => ({
  id,
  status,
  summary: formatMessage(msg),
  message: msg,
  evidence: {},
  fix: null,
});

function checklist(given: CheckResult[]): Checklist {
  return {
    clusterId: 'c-hz-1',
    accountId: 'acc-a',
    regionId: 'cn-hangzhou',
    action: 'enable',
    keyId: 'key-2',
    keyRef: null,
    checkedAt: '2026-12-02T06:00:00.000Z',
    ready: false,
    checks: [
      ...MUST_CONFIRM.enable
        .filter((id) => !given.some((c) => c.id === id))
        .map((id) => worded(id, 'pass')),
      ...given,
    ],
  } as unknown as Checklist;
}

describe('batch reasons and notes', () => {
  it('has a no-English scan that finds English and passes ids', () => {
    expect(englishLeft('集群 c-1：the key is not enabled')).toEqual(['the', 'key', 'is', 'not']);
    expect(englishLeft('cluster.state：集群 key-1 在 cn-hangzhou（Kubernetes 1.30）')).toEqual([]);
  });

  it('keeps the English text and adds sentences that read in zh-CN with no English left', () => {
    const item = itemFromChecklist(
      cluster,
      checklist([
        worded(
          'cluster.state',
          'fail',
          message('check.cluster.state.notRunning', { state: 'updating' }),
        ),
        worded(
          'key.state',
          'unknown',
          message('check.notChecked.error', { what: 'the key', kind: 'throttled' }),
        ),
      ]),
      new Map(),
      {
        reasons: [
          keyInUseReason('key-1', { key: { keyState: 'PendingDeletion' } as never })!.reason!,
        ],
      },
    );
    expect(item.status).toBe('skipped');
    expect(item.reasons[0]).toBe(
      'cluster.state: The cluster is updating; a change needs it running.',
    );
    expect(item.reasonMessages).toHaveLength(item.reasons.length);
    item.reasons.forEach((english, i) => {
      expect(sentencesText(english, item.reasonMessages![i], 'en')).toBe(english);
      const zh = sentencesText(english, item.reasonMessages![i], 'zh-CN');
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(englishLeft(zh), zh).toEqual([]);
    });
    // The key state in the glossary's words, not KMS's.
    expect(sentencesText('', item.reasonMessages![2], 'zh-CN')).toContain('待删除');
  });

  it('words the plan rules and a group without a key in zh-CN', () => {
    const rule = ruleOut(cluster, { action: 'enable', keyId: 'key-1', scope: {} })!;
    expect(rule.text).toBe('already encrypted with this key');
    expect(sentencesText(rule.text, rule.words, 'zh-CN')).toBe('已使用此密钥加密。');
    const group = { accountId: 'acc-a', accountName: 'A', regionId: 'cn-hangzhou', clusters: [] };
    const none = recommendationReason(group, [], new Set()).reason!;
    expect(none.text).toMatch(/^choose a key: no key of A in cn-hangzhou/);
    const zh = sentencesText(none.text, none.words, 'zh-CN');
    expect(zh).toContain('在此创建合规密钥');
    expect(englishLeft(zh), zh).toEqual([]);
  });

  it('notes the cooldown wait in words, in both languages', () => {
    const cooldown = worded(
      'cluster.cooldown',
      'fail',
      message('check.cluster.cooldown.blocked', {
        source: 'journal',
        until: '2026-12-02T06:05:00.000Z',
      }),
    );
    const item = itemFromChecklist(cluster, { ...checklist([cooldown]), ready: false });
    expect(item.status).toBe('ready');
    expect(item.notes[0]).toMatch(
      /^waits for the cooldown before starting: The last encryption change/,
    );
    const zh = sentencesText(item.notes[0]!, item.noteMessages![0], 'zh-CN');
    expect(zh).toMatch(/^开始前需等待冷却时间结束：上一次加密变更/);
    expect(englishLeft(zh), zh).toEqual([]);
  });
});

describe('old batch files', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('load with their English reasons only, and read as that text in any language', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'reasons-'));
    mkdirSync(path.join(dir, 'batches'));
    const reasons = ['cluster.state: The cluster is updating; a change needs it running.'];
    const item = {
      clusterId: 'c-1',
      clusterName: 'one',
      accountId: 'acc-a',
      accountName: 'A',
      regionId: 'cn-hangzhou',
      status: 'skipped',
      reasons,
      notes: [],
      checklist: null,
      state: 'skipped',
      operationId: null,
      attempts: 0,
      attemptedAt: null,
      waitingUntil: null,
      endedAt: null,
      outcome: null,
      error: null,
    };
    const batch = {
      batchId: 'batch-old',
      createdAt: '2026-11-30T10:00:00.000Z',
      action: 'enable',
      keyId: 'key-1',
      scope: {},
      state: 'planned',
      concurrency: null,
      appliedAt: null,
      endedAt: null,
      result: null,
      items: [item],
      counts: {},
      problems: ['A cn-beijing could not be listed (Throttling): slow'],
    };
    writeFileSync(
      path.join(dir, 'batches', 'batch-old.json'),
      JSON.stringify({ schema: 1, batch, meta: { auditedApplied: false, auditedEnded: false } }),
    );
    const loaded = (await new BatchStore(dir).load('batch-old')).batch;
    const old = loaded.items[0]!;
    expect(old.reasonMessages).toBeUndefined();
    expect(sentencesText(old.reasons[0]!, old.reasonMessages?.[0], 'zh-CN')).toBe(reasons[0]);
    expect(loaded.problemMessages).toBeUndefined();
  });

  it('refuses a batch file whose reason sentences are not messages', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'reasons-'));
    mkdirSync(path.join(dir, 'batches'));
    const store = new BatchStore(dir);
    writeFileSync(
      path.join(dir, 'batches', 'batch-bad.json'),
      JSON.stringify({
        schema: 1,
        batch: {
          batchId: 'batch-bad',
          createdAt: '2026-11-30T10:00:00.000Z',
          action: 'disable',
          keyId: null,
          scope: {},
          state: 'planned',
          concurrency: null,
          appliedAt: null,
          endedAt: null,
          result: null,
          counts: {},
          problems: [],
          items: [
            {
              clusterId: 'c',
              clusterName: 'c',
              accountId: 'a',
              accountName: 'a',
              regionId: 'r',
              status: 'skipped',
              reasons: ['x'],
              reasonMessages: [['not a message']],
              notes: [],
              checklist: null,
              state: 'skipped',
              operationId: null,
              attempts: 0,
              attemptedAt: null,
              waitingUntil: null,
              endedAt: null,
              outcome: null,
              error: null,
            },
          ],
        },
        meta: {},
      }),
    );
    await expect(store.load('batch-bad')).rejects.toThrow(/batch\.items\.0\.reasonMessages/);
  });
});

describe('the create preflight', () => {
  it('words summaries and fixes as messages, English beside', () => {
    const spec = { containerCidr: '10.0.0.0/8', serviceCidr: '10.1.0.0/16' } as never;
    const r = cidrsValid(spec);
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('The pod CIDR 10.0.0.0/8 and the Service CIDR 10.1.0.0/16 overlap.');
    expect(formatMessage(r.message!, 'zh-CN')).toBe(
      'Pod 网段 10.0.0.0/8 与 Service 网段 10.1.0.0/16 重叠。',
    );
    expect(r.fix?.hint).toMatch(/^Use private ranges/);
    expect(formatMessage(r.fix!.messages![0]!, 'zh-CN')).toMatch(/^请使用互不重叠的私网网段/);
  });

  it('names the overlapping ranges by id, in either language', () => {
    const spec = { containerCidr: '192.168.0.0/16', serviceCidr: '172.21.0.0/20' } as never;
    const vpc = { vpcId: 'vpc-1', cidrBlock: '192.168.0.0/16', secondaryCidrBlocks: [] } as never;
    const r = overlapCheck(spec, vpc, [
      { vSwitchId: 'vsw-1', cidrBlock: '192.168.1.0/24' } as never,
    ]);
    expect(r.summary).toBe(
      'The pod CIDR 192.168.0.0/16 overlaps vpc-1 192.168.0.0/16, vsw-1 192.168.1.0/24.',
    );
    const zh = formatMessage(r.message!, 'zh-CN');
    expect(zh).toBe('Pod 网段 192.168.0.0/16 与 vpc-1 192.168.0.0/16, vsw-1 192.168.1.0/24 重叠。');
  });
});

describe("a cooldown's source", () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it("words an ActionTrail event and a task with their times in the reader's clock", () => {
    const at = '2026-12-02T06:01:00.000Z';
    const fromTrail = {
      ...message('check.cluster.cooldown.blocked', {
        source: 'actiontrail',
        until: '2026-12-02T06:06:00.000Z',
      }),
    };
    fromTrail.params = { ...fromTrail.params, sourceEvent: 'UpdateKMSEncryption', sourceAt: at };
    process.env.TZ = 'UTC';
    expect(formatMessage(fromTrail, 'en')).toBe(
      'The last encryption change ended less than 5 minutes ago (ActionTrail event UpdateKMSEncryption at 06:01 (UTC+00:00)); the cloud refuses another until 06:06 (UTC+00:00) (HTTP 409).',
    );
    process.env.TZ = 'Asia/Shanghai';
    const zh = formatMessage(fromTrail, 'zh-CN');
    expect(zh).toContain('操作审计（ActionTrail）事件 UpdateKMSEncryption，时间 14:01 (UTC+08:00)');
    expect(englishLeft(zh), zh).toEqual([]);
    const fromTask = message('check.cluster.cooldown.maybe', { source: 'task', until: at });
    fromTask.params = {
      ...fromTask.params,
      sourceTask: 'T-1',
      sourceTaskType: 'cluster_modify',
      sourceAt: at,
    };
    expect(formatMessage(fromTask, 'en')).toContain(
      '(task T-1 (cluster_modify) ended at 14:01 (UTC+08:00))',
    );
  });

  it('leaves a time the core already worded (an older core) as it is', () => {
    expect(clockText('14:03 (UTC+08:00)')).toBeNull();
    const m = message('fix.cluster.cooldown.wait', { until: '14:03 (UTC+08:00)' });
    expect(formatMessage(m, 'zh-CN')).toContain('14:03 (UTC+08:00)');
  });

  it('words the kind of source in the evidence', () => {
    expect(evidenceValueText('source', 'actiontrail', 'zh-CN')).toBe('操作审计（ActionTrail）事件');
    expect(evidenceValueText('source', 'journal', 'zh-CN')).toBe('本应用的变更记录');
  });
});
