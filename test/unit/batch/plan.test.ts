import { describe, expect, it } from 'vitest';
import type { CheckResult, Checklist, ClusterSummary } from '../../../electron/contract';
import { batchPlanSchema } from '../../../electron/contract/schemas';
import { MUST_CONFIRM, readiness } from '../../../electron/core/checks/api';
import { CloudError } from '../../../electron/core/cloud/errors';
import {
  inScope,
  itemFromChecklist,
  keyInUseReason,
  keyRegionsSeen,
  ruleOut,
  scopeProblems,
  summarise,
} from '../../../electron/core/batch/plan';
import { cluster as summary } from '../../support/summaries';

function cluster(overrides: Partial<ClusterSummary> = {}): ClusterSummary {
  return summary({
    clusterId: 'c-hz-1',
    name: 'hz-1',
    accountId: 'acc-a',
    accountName: 'A',
    cloudAccountId: null,
    ...overrides,
  });
}

const check = (
  id: CheckResult['id'],
  status: CheckResult['status'],
  summary = `${id} ${status}`,
  evidence: CheckResult['evidence'] = {},
): CheckResult => ({ id, status, summary, evidence, fix: null });

/**
 * A checklist of the given checks, plus a pass for each check a change must confirm that the
 * test does not name (these tests are about the others).
 */
function checklist(given: CheckResult[], regionId = 'cn-hangzhou'): Checklist {
  const checks = [
    ...MUST_CONFIRM.enable
      .filter((id) => !given.some((c) => c.id === id))
      .map((id) => check(id, 'pass')),
    ...given,
  ];
  return {
    clusterId: 'c',
    accountId: 'acc-a',
    regionId,
    action: 'enable',
    keyId: 'key-1',
    ...readiness('enable', checks),
    checkedAt: '2025-01-01T00:00:00.000Z',
    checks,
  };
}

describe('inScope: a cluster several saved accounts reach', () => {
  it('is in the scope of any account that reaches it, and of no other', () => {
    const shared = cluster({
      reachableVia: [
        { accountId: 'acc-a', accountName: 'A' },
        { accountId: 'acc-b', accountName: 'B' },
      ],
    });
    expect(inScope(shared, { accountIds: ['acc-b'] })).toBe(true);
    expect(inScope(shared, { accountIds: ['acc-a'] })).toBe(true);
    expect(inScope(shared, { accountIds: ['acc-c'] })).toBe(false);
  });
});
const texts = (list: readonly { text: string }[]) => list.map((w) => w.text);

describe('plan scope', () => {
  it('narrows by account, region and cluster id; absent fields do not narrow', () => {
    const c = cluster();
    expect(inScope(c, {})).toBe(true);
    expect(inScope(c, { accountIds: ['acc-a'], regionIds: ['cn-hangzhou'] })).toBe(true);
    expect(inScope(c, { accountIds: ['acc-b'] })).toBe(false);
    expect(inScope(c, { regionIds: ['cn-shanghai'] })).toBe(false);
    expect(inScope(c, { clusterIds: ['other'] })).toBe(false);
    expect(inScope(c, { clusterIds: ['c-hz-1'], regionIds: ['cn-hangzhou'] })).toBe(true);
  });

  it('rules out changes that would do nothing, and encrypted clusters when asked', () => {
    const encrypted = cluster({
      encryption: { posture: 'encrypted', enabled: true, keyId: 'key-1' },
    });
    const other = cluster({ encryption: { posture: 'encrypted', enabled: true, keyId: 'key-2' } });
    const enable = { action: 'enable' as const, keyId: 'key-1', scope: {} };
    expect(ruleOut(encrypted, enable)?.text).toBe('already encrypted with this key');
    expect(ruleOut(other, enable)).toBeNull(); // a key change: the checklist decides
    expect(ruleOut(other, { ...enable, scope: { onlyNotEncrypted: true } })?.text).toMatch(
      /already encrypted \(with key-2\)/,
    );
    expect(ruleOut(cluster(), { ...enable, scope: { onlyNotEncrypted: true } })).toBeNull();
    expect(ruleOut(cluster(), { action: 'disable', scope: {} })?.text).toBe(
      'not encrypted: nothing to disable',
    );
    expect(ruleOut(encrypted, { action: 'disable', scope: {} })).toBeNull();
    // Unreadable meta_data: the checklist decides.
    const unknown = cluster({ encryption: { posture: 'unknown', enabled: null, keyId: null } });
    expect(ruleOut(unknown, { action: 'disable', scope: {} })).toBeNull();
  });

  it('knows the key in use by its alias or ARN too', () => {
    const encrypted = cluster({
      encryption: { posture: 'encrypted', enabled: true, keyId: 'key-1' },
      key: { keyId: 'key-1', aliases: ['alias/prod'], health: 'ok' },
    });
    const enable = (keyId: string) => ({ action: 'enable' as const, keyId, scope: {} });
    expect(ruleOut(encrypted, enable('alias/prod'))?.text).toBe('already encrypted with this key');
    expect(ruleOut(encrypted, enable('acs:kms:cn-hangzhou:1:key/key-1'))?.text).toBe(
      'already encrypted with this key',
    );
    expect(ruleOut(encrypted, enable('alias/other'))).toBeNull();
  });

  it('reports failed listings in scope and cluster ids it did not find', () => {
    const failures = [
      {
        accountId: 'acc-a',
        accountName: 'A',
        regionId: 'cn-shanghai',
        code: 'Throttling',
        kind: 'throttled',
        message: 'slow down',
        requestId: null,
      },
      {
        accountId: 'acc-b',
        accountName: 'B',
        regionId: null,
        code: 'InvalidAccessKeyId.NotFound',
        kind: 'auth',
        message: 'bad key',
        requestId: null,
      },
    ];
    expect(texts(scopeProblems({ accountIds: ['acc-a'] }, [cluster()], failures))).toEqual([
      'A cn-shanghai could not be listed (Throttling): slow down',
    ]);
    expect(texts(scopeProblems({ regionIds: ['cn-hangzhou'] }, [], failures))).toEqual([
      'B (all regions) could not be listed (InvalidAccessKeyId.NotFound): bad key',
    ]);
    expect(texts(scopeProblems({ clusterIds: ['c-hz-1', 'c-gone'] }, [cluster()], []))).toEqual([
      "Cluster c-gone is not among the fleet's clusters in the plan's scope.",
    ]);
  });
});

