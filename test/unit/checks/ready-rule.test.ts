// The checklist's safety rule (checks/result.ts readiness): ready when no check fails, every
// check a change must confirm could be made, and something could be checked at all. Other
// warn, unknown and manual are shown but do not block; one fail anywhere blocks.
import { describe, expect, it } from 'vitest';
import type { CheckId, CheckResult } from '../../../electron/contract/types/checks';
import { checksFor, runChecklist } from '../../../electron/core/checks/run';
import type { CloudSession } from '../../../electron/core/cloud/session';
import { cloudError } from './fake-context';
import { MUST_CONFIRM, readiness } from '../../../electron/core/checks/result';

const STATUSES: CheckResult['status'][] = ['pass', 'warn', 'unknown', 'manual', 'fail'];
/** The must-confirm checks of enabling, all passing, then the given statuses on other checks. */
const OTHERS: CheckId[] = [
  'key.rotation',
  'key.creator',
  'network.kmsEgress',
  'key.spec',
  'key.usage',
];
const confirmed = () => MUST_CONFIRM.enable.map((id) => ({ id, status: 'pass' as const }));
const of = (...statuses: CheckResult['status'][]) => [
  ...confirmed(),
  ...statuses.map((status, i) => ({ id: OTHERS[i % OTHERS.length]!, status })),
];
const ready = (checks: ReturnType<typeof of>) => readiness('enable', checks).ready;

describe('readiness', () => {
  it('is ready when every check passes', () => {
    expect(ready(of('pass', 'pass', 'pass'))).toBe(true);
  });

  it.each(['warn', 'unknown', 'manual'] as const)('a %s elsewhere does not block', (status) => {
    expect(ready(of('pass', status, 'pass'))).toBe(true);
    expect(ready(of(status))).toBe(true);
  });

  it('warn, unknown and manual together elsewhere still do not block', () => {
    expect(ready(of('warn', 'unknown', 'manual'))).toBe(true);
  });

  it.each([0, 1, 2, 3, 4])('one fail blocks, at position %i among all the other statuses', (at) => {
    const others = STATUSES.filter((s) => s !== 'fail');
    const checks = of(...others.slice(0, at), 'fail', ...others.slice(at));
    expect(ready(checks)).toBe(false);
  });

  it('several fails block', () => {
    expect(ready(of('fail', 'fail'))).toBe(false);
  });

  it('asks enabling to confirm the cluster state, that the key exists and that it is Enabled', () => {
    expect(MUST_CONFIRM.enable).toEqual(['cluster.state', 'key.exists', 'key.state']);
    expect(MUST_CONFIRM.disable).toEqual(['cluster.state', 'key.state']);
  });

  // Each of these was ready under the old rule (ready = no fail).
  it.each([
    ['enable', 'cluster.state'],
    ['enable', 'key.exists'],
    ['enable', 'key.state'],
    ['disable', 'cluster.state'],
    ['disable', 'key.state'],
  ] as const)('%s: an unknown or manual %s blocks, and is named', (action, id) => {
    for (const status of ['unknown', 'manual'] as const) {
      const checks = [
        ...MUST_CONFIRM[action].map((m) => ({
          id: m,
          status: m === id ? status : ('pass' as const),
        })),
        { id: 'key.rotation' as const, status: 'pass' as const },
      ];
      expect(readiness(action, checks)).toEqual({ ready: false, unconfirmed: [id] });
    }
  });

  it('a must-confirm check missing from the list blocks too', () => {
    const checks = [{ id: 'cluster.state' as const, status: 'pass' as const }];
    expect(readiness('enable', checks)).toEqual({
      ready: false,
      unconfirmed: ['key.exists', 'key.state'],
    });
  });

  it('a warning on a must-confirm check is confirmed (the check looked and saw)', () => {
    // Disabling with an Enabled key warns to keep it enabled: the state was seen.
    const checks = [
      { id: 'cluster.state' as const, status: 'pass' as const },
      { id: 'key.state' as const, status: 'warn' as const },
    ];
    expect(readiness('disable', checks)).toEqual({ ready: true, unconfirmed: [] });
  });

  it('a checklist where nothing could be checked is not ready', () => {
    expect(readiness('enable', []).ready).toBe(false);
    const allUnknown = of().map((c) => ({ ...c, status: 'unknown' as const }));
    expect(readiness('enable', allUnknown).ready).toBe(false);
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

  it('nothing readable but nothing failing: every check unknown, and NOT ready', async () => {
    const list = await runChecklist({ ...input, keyId: 'key-1' });
    expect(list.checks.map((c) => c.status)).toEqual(checksFor('enable').map(() => 'unknown'));
    expect(list.ready).toBe(false);
    expect(list.unconfirmed).toEqual(['cluster.state', 'key.exists', 'key.state']);
  });

  it('one failing check (no key chosen) makes it not ready', async () => {
    const list = await runChecklist({ ...input, keyId: null });
    expect(list.checks.find((c) => c.id === 'key.exists')?.status).toBe('fail');
    expect(list.checks.filter((c) => c.status === 'fail')).toHaveLength(1);
    expect(list.ready).toBe(false);
  });
});
