// The `accounts` command end to end: the CLI in-process over the real keychain and the
// simulator, secrets on stdin, human and JSON output, and the promised exit codes.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { runMain } from '../../support/cli-in-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsOf } from '../../../electron/core/accounts';
import { createCore } from '../../../electron/core/service';
import { DEMO } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { tempDir } from '../../unit/accounts/fakes';
import { demoSecret, secretToolLookup, startSim } from './helpers';

let sim: Simulator;
const dataDir = tempDir();
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim?.stop());

function cli(argv: string[], stdin = '') {
  return runMain(['--data-dir', dataDir, ...argv], { stdin });
}

describe('ack-secret-guard accounts', () => {
  it('adds all three kinds, lists, tests and removes them', async () => {
    const root = await cli(
      [
        'accounts',
        'add',
        '--name',
        'Logistics',
        '--type',
        'access-key',
        '--access-key-id',
        DEMO.accessKeys.logisticsEngineer,
        '--secret-stdin',
        '--endpoint',
        sim.url,
        '--regions',
        'cn-hangzhou,cn-beijing',
      ],
      `${demoSecret(DEMO.accessKeys.logisticsEngineer)}\n`,
    );
    expect(root.code, root.err).toBe(0);
    expect(root.out).toContain(
      `RAMUser acs:ram::${DEMO.accounts.logistics.id}:user/${DEMO.users.fieldEngineer.name}`,
    );

    const role = await cli([
      '--json',
      'accounts',
      'add',
      '--name',
      'Factory',
      '--type',
      'ram-role',
      '--source-account',
      'logistics',
      '--role-arn',
      DEMO.factoryRoleArn,
      '--session-name',
      'cli',
      '--duration',
      '1800',
      '--endpoint',
      sim.url,
    ]);
    expect(role.code, role.err).toBe(0);
    const roleAccount = JSON.parse(role.out).account;
    expect(roleAccount).toMatchObject({
      kind: 'ram-role',
      durationSeconds: 1800,
      identity: { identityType: 'AssumedRoleUser' },
    });

    // An STS token from the simulator, fed as two stdin lines.
    const core = createCore({ dataDir, version: 't', env: {} });
    const minted = await accountsOf(core.context).credentialsFor(roleAccount.id);
    await core.dispose();
    const sts = await cli(
      [
        'accounts',
        'add',
        '--name',
        'Token',
        '--type',
        'sts-token',
        '--access-key-id',
        minted.accessKeyId,
        '--expiration',
        new Date(Date.now() + 600_000).toISOString(),
        '--secret-stdin',
        '--endpoint',
        sim.url,
      ],
      `${minted.accessKeySecret}\r\n${minted.securityToken}\r\n`,
    );
    expect(sts.code, sts.err).toBe(0);

    const list = await cli(['accounts', 'list', '--json']);
    const accounts = JSON.parse(list.out).accounts as { id: string; name: string }[];
    expect(accounts.map((a) => a.name)).toEqual(['Logistics', 'Factory', 'Token']);
    const human = await cli(['accounts', 'list']);
    expect(human.out).toContain('regions:  cn-hangzhou,cn-beijing');
    expect(human.out).toContain('expires ');

    for (const name of ['Logistics', 'Factory', 'Token'])
      expect((await cli(['accounts', 'test', name])).code).toBe(0);

    expect((await cli(['accounts', 'remove', 'Logistics'])).code).toBe(2); // still a source: conflict
    for (const name of ['Token', 'Factory', 'Logistics'])
      expect((await cli(['accounts', 'remove', name])).code).toBe(0);
    for (const a of accounts) expect(await secretToolLookup(a.id)).toBeNull();
  });

  it('exit codes: 2 for usage and invalid input, 4 for refused credentials', async () => {
    const addRoot = [
      'accounts',
      'add',
      '--name',
      'X',
      '--type',
      'access-key',
      '--access-key-id',
      DEMO.accessKeys.retailRoot,
      '--secret-stdin',
      '--endpoint',
      sim.url,
    ];
    expect(await cli(addRoot, '')).toMatchObject({
      code: 2,
      err: expect.stringContaining('line 1'),
    });
    expect(await cli(addRoot, 'wrong-secret-value\n')).toMatchObject({
      code: 4,
      err: expect.stringContaining('error (cloud)'),
    });
    expect(
      await cli(
        [
          'accounts',
          'add',
          '--name',
          'X',
          '--type',
          'sts-token',
          '--access-key-id',
          'LTAI5tNotSts0000001',
          '--expiration',
          '2030-01-01T00:00:00Z',
          '--secret-stdin',
        ],
        's\nt\n',
      ),
    ).toMatchObject({ code: 2 });
    expect(await cli(['accounts', 'test', 'nobody'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('no account named'),
    });
    expect(await cli(['accounts', 'bogus'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('Usage:'),
    });
    expect(await cli(['accounts', 'add', '--help'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('--secret-stdin'),
    });
    expect(
      await cli(['accounts', 'import-aliyun-cli', '--config', '/nonexistent/config.json']),
    ).toMatchObject({ code: 2 });
  });

  it('refuses a role account whose source is a root AccessKey, saying why and what to do', async () => {
    const root = await cli(
      [
        'accounts',
        'add',
        '--name',
        'Retail root',
        '--type',
        'access-key',
        '--access-key-id',
        DEMO.accessKeys.retailRoot,
        '--secret-stdin',
        '--endpoint',
        sim.url,
      ],
      `${demoSecret(DEMO.accessKeys.retailRoot)}\n`,
    );
    expect(root.code, root.err).toBe(0);
    const role = await cli([
      'accounts',
      'add',
      '--name',
      'Factory',
      '--type',
      'ram-role',
      '--source-account',
      'Retail root',
      '--role-arn',
      DEMO.factoryRoleArn,
      '--endpoint',
      sim.url,
    ]);
    expect(role.code).toBe(2);
    expect(role.err).toContain('AssumeRole must be called by a RAM user or role');
    expect(role.err).toContain(
      `Save a RAM user's AccessKey for account ${DEMO.accounts.retail.id}`,
    );
    expect((await cli(['accounts', 'remove', 'Retail root'])).code).toBe(0);
  });
});

describe('first run', () => {
  it('accounts add works where the data folder does not exist yet, and makes it owner-only', async () => {
    const fresh = path.join(tempDir(), 'never-ran', 'ACK Secret Guard');
    expect(existsSync(fresh)).toBe(false);
    const added = await runMain(
      [
        '--data-dir',
        fresh,
        'accounts',
        'add',
        '--name',
        'First',
        '--type',
        'access-key',
        '--access-key-id',
        DEMO.accessKeys.retailRoot,
        '--secret-stdin',
        '--endpoint',
        sim.url,
        '--regions',
        'cn-hangzhou',
      ],
      { stdin: `${demoSecret(DEMO.accessKeys.retailRoot)}\n` },
    );
    expect(added.code, added.err).toBe(0);
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    const listed = await runMain(['--data-dir', fresh, '--json', 'accounts', 'list']);
    const { accounts } = JSON.parse(listed.out) as { accounts: { id: string; name: string }[] };
    expect(accounts.map((a) => a.name)).toEqual(['First']);
    expect((await runMain(['--data-dir', fresh, 'accounts', 'remove', 'First'])).code).toBe(0);
  });
});