describe('plan verdicts from checklists', () => {
  it('is ready when nothing fails, and keeps warnings in the summary', () => {
    const item = itemFromChecklist(
      cluster(),
      checklist([check('cluster.state', 'pass'), check('key.deletionProtection', 'warn', 'off')]),
    );
    expect(item).toMatchObject({ status: 'ready', state: 'pending', reasons: [], notes: [] });
    expect(item.checklist).toMatchObject({
      ready: true,
      pass: 3, // with key.exists and key.state, which a change must confirm
      warn: 1,
      fail: 0,
      warnings: ['key.deletionProtection: off'],
    });
  });

  it('skips with each failing check as a reason', () => {
    const item = itemFromChecklist(
      cluster(),
      checklist([
        check('cluster.state', 'fail', 'The cluster is failed.'),
        check('key.rotation', 'fail', 'Rotation is on.'),
        check('key.spec', 'pass'),
      ]),
    );
    expect(item).toMatchObject({
      status: 'skipped',
      state: 'skipped',
      reasons: ['cluster.state: The cluster is failed.', 'key.rotation: Rotation is on.'],
    });
    expect(item.checklist?.failing).toEqual(['cluster.state', 'key.rotation']);
  });

  it('keeps a cluster inside its cooldown ready: it waits instead of being skipped', () => {
    const item = itemFromChecklist(
      cluster(),
      checklist([check('cluster.cooldown', 'fail', 'refused for 90 s more')]),
    );
    expect(item.status).toBe('ready');
    expect(item.notes).toEqual(['waits for the cooldown before starting: refused for 90 s more']);
    // ... but not when something else blocks it too.
    const blocked = itemFromChecklist(
      cluster(),
      checklist([check('cluster.cooldown', 'fail', 'wait'), check('key.state', 'fail', 'off')]),
    );
    expect(blocked).toMatchObject({ status: 'skipped', reasons: ['key.state: off'] });
  });

  it('says the key is in another region when the plan saw it exist elsewhere in the account', () => {
    const hz = cluster();
    const sh = cluster({ clusterId: 'c-sh', regionId: 'cn-shanghai' });
    const otherAccount = cluster({ clusterId: 'c-b', accountId: 'acc-b', regionId: 'cn-beijing' });
    const seen = keyRegionsSeen([
      {
        cluster: hz,
        checklist: checklist([
          check('key.exists', 'pass', 'exists', { arn: 'acs:kms:cn-hangzhou:1:key/key-1' }),
        ]),
      },
      { cluster: sh, checklist: null },
    ]);
    expect([...(seen.get('acc-a') ?? [])]).toEqual(['cn-hangzhou']);
    const missing = checklist(
      [check('key.exists', 'fail', 'Key key-1 does not exist')],
      'cn-shanghai',
    );
    expect(itemFromChecklist(sh, missing, seen).reasons).toEqual([
      'key.exists: key key-1 is in another region (cn-hangzhou); this cluster is in cn-shanghai',
    ]);
    // Another account never saw the key: the check's own words.
    expect(itemFromChecklist(otherAccount, missing, seen).reasons).toEqual([
      'key.exists: Key key-1 does not exist',
    ]);
  });

  it('skips a cluster whose key state could not be confirmed, saying so (no fail needed)', () => {
    // Under the old rule (ready = no fail) this item was ready.
    const item = itemFromChecklist(
      cluster(),
      checklist([check('key.state', 'unknown', 'Could not check the key: throttled.')]),
    );
    expect(item).toMatchObject({
      status: 'skipped',
      reasons: ['could not confirm key.state: Could not check the key: throttled.'],
    });
  });

  it('skips a cluster where nothing could be checked', () => {
    const unknown = (id: CheckResult['id']) => check(id, 'unknown', 'Could not check');
    const item = itemFromChecklist(
      cluster(),
      checklist([unknown('cluster.state'), unknown('key.exists'), unknown('key.state')]),
    );
    expect(item.status).toBe('skipped');
    expect(item.reasons).toEqual([
      'could not confirm cluster.state: Could not check',
      'could not confirm key.exists: Could not check',
      'could not confirm key.state: Could not check',
    ]);
  });

  it('summarises a checklist by status', () => {
    const s = summarise(
      checklist([
        check('cluster.state', 'pass'),
        check('key.state', 'unknown', 'Could not check'),
        check('caller.clusterRbac', 'manual'),
        check('key.rotation', 'fail'),
      ]),
    );
    // key.exists passes too (the helper adds it: a change must confirm it).
    expect(s).toMatchObject({ pass: 2, unknown: 1, manual: 1, fail: 1, failing: ['key.rotation'] });
    expect(s.warnings).toEqual(['key.state: Could not check']);
  });
});

