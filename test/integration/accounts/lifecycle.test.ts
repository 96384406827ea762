// Add, list, test, update and remove accounts of all three kinds against the simulator, with
// the real Secret Service; secret-tool confirms the keychain items appear and disappear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../electron/contract';
import type { Core } from '../../../electron/core/service';
import { accountsOf } from '../../../electron/core/accounts';
import { dispatch } from '../../../electron/core/dispatch';
import { getCallerIdentity } from '../../../electron/core/cloud/sts';
import { DEMO } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { demoSecret, makeCore, secretToolLookup, startSim } from './helpers';

let sim: Simulator;
let core: Core;
const events: unknown[] = [];

beforeAll(async () => {
  sim = await startSim();
  core = makeCore();
  core.events.subscribe((name, payload) => events.push({ name, payload }));
});
afterAll(async () => {
  await core?.dispose();
  await sim?.stop();
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const reply = await dispatch(core.api, name, input);
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

async function fail(name: string, input: unknown) {
  const reply = await dispatch(core.api, name, input);
  if (reply.ok) throw new Error(`${name} unexpectedly succeeded`);
  return reply.error;
}

describe('accounts against the simulator and the real keychain', () => {
  let root: Account;
  let engineer: Account;
  let role: Account;
  let sts: Account;

  it('adds an AccessKey account for a root account after checking it with STS', async () => {
    ({ account: root } = await call<{ account: Account }>('accounts.add', {
      kind: 'access-key',
      name: 'Retail root',
      accessKeyId: DEMO.accessKeys.retailRoot,
      accessKeySecret: demoSecret(DEMO.accessKeys.retailRoot),
      network: { endpoint: sim.url },
    }));
    expect(root.identity).toMatchObject({
      accountId: DEMO.accounts.retail.id,
      identityType: 'Account',
      arn: `acs:ram::${DEMO.accounts.retail.id}:root`,
    });
    expect(root.regions).toBeNull();
    const item = await secretToolLookup(root.id);
    expect(item).toContain(demoSecret(DEMO.accessKeys.retailRoot));
  });

  it('adds a RAM user AccessKey account', async () => {
    ({ account: engineer } = await call<{ account: Account }>('accounts.add', {
      kind: 'access-key',
      name: 'Logistics engineer',
      accessKeyId: DEMO.accessKeys.logisticsEngineer,
      accessKeySecret: demoSecret(DEMO.accessKeys.logisticsEngineer),
      regions: ['cn-hangzhou', 'cn-shanghai'],
      colour: 'teal',
      network: { endpoint: sim.url },
    }));
    expect(engineer.identity).toMatchObject({
      accountId: DEMO.accounts.logistics.id,
      identityType: 'RAMUser',
      arn: `acs:ram::${DEMO.accounts.logistics.id}:user/${DEMO.users.fieldEngineer.name}`,
    });
    expect(engineer.regions).toEqual(['cn-hangzhou', 'cn-shanghai']);
  });

  it('adds a RAM role account chained from the RAM user (not the root account), with its expiry visible', async () => {
    ({ account: role } = await call<{ account: Account }>('accounts.add', {
      kind: 'ram-role',
      name: 'Factory ops',
      sourceAccountId: engineer.id,
      roleArn: DEMO.factoryRoleArn,
      sessionName: 'guard-test',
      durationSeconds: 3600,
      network: { endpoint: sim.url },
    }));
    expect(role.identity).toMatchObject({
      accountId: DEMO.accounts.factory.id,
      identityType: 'AssumedRoleUser',
    });
    expect(role.kind).toBe('ram-role');
    expect(Date.parse(role.credentialExpiry!)).toBeGreaterThan(Date.now() + 50 * 60_000);
    // A role account holds no secret of its own: no keychain item.
    expect(await secretToolLookup(role.id)).toBeNull();
  });

  it('adds an STS token account from credentials the role handed out', async () => {
    const creds = await accountsOf(core.context).credentialsFor(role.id);
    const expiration = new Date(Date.now() + 30 * 60_000).toISOString();
    ({ account: sts } = await call<{ account: Account }>('accounts.add', {
      kind: 'sts-token',
      name: 'Factory token',
      accessKeyId: creds.accessKeyId,
      accessKeySecret: creds.accessKeySecret,
      securityToken: creds.securityToken,
      expiration,
      network: { endpoint: sim.url },
    }));
    expect(sts).toMatchObject({ kind: 'sts-token', expiration, credentialExpiry: expiration });
    expect(sts.identity?.identityType).toBe('AssumedRoleUser');
    expect(await secretToolLookup(sts.id)).toContain(creds.securityToken!);
  });

  it('lists all four, and gives the fleet a working CloudSession for each', async () => {
    const { accounts } = await call<{ accounts: Account[] }>('accounts.list', {});
    expect(accounts.map((a) => a.name)).toEqual([
      'Retail root',
      'Logistics engineer',
      'Factory ops',
      'Factory token',
    ]);
    for (const a of accounts) {
      const session = await accountsOf(core.context).sessionFor(a.id);
      const who = await getCallerIdentity(session);
      expect(who.accountId).toBe(a.identity!.accountId);
    }
  });

  it('tests each account again and records when', async () => {
    for (const a of [root, engineer, role, sts]) {
      const result = await call<{ identity: { checkedAt: string } }>('accounts.test', { id: a.id });
      expect(Date.parse(result.identity.checkedAt)).toBeGreaterThanOrEqual(
        Date.parse(a.identity!.checkedAt),
      );
    }
  });

  it('updates names, colours and regions without touching the keychain item', async () => {
    const before = await secretToolLookup(engineer.id);
    const { account } = await call<{ account: Account }>('accounts.update', {
      id: engineer.id,
      kind: engineer.kind,
      name: 'Logistics field engineer',
      colour: 'orange',
      regions: null,
    });
    expect(account).toMatchObject({
      name: 'Logistics field engineer',
      colour: 'orange',
      regions: null,
    });
    expect(await secretToolLookup(engineer.id)).toBe(before);
  });

  it('updates a role account (new session name) and re-assumes it (before the key of its source changes)', async () => {
    const { account } = await call<{ account: Account }>('accounts.update', {
      id: role.id,
      kind: role.kind,
      sessionName: 'guard-test-2',
    });
    expect(account.kind === 'ram-role' && account.sessionName).toBe('guard-test-2');
    expect(account.identity?.arn).toContain('guard-test-2');
  });

  it('updates credentials only after the new ones pass the check', async () => {
    const refused = await fail('accounts.update', {
      id: engineer.id,
      kind: engineer.kind,
      accessKeyId: DEMO.accessKeys.logisticsAuditor,
      accessKeySecret: 'definitely-the-wrong-secret',
    });
    expect(refused).toMatchObject({ code: 'cloud', details: { field: 'accessKeySecret' } });
    expect(await secretToolLookup(engineer.id)).toContain(
      demoSecret(DEMO.accessKeys.logisticsEngineer),
    );
    const { account } = await call<{ account: Account }>('accounts.update', {
      id: engineer.id,
      kind: engineer.kind,
      accessKeyId: DEMO.accessKeys.logisticsAuditor,
      accessKeySecret: demoSecret(DEMO.accessKeys.logisticsAuditor),
    });
    expect(account.identity?.arn).toContain(`user/${DEMO.users.auditor.name}`);
    expect(await secretToolLookup(engineer.id)).toContain(
      demoSecret(DEMO.accessKeys.logisticsAuditor),
    );
  });

  it('refuses an update of another kind, or with a field of another kind, and changes nothing', async () => {
    const before = await secretToolLookup(engineer.id);
    const listed = async () =>
      (await call<{ accounts: Account[] }>('accounts.list', {})).accounts.find(
        (a) => a.id === engineer.id,
      );
    const saved = await listed();
    const otherKind = await fail('accounts.update', {
      id: engineer.id,
      kind: 'ram-role',
      roleArn: DEMO.factoryRoleArn,
    });
    expect(otherKind).toMatchObject({ code: 'validation', details: { field: 'kind' } });
    expect(otherKind.message).toContain('is an access-key account, not ram-role');
    const foreign = await fail('accounts.update', {
      id: engineer.id,
      kind: 'access-key',
      roleArn: DEMO.factoryRoleArn,
    });
    expect(foreign).toMatchObject({ code: 'validation' });
    expect(foreign.message).toContain('roleArn does not apply to an access-key account');
    expect(await listed()).toEqual(saved);
    expect(await secretToolLookup(engineer.id)).toBe(before);
  });

  it('refuses to remove a source account while a role uses it', async () => {
    expect(await fail('accounts.remove', { id: engineer.id })).toMatchObject({ code: 'conflict' });
  });

  it('removes all of them, keychain items included', async () => {
    for (const a of [sts, role, engineer, root]) {
      await call('accounts.remove', { id: a.id });
      expect(await secretToolLookup(a.id)).toBeNull();
    }
    expect(await call('accounts.list', {})).toEqual({ accounts: [] });
    expect(
      events.filter((e) => (e as { name: string }).name === 'accounts.changed').length,
    ).toBeGreaterThan(8);
  });
});

describe('refusals name the wrong part', () => {
  const base = () => ({ kind: 'access-key', network: { endpoint: sim.url } });

  it('unknown key, bad secret, disabled key', async () => {
    expect(
      await fail('accounts.add', {
        ...base(),
        name: 'x1',
        accessKeyId: 'LTAI5tNoSuchKeyAnywhere01',
        accessKeySecret: 'whatever-secret-1234',
      }),
    ).toMatchObject({
      code: 'cloud',
      details: { field: 'accessKeyId', cloudCode: 'InvalidAccessKeyId.NotFound' },
    });
    expect(
      await fail('accounts.add', {
        ...base(),
        name: 'x2',
        accessKeyId: DEMO.accessKeys.retailRoot,
        accessKeySecret: 'not-the-right-secret',
      }),
    ).toMatchObject({
      code: 'cloud',
      details: { field: 'accessKeySecret', cloudCode: 'SignatureDoesNotMatch' },
    });
    expect(
      await fail('accounts.add', {
        ...base(),
        name: 'x3',
        accessKeyId: DEMO.accessKeys.logisticsEngineerDisabled,
        accessKeySecret: demoSecret(DEMO.accessKeys.logisticsEngineerDisabled),
      }),
    ).toMatchObject({
      code: 'cloud',
      details: { field: 'accessKeyId', cloudCode: 'InvalidAccessKeyId.Inactive' },
    });
    expect(await call('accounts.list', {})).toEqual({ accounts: [] });
  });

  it('role not assumable (root-account source, untrusted source, missing role), expired token', async () => {
    const { account: eng } = await call<{ account: Account }>('accounts.add', {
      ...base(),
      name: 'eng',
      accessKeyId: DEMO.accessKeys.logisticsEngineer,
      accessKeySecret: demoSecret(DEMO.accessKeys.logisticsEngineer),
    });
    // A service role trusts only its service, not the engineer's account.
    const notTrusted = await fail('accounts.add', {
      kind: 'ram-role',
      name: 'r1',
      sourceAccountId: eng.id,
      roleArn: `acs:ram::${DEMO.accounts.retail.id}:role/AliyunCSManagedSecurityRole`,
      network: { endpoint: sim.url },
    });
    expect(notTrusted).toMatchObject({ code: 'cloud', details: { field: 'roleArn' } });
    expect(notTrusted.message).toMatch(/cannot be assumed/);
    // A token that expires in the simulated world while our clock still thinks it is fine.
    const { account: rootAcc } = await call<{ account: Account }>('accounts.add', {
      ...base(),
      name: 'root2',
      accessKeyId: DEMO.accessKeys.retailRoot,
      accessKeySecret: demoSecret(DEMO.accessKeys.retailRoot),
    });
    // The root account cannot call AssumeRole: said before STS is even asked (docs §7).
    const fromRoot = await fail('accounts.add', {
      kind: 'ram-role',
      name: 'r0',
      sourceAccountId: rootAcc.id,
      roleArn: DEMO.factoryRoleArn,
      network: { endpoint: sim.url },
    });
    expect(fromRoot).toMatchObject({
      code: 'validation',
      details: { field: 'sourceAccountId', reason: 'root-source' },
    });
    expect(fromRoot.message).toBe(
      `AssumeRole must be called by a RAM user or role: the source account "root2" is the root account ${DEMO.accounts.retail.id}'s AccessKey. Save a RAM user's AccessKey for account ${DEMO.accounts.retail.id} (with AliyunSTSAssumeRoleAccess) and assume the role from it.`,
    );
    const missing = await fail('accounts.add', {
      kind: 'ram-role',
      name: 'r2',
      sourceAccountId: eng.id,
      roleArn: `acs:ram::${DEMO.accounts.factory.id}:role/no-such-role`,
      network: { endpoint: sim.url },
    });
    expect(missing).toMatchObject({
      code: 'cloud',
      details: { field: 'roleArn', cloudCode: 'EntityNotExist.Role' },
    });
    const { account: r } = await call<{ account: Account }>('accounts.add', {
      kind: 'ram-role',
      name: 'r3',
      sourceAccountId: eng.id,
      roleArn: DEMO.factoryRoleArn,
      durationSeconds: 900,
      network: { endpoint: sim.url },
    });
    const creds = await accountsOf(core.context).credentialsFor(r.id);
    sim.control.advance(3600);
    const expired = await fail('accounts.add', {
      kind: 'sts-token',
      name: 'expired',
      accessKeyId: creds.accessKeyId,
      accessKeySecret: creds.accessKeySecret,
      securityToken: creds.securityToken,
      expiration: new Date(Date.now() + 600_000).toISOString(),
      network: { endpoint: sim.url },
    });
    expect(expired).toMatchObject({
      code: 'cloud',
      details: { field: 'securityToken', cloudCode: 'InvalidSecurityToken.Expired' },
    });
    // A source that turns into a root AccessKey later: the role's test says why it cannot work.
    await call('accounts.update', {
      id: eng.id,
      kind: eng.kind,
      accessKeyId: DEMO.accessKeys.retailRoot,
      accessKeySecret: demoSecret(DEMO.accessKeys.retailRoot),
    });
    const tested = await fail('accounts.test', { id: r.id });
    expect(tested).toMatchObject({
      code: 'validation',
      details: { field: 'sourceAccountId', reason: 'root-source' },
    });
    expect(tested.message).toMatch(/^AssumeRole must be called by a RAM user or role: /);
    // Later calls (no test first) meet STS's own refusal, explained the same way.
    await expect(accountsOf(core.context).credentialsFor(r.id)).rejects.toMatchObject({
      details: { field: 'sourceAccountId', cloudCode: 'NoPermission' },
      message: expect.stringMatching(/^AssumeRole must be called by a RAM user or role: /),
    });
    for (const a of [r, rootAcc, eng]) await call('accounts.remove', { id: a.id });
  });
});
