// The checklist's safety rule: ready iff no check fails. warn, unknown and manual are shown but
// do not block; one fail anywhere blocks, whichever check it is and wherever it sits.
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../electron/contract/types/checks';
import { checksFor, runChecklist } from '../../../electron/core/checks/run';
import type { CloudSession } from '../../../electron/core/cloud/session';
import { cloudError } from './fake-context';
import { isReady } from '../../../electron/core/checks/result';

const STATUSES: CheckResult['status'][] = ['pass', 'warn', 'unknown', 'manual', 'fail'];
const of = (...statuses: CheckResult['status'][]) => statuses.map((status) => ({ status }));

describe('isReady', () => {
  it('is ready when every check passes', () => {
    expect(isReady(of('pass', 'pass', 'pass'))).toBe(true);
  });

  it.each(['warn', 'unknown', 'manual'] as const)('a %s does not block', (status) => {
    expect(isReady(of('pass', status, 'pass'))).toBe(true);
    expect(isReady(of(status))).toBe(true);
  });

  it('warn, unknown and manual together still do not block', () => {
    expect(isReady(of('warn', 'unknown', 'manual'))).toBe(true);
  });

  it.each([0, 1, 2, 3, 4])('one fail blocks, at position %i among all the other statuses', (at) => {
    const others = STATUSES.filter((s) => s !== 'fail');
    const checks = of(...others.slice(0, at), 'fail', ...others.slice(at));
    expect(isReady(checks)).toBe(false);
  });

  it('several fails block', () => {
    expect(isReady(of('fail', 'fail'))).toBe(false);
  });
});

describe('the checks each action runs', () => {
  // The ready rule is only as safe as the list it runs over: what must be there, is.
  it('enabling checks the cluster, the key, who may act and the network path', () => {
    expect(checksFor('enable')).toEqual([
      'cluster.edition',
      'cluster.state',
      'cluster.cooldown',
      'cluster.encryption',
      'key.exists',
      'key.region',
      'key.spec',
      'key.usage',
      'key.state',
      'key.rotation',
      'key.creator',
      'key.deletionProtection',
      'role.csManagedSecurity',
      'caller.kmsCryptoAdmin',
      'caller.clusterRbac',
      'network.kmsEgress',
    ]);
  });

  it('disabling checks the cluster, the key in use, the service role and the RBAC', () => {
    expect(checksFor('disable')).toEqual([
      'cluster.edition',
      'cluster.state',
      'cluster.cooldown',
      'cluster.encryption',
      'key.state',
      'role.csManagedSecurity',
      'caller.clusterRbac',
    ]);
  });
});

describe('runChecklist applies the rule', () => {
  // A cloud that answers nothing: every check that needs it is `unknown`, none is `fail`.
  const silent = {
    accountKey: 'silent',
    call: async () => {
      throw cloudError('network');
    },
  } as unknown as CloudSession;
  const input = {
    session: silent,
    accountId: 'acc-1',
    clusterId: 'c-1',
    regionId: 'cn-hangzhou',
    action: 'enable' as const,
    now: Date.parse('2026-06-01T12:00:00Z'),
  };

  it('nothing readable but nothing failing: ready, every check unknown (as the rule stands)', async () => {
    const list = await runChecklist({ ...input, keyId: 'key-1' });
    expect(list.checks.map((c) => c.status)).toEqual(checksFor('enable').map(() => 'unknown'));
    expect(list.ready).toBe(true);
  });

  it('one failing check (no key chosen) makes it not ready', async () => {
    const list = await runChecklist({ ...input, keyId: null });
    expect(list.checks.find((c) => c.id === 'key.exists')?.status).toBe('fail');
    expect(list.checks.filter((c) => c.status === 'fail')).toHaveLength(1);
    expect(list.ready).toBe(false);
  });
});
