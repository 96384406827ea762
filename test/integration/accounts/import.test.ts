// Import from an aliyun CLI config with a profile of every mode: AK, StsToken and RamRoleArn
// become checked accounts; every other mode is refused with its reason; the file is untouched.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsOf } from '../../../electron/core/accounts';
import { DEMO } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { everyModeConfig } from '../../unit/accounts/aliyun-fixture';
import { tempDir } from '../../unit/accounts/fakes';
import { demoSecret, makeCore, secretToolLookup, startSim } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim?.stop());

describe('accounts.importCli', () => {
  it('previews, then imports the selected profiles of every supported mode', async () => {
    const core = makeCore();
    const accounts = accountsOf(core.context);
    // Real credentials for the simulator in the three supported modes.
    const config = everyModeConfig(Date.now());
    const byName = (n: string) => config.profiles.find((p) => p.name === n)!;
    Object.assign(byName('ak'), {
      access_key_id: DEMO.accessKeys.logisticsAuditor,
      access_key_secret: demoSecret(DEMO.accessKeys.logisticsAuditor),
    });
    // AssumeRole needs a RAM user (or role) as the caller, never a root AccessKey (docs §7).
    Object.assign(byName('role'), {
      access_key_id: DEMO.accessKeys.logisticsEngineer,
      access_key_secret: demoSecret(DEMO.accessKeys.logisticsEngineer),
      ram_role_arn: DEMO.factoryRoleArn,
    });
    // An STS token minted by the simulator, via a throw-away role account.
    const tmpRoot = await accounts.add({
      kind: 'access-key',
      name: 'tmp-source',
      accessKeyId: DEMO.accessKeys.logisticsEngineer,
      accessKeySecret: demoSecret(DEMO.accessKeys.logisticsEngineer),
      network: { endpoint: sim.url },
    });
    const tmpRole = await accounts.add({
      kind: 'ram-role',
      name: 'tmp-role',
      sourceAccountId: tmpRoot.id,
      roleArn: DEMO.factoryRoleArn,
      network: { endpoint: sim.url },
    });
    const minted = await accounts.credentialsFor(tmpRole.id);
    Object.assign(byName('sts'), {
      access_key_id: minted.accessKeyId,
      access_key_secret: minted.accessKeySecret,
      sts_token: minted.securityToken,
    });
    await accounts.remove(tmpRole.id);
    await accounts.remove(tmpRoot.id);

    const file = path.join(tempDir(), 'config.json');
    const text = JSON.stringify(config, null, 2);
    writeFileSync(file, text);
    const mtime = statSync(file).mtimeMs;

    const preview = await core.api['accounts.importCli.preview']({ path: file });
    const p = Object.fromEntries(preview.profiles.map((x) => [x.profile, x]));
    expect(Object.keys(p)).toHaveLength(15);
    expect(p.ak).toMatchObject({
      importable: true,
      kind: 'access-key',
      current: true,
      suggestedName: 'ak',
    });
    expect(p.sts).toMatchObject({ importable: true, kind: 'sts-token' });
    expect(p.role).toMatchObject({
      importable: true,
      kind: 'ram-role',
      roleArn: DEMO.factoryRoleArn,
    });
    for (const n of [
      'ecs',
      'rsa',
      'chain',
      'ext',
      'uri',
      'oidc',
      'sso',
      'weird',
      'sts-old',
      'sts-noexp',
      'ak-empty',
    ])
      expect(p[n]).toMatchObject({ importable: false, reason: expect.any(String) });
    // The preview carries no secret: only ids and ARNs.
    expect(JSON.stringify(preview)).not.toContain(demoSecret(DEMO.accessKeys.logisticsEngineer));
    expect(JSON.stringify(preview)).not.toContain(minted.securityToken);

    const applied = await core.api['accounts.importCli.apply']({
      path: file,
      network: { endpoint: sim.url },
      selections: [
        { profile: 'ak', name: 'Imported engineer' },
        { profile: 'sts' },
        { profile: 'role' },
        { profile: 'ecs' },
        { profile: 'nope' },
      ],
    });
    const r = Object.fromEntries(applied.results.map((x) => [x.profile, x]));
    expect(r.ak).toMatchObject({
      ok: true,
      accounts: [{ name: 'Imported engineer', identity: { identityType: 'RAMUser' } }],
    });
    expect(r.sts).toMatchObject({
      ok: true,
      accounts: [{ kind: 'sts-token', identity: { identityType: 'AssumedRoleUser' } }],
    });
    // RamRoleArn: its AccessKey becomes the source account, then the role.
    expect(r.role).toMatchObject({
      ok: true,
      accounts: [
        { kind: 'access-key', name: 'role-source', identity: { identityType: 'RAMUser' } },
        { kind: 'ram-role', name: 'role', sessionName: 'cli-session', durationSeconds: 900 },
      ],
    });
    expect(r.ecs).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(r.nope).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const list = (await core.api['accounts.list']({})).accounts;
    expect(list.map((a) => a.name).sort()).toEqual([
      'Imported engineer',
      'role',
      'role-source',
      'sts',
    ]);
    for (const a of list.filter((x) => x.kind !== 'ram-role'))
      expect(await secretToolLookup(a.id)).not.toBeNull();

    // A second import of the same profiles is refused as already saved.
    const again = await core.api['accounts.importCli.preview']({ path: file });
    expect(again.profiles.find((x) => x.profile === 'ak')).toMatchObject({
      importable: false,
      alreadyImportedAs: expect.any(String),
    });
    const second = await core.api['accounts.importCli.apply']({
      path: file,
      selections: [{ profile: 'role' }],
    });
    expect(second.results[0]).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mtimeMs).toBe(mtime);
    for (const a of [...list].sort((x) => (x.kind === 'ram-role' ? -1 : 1)))
      await accounts.remove(a.id);
    await core.dispose();
  });

  it('a RamRoleArn profile whose role is refused leaves no source account behind', async () => {
    const core = makeCore();
    const file = path.join(tempDir(), 'config.json');
    writeFileSync(
      file,
      JSON.stringify({
        profiles: [
          {
            name: 'badrole',
            mode: 'RamRoleArn',
            access_key_id: DEMO.accessKeys.logisticsEngineer,
            access_key_secret: demoSecret(DEMO.accessKeys.logisticsEngineer),
            ram_role_arn: `acs:ram::${DEMO.accounts.factory.id}:role/missing`,
          },
        ],
      }),
    );
    const applied = await core.api['accounts.importCli.apply']({
      path: file,
      network: { endpoint: sim.url },
      selections: [{ profile: 'badrole' }],
    });
    expect(applied.results[0]).toMatchObject({
      ok: false,
      error: { code: 'cloud', details: { field: 'roleArn' } },
    });
    expect((await core.api['accounts.list']({})).accounts).toEqual([]);
    await core.dispose();
  });

  it('a RamRoleArn profile with a root AccessKey is refused with the reason, and leaves no source account behind', async () => {
    const core = makeCore();
    const file = path.join(tempDir(), 'config.json');
    writeFileSync(
      file,
      JSON.stringify({
        profiles: [
          {
            name: 'badrole',
            mode: 'RamRoleArn',
            access_key_id: DEMO.accessKeys.retailRoot,
            access_key_secret: demoSecret(DEMO.accessKeys.retailRoot),
            ram_role_arn: DEMO.factoryRoleArn,
          },
        ],
      }),
    );
    const applied = await core.api['accounts.importCli.apply']({
      path: file,
      network: { endpoint: sim.url },
      selections: [{ profile: 'badrole' }],
    });
    expect(applied.results[0]).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        details: { field: 'sourceAccountId', reason: 'root-source' },
        message: expect.stringMatching(/^AssumeRole must be called by a RAM user or role: /),
      },
    });
    expect((await core.api['accounts.list']({})).accounts).toEqual([]);
    await core.dispose();
  });
});
