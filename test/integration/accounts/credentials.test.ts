// Credential resolution for the fleet: assumed-role credentials are cached until five minutes
// before they expire, shared by concurrent callers, refreshed after, and chained from the source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../electron/contract';
import { accountsOf } from '../../../electron/core/accounts';
import type { CallInfo } from '../../../electron/core/cloud/session';
import { getCallerIdentity } from '../../../electron/core/cloud/sts';
import { redactText } from '../../../electron/core/log/redact';
import { DEMO } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { MemorySecretStore } from '../../unit/accounts/fakes';
import { demoSecret, makeCore, startSim } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim?.stop());

describe('credentialsFor / sessionFor', () => {
  it('caches the assumed role until 5 minutes before expiry, then assumes again', async () => {
    let clock = Date.now();
    const calls: CallInfo[] = [];
    const core = makeCore({
      now: () => clock,
      accounts: {
        secretStore: new MemorySecretStore(),
        session: { retry: { maxAttempts: 1 }, onCall: (c) => calls.push(c) },
      },
    });
    const accounts = accountsOf(core.context);
    // The role's source is a RAM user: a root account cannot call AssumeRole.
    const source = await accounts.add({
      kind: 'access-key',
      name: 'engineer',
      accessKeyId: DEMO.accessKeys.logisticsEngineer,
      accessKeySecret: demoSecret(DEMO.accessKeys.logisticsEngineer),
      network: { endpoint: sim.url },
    });
    const role: Account = await accounts.add({
      kind: 'ram-role',
      name: 'role',
      sourceAccountId: source.id,
      roleArn: DEMO.factoryRoleArn,
      durationSeconds: 900,
      network: { endpoint: sim.url },
    });
    const assumes = () => calls.filter((c) => c.action === 'AssumeRole' && c.ok).length;
    expect(assumes()).toBe(1);
    const expiry = Date.parse(role.credentialExpiry!);

    // Many concurrent callers, one AssumeRole (the one the add's live check did).
    const first = await Promise.all(
      Array.from({ length: 10 }, () => accounts.credentialsFor(role.id)),
    );
    expect(new Set(first.map((c) => c.accessKeyId)).size).toBe(1);
    expect(assumes()).toBe(1);

    clock = expiry - 5 * 60_000 - 1_000; // just inside the window: still cached
    await accounts.credentialsFor(role.id);
    expect(assumes()).toBe(1);

    clock = expiry - 5 * 60_000 + 1_000; // inside the last five minutes: refreshed
    sim.control.advance((clock - Date.now()) / 1000); // the cloud's clock moves along
    const [a, b] = await Promise.all([
      accounts.credentialsFor(role.id),
      accounts.credentialsFor(role.id),
    ]);
    expect(assumes()).toBe(2);
    expect(a.accessKeyId).toBe(b.accessKeyId);
    expect(a.accessKeyId).not.toBe(first[0]!.accessKeyId);
    // The assumed role's secret and token are registered with the log's exact-value scrubber:
    // they cannot reach a log line or audit entry even without a name next to them.
    const leak = redactText(`assumed ${a.accessKeySecret} and ${a.securityToken} in a message`);
    expect(leak).not.toContain(a.accessKeySecret);
    expect(leak).not.toContain(a.securityToken!);
    // So is the source account's secret, read from the keychain.
    expect(redactText(`echo ${demoSecret(DEMO.accessKeys.logisticsEngineer)}`)).not.toContain(
      demoSecret(DEMO.accessKeys.logisticsEngineer),
    );
    const listed = (await core.api['accounts.list']({})).accounts.find((x) => x.id === role.id)!;
    expect(Date.parse(listed.credentialExpiry!)).toBeGreaterThan(expiry);

    // The session the fleet gets works and reports calls under the account's id.
    const session = await accounts.sessionFor(role.id);
    expect((await getCallerIdentity(session)).accountId).toBe(DEMO.accounts.factory.id);
    expect(calls.at(-1)).toMatchObject({
      accountKey: role.id,
      action: 'GetCallerIdentity',
      ok: true,
    });

    // An edit invalidates the cache.
    await accounts.update({ id: role.id, kind: 'ram-role', sessionName: 'edited' });
    const afterEdit = assumes();
    await accounts.credentialsFor(role.id);
    expect(assumes()).toBe(afterEdit);
    await core.dispose();
  });

  it('an expired STS token account fails locally with a clear auth error', async () => {
    let clock = Date.now();
    const core = makeCore({ now: () => clock, accounts: { secretStore: new MemorySecretStore() } });
    const accounts = accountsOf(core.context);
    // The role's source is a RAM user: a root account cannot call AssumeRole.
    const source = await accounts.add({
      kind: 'access-key',
      name: 'engineer',
      accessKeyId: DEMO.accessKeys.logisticsEngineer,
      accessKeySecret: demoSecret(DEMO.accessKeys.logisticsEngineer),
      network: { endpoint: sim.url },
    });
    const role = await accounts.add({
      kind: 'ram-role',
      name: 'role',
      sourceAccountId: source.id,
      roleArn: DEMO.factoryRoleArn,
      network: { endpoint: sim.url },
    });
    const c = await accounts.credentialsFor(role.id);
    const sts = await accounts.add({
      kind: 'sts-token',
      name: 'token',
      accessKeyId: c.accessKeyId,
      accessKeySecret: c.accessKeySecret,
      securityToken: c.securityToken!,
      expiration: new Date(clock + 60_000).toISOString(),
      network: { endpoint: sim.url },
    });
    clock += 120_000;
    await expect(accounts.credentialsFor(sts.id)).rejects.toMatchObject({
      code: 'cloud',
      details: { kind: 'auth', cloudCode: 'InvalidSecurityToken.Expired' },
    });
    await expect(core.api['accounts.test']({ id: sts.id })).rejects.toMatchObject({
      code: 'cloud',
      details: { field: 'securityToken' },
    });
    await expect(accounts.credentialsFor('missing')).rejects.toMatchObject({ code: 'not-found' });
    await core.dispose();
  });

  it('refuses a loop of role accounts', async () => {
    const core = makeCore({ accounts: { secretStore: new MemorySecretStore() } });
    const accounts = accountsOf(core.context);
    // The role's source is a RAM user: a root account cannot call AssumeRole.
    const source = await accounts.add({
      kind: 'access-key',
      name: 'engineer',
      accessKeyId: DEMO.accessKeys.logisticsEngineer,
      accessKeySecret: demoSecret(DEMO.accessKeys.logisticsEngineer),
      network: { endpoint: sim.url },
    });
    const role = await accounts.add({
      kind: 'ram-role',
      name: 'role',
      sourceAccountId: source.id,
      roleArn: DEMO.factoryRoleArn,
      network: { endpoint: sim.url },
    });
    await expect(
      accounts.update({ id: role.id, kind: 'ram-role', sourceAccountId: role.id }),
    ).rejects.toMatchObject({
      code: 'validation',
      details: { field: 'sourceAccountId' },
    });
    await core.dispose();
  });
});