describe('the plan request schema (also PLAN.json)', () => {
  const issues = (value: unknown) => {
    const r = batchPlanSchema.safeParse(value);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts an enable plan with a scope, and a disable plan with none', () => {
    expect(
      batchPlanSchema.parse({
        action: 'enable',
        keyId: 'key-hzz6demovalid000000001',
        scope: { accountIds: ['acc'], regionIds: ['cn-hangzhou'], onlyNotEncrypted: true },
      }).scope,
    ).toEqual({ accountIds: ['acc'], regionIds: ['cn-hangzhou'], onlyNotEncrypted: true });
    expect(batchPlanSchema.parse({ action: 'disable' }).scope).toEqual({});
  });

  it('says which field is wrong and why', () => {
    expect(issues({ action: 'enable' })).toEqual([
      'keyId: enable needs a keyId (every account and region), keys [{accountId, regionId, keyId}] (one per account and region) or keyChoice "recommended"',
    ]);
    expect(issues({ action: 'disable', keyId: 'key-abc' })[0]).toMatch(
      /^keyId: disable takes no keyId/,
    );
    expect(issues({ action: 'disable', scope: { onlyNotEncrypted: true } })).toEqual([
      'scope.onlyNotEncrypted: onlyNotEncrypted applies to enable only',
    ]);
    expect(
      issues({ action: 'enable', keyId: 'key-a', scope: { regionIds: ['Hangzhou'] } }),
    ).toEqual(['scope.regionIds.0: not a region id like cn-hangzhou']);
    expect(issues({ action: 'enable', keyId: 'key-a', scope: { region: 'x' } })[0]).toMatch(
      /^scope: Unrecognized key/,
    );
    expect(issues({ action: 'encrypt' })[0]).toMatch(/^action: /);
    expect(issues({ action: 'enable', keyId: 'not a key' })[0]).toMatch(/^keyId: not a KMS key id/);
  });
});

describe('a key change needs the key in use', () => {
  const key = (keyState: string) => ({
    key: {
      keyId: 'key-old',
      arn: 'acs:kms:cn-hangzhou:1:key/key-old',
      keySpec: 'Aliyun_AES_256',
      keyUsage: 'ENCRYPT/DECRYPT',
      keyState,
      automaticRotation: 'Disabled',
      deletionProtection: 'Disabled',
      protectionLevel: 'SOFTWARE',
      creator: null,
      origin: null,
      dkmsInstanceId: null,
      deleteDate: null,
      creationDate: null,
    },
  });

  it('objects when the key in use is not Enabled, or gone; notes when it cannot be read', () => {
    expect(keyInUseReason('key-old', key('Enabled'))).toBeNull();
    expect(keyInUseReason('key-old', key('PendingDeletion'))?.reason?.text).toMatch(
      /^key change: the key in use \(key-old\) is Pending deletion/,
    );
    const notFound = new CloudError('gone', {
      kind: 'notFound',
      product: 'kms',
      action: 'DescribeKey',
      cloudCode: 'Forbidden.KeyNotFound',
      httpStatus: 404,
      requestId: null,
    });
    expect(keyInUseReason('key-old', { error: notFound })?.reason?.text).toMatch(/was not found/);
    expect(keyInUseReason('key-old', { error: new Error('timeout') })?.note?.text).toBe(
      'the key in use (key-old) could not be read (timeout); the switch needs it Enabled.',
    );
  });

  it('turns an objection into a reason (skipped) or a note (ready)', () => {
    const ok = checklist([check('cluster.state', 'pass')]);
    expect(
      itemFromChecklist(cluster(), ok, new Map(), {
        reasons: [{ text: 'key change: no', words: [] }],
      }),
    ).toMatchObject({
      status: 'skipped',
      reasons: ['key change: no'],
    });
    expect(
      itemFromChecklist(cluster(), ok, new Map(), { notes: [{ text: 'careful', words: [] }] }),
    ).toMatchObject({
      status: 'ready',
      notes: ['careful'],
    });
  });
});
