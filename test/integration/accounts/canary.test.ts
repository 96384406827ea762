// A canary: unique secrets are planted (an AccessKey secret the simulator accepts, a proxy
// password, the STS secret and token the simulator hands out, wrong secrets for the error
// paths), every accounts operation and error path runs through the contract's dispatcher and
// the CLI, and then none of those strings may appear in the data folder, any reply or event,
// the captured console/call log, stdout/stderr, or any error message. The keychain is the only
// place allowed to hold them, and the test checks that it does (so the canary really flew).
import { runMain } from '../../support/cli-in-process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../../electron/contract';
import { accountsOf } from '../../../electron/core/accounts';
import type { CallInfo } from '../../../electron/core/cloud/session';
import { dispatch } from '../../../electron/core/dispatch';
import type { Core } from '../../../electron/core/service';
import { DEMO, FIXTURES } from '../../../simulator';
import type { FixtureInput, Simulator } from '../../../simulator';
import { tempDir } from '../../unit/accounts/fakes';
import {
  TEST_DOMAIN,
  TEST_ENDPOINT,
  makePki,
  startConnectProxy,
  startTlsFront,
} from '../../support/net-fixtures';
import type { ConnectProxy, TestPki, TlsFront } from '../../support/net-fixtures';
import { makeCore, readTree, secretToolLookup, startSim } from './helpers';

const tag = randomBytes(6).toString('hex');
const CANARY_SECRET = `canarySecret${tag}AKx`;
const CANARY_PROXY = `canaryProxyPw${tag}`;
const CANARY_PROXY_2 = `canaryProxyPwTwo${tag}`;
const CANARY_WRONG = `canaryWrongSecret${tag}`;
const CANARY_CLI = `canaryCliOnlySecret${tag}`;
const CANARY_PROXY_WRONG = `canaryProxyWrong${tag}`;
const canaries = [
  CANARY_SECRET,
  CANARY_PROXY,
  CANARY_PROXY_2,
  CANARY_WRONG,
  CANARY_CLI,
  CANARY_PROXY_WRONG,
];

let sim: Simulator;
// A real proxy that wants the canary password, in front of the simulator over TLS: the proxy
// password really travels (and is really refused when wrong) on these paths.
let pki: TestPki;
let front: TlsFront;
let proxy: ConnectProxy;
let core: Core;
const seen: { where: string; text: string }[] = [];
const record = (where: string, value: unknown) =>
  seen.push({ where, text: typeof value === 'string' ? value : JSON.stringify(value) });

beforeAll(async () => {
  // The demo world, with the AccessKey secret of the RAM user field-engineer replaced by the
  // canary (it is also the source of the role: a root account cannot call AssumeRole).
  const fixture = FIXTURES.demo!() as FixtureInput & {
    accounts: { accessKeys?: { id: string; secret: string }[] }[];
  };
  const key = fixture.accounts
    .flatMap((a) => a.accessKeys ?? [])
    .find((k) => k.id === DEMO.accessKeys.logisticsEngineer)!;
  key.secret = CANARY_SECRET;
  sim = await startSim({ fixture });
  pki = makePki();
  front = await startTlsFront(pki, sim.port);
  proxy = await startConnectProxy({
    auth: { user: 'carol', password: CANARY_PROXY },
    resolve: (host, port) =>
      host.endsWith(`.${TEST_DOMAIN}`) && port === 443
        ? { host: '127.0.0.1', port: front.port }
        : null,
  });
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) =>
      record(`console.${method}`, args.map(String).join(' ')),
    );
  core = makeCore({
    accounts: {
      session: {
        retry: { maxAttempts: 1 },
        onCall: (info: CallInfo) => record('call log', info),
      },
    },
  });
  core.events.subscribe((name, payload) => record(`event ${name}`, payload));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await core?.dispose();
  await proxy?.close();
  await front?.close();
  await sim?.stop();
});

async function op(name: string, input: unknown) {
  const reply = await dispatch(core.api, name, input, (operation, error) =>
    record(`unexpected ${operation}`, `${String(error)} ${(error as Error)?.stack ?? ''}`),
  );
  record(`reply ${name}`, reply);
  return reply;
}

function value<T>(reply: Awaited<ReturnType<typeof op>>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

async function cli(argv: string[], stdin = '') {
  const result = await runMain(['--data-dir', core.context.dataDir, ...argv], { stdin });
  record(`cli ${argv.join(' ')} stdout`, result.out);
  record(`cli ${argv.join(' ')} stderr`, result.err);
  return result;
}

describe('canary secrets leak nowhere', () => {
  it('runs every operation and error path', async () => {
    const endpoint = { endpoint: sim.url };
    const accessKey = (name: string, secret: string, extra: object = {}) => ({
      kind: 'access-key',
      name,
      accessKeyId: DEMO.accessKeys.logisticsEngineer,
      accessKeySecret: secret,
      network: endpoint,
      ...extra,
    });

    // Error paths before anything exists.
    expect((await op('accounts.add', accessKey('bad', CANARY_WRONG))).ok).toBe(false);
    expect((await op('accounts.add', accessKey('bad', `${CANARY_WRONG} with space`))).ok).toBe(
      false,
    );
    expect(
      (await op('accounts.add', { ...accessKey('bad', CANARY_SECRET), bogus: CANARY_WRONG })).ok,
    ).toBe(false);
    expect(
      (await op('accounts.add', { ...accessKey('bad', CANARY_SECRET), accessKeyId: CANARY_WRONG }))
        .ok,
    ).toBe(false);
    expect(
      (
        await op(
          'accounts.add',
          accessKey('bad', CANARY_SECRET, {
            network: { ...endpoint, proxy: `http://:${CANARY_PROXY}@proxy:1` },
          }),
        )
      ).ok,
    ).toBe(false);
    expect(
      (
        await op(
          'accounts.add',
          accessKey('bad', CANARY_SECRET, {
            network: { ...endpoint, proxy: `ftp://u:${CANARY_PROXY}@proxy:1` },
          }),
        )
      ).ok,
    ).toBe(false);

    // The happy path, with an authenticated proxy (skipped for the loopback simulator).
    const root = value<{ account: Account }>(
      await op(
        'accounts.add',
        accessKey('Canary root', CANARY_SECRET, {
          network: { ...endpoint, proxy: `http://alice:${CANARY_PROXY}@proxy.invalid:3128` },
        }),
      ),
    ).account;
    expect(root.network.proxy).toEqual({
      url: 'http://alice:****@proxy.invalid:3128',
      hasPassword: true,
    });
    expect(await secretToolLookup(root.id)).toContain(CANARY_SECRET);
    expect(await secretToolLookup(root.id)).toContain(CANARY_PROXY);
    expect((await op('accounts.add', accessKey('Canary root', CANARY_SECRET))).ok).toBe(false); // name taken

    // Through a real proxy that checks the password: right, then wrong (add and update).
    const proxied = (password: string) => ({
      endpoint: TEST_ENDPOINT,
      proxy: `http://carol:${password}@127.0.0.1:${proxy.port}`,
      caBundlePath: pki.caPath,
    });
    const viaProxy = value<{ account: Account }>(
      await op(
        'accounts.add',
        accessKey('Canary proxied', CANARY_SECRET, { network: proxied(CANARY_PROXY) }),
      ),
    ).account;
    value(await op('accounts.test', { id: viaProxy.id }));
    const refused = await op(
      'accounts.add',
      accessKey('Canary refused', CANARY_SECRET, { network: proxied(CANARY_PROXY_WRONG) }),
    );
    expect(JSON.stringify(refused)).toContain('refused the credentials');
    const refusedUpdate = await op('accounts.update', {
      id: viaProxy.id,
      kind: viaProxy.kind,
      network: proxied(CANARY_PROXY_WRONG),
    });
    expect(refusedUpdate.ok).toBe(false);
    expect(JSON.stringify(refusedUpdate)).toContain('refused the credentials');
    expect(proxy.tunnels).toBeGreaterThan(0);
    expect(proxy.refused).toBeGreaterThanOrEqual(2);

    // aliyun CLI import, with canaries in the CLI's file.
    const cliFile = path.join(tempDir(), 'config.json');
    writeFileSync(
      cliFile,
      JSON.stringify({
        current: 'ok',
        profiles: [
          {
            name: 'wrong',
            mode: 'AK',
            access_key_id: DEMO.accessKeys.retailRoot,
            access_key_secret: CANARY_CLI,
          },
          {
            name: 'dup',
            mode: 'AK',
            access_key_id: DEMO.accessKeys.logisticsEngineer,
            access_key_secret: CANARY_SECRET,
          },
          {
            name: 'role',
            mode: 'RamRoleArn',
            access_key_id: DEMO.accessKeys.logisticsEngineer,
            access_key_secret: CANARY_SECRET,
            ram_role_arn: DEMO.factoryRoleArn,
            ram_session_name: 'imported',
          },
          { name: 'ecs', mode: 'EcsRamRole', ram_role_name: 'x' },
        ],
      }),
    );
    await op('accounts.importCli.preview', { path: cliFile });
    const applied = value<{ results: { ok: boolean }[] }>(
      await op('accounts.importCli.apply', {
        path: cliFile,
        network: endpoint,
        selections: [
          { profile: 'wrong' },
          { profile: 'dup' },
          { profile: 'role', name: 'Imported role' },
          { profile: 'ecs' },
        ],
      }),
    );
    expect(applied.results.map((r) => r.ok)).toEqual([false, false, true, false]);

    const role = value<{ account: Account }>(
      await op('accounts.add', {
        kind: 'ram-role',
        name: 'Canary role',
        sourceAccountId: root.id,
        roleArn: DEMO.factoryRoleArn,
        network: endpoint,
      }),
    ).account;
    // The STS secret and token the simulator minted are secrets too.
    const minted = await accountsOf(core.context).credentialsFor(role.id);
    canaries.push(minted.accessKeySecret, minted.securityToken!);
    const stsInput = {
      kind: 'sts-token',
      name: 'Canary token',
      accessKeyId: minted.accessKeyId,
      accessKeySecret: minted.accessKeySecret,
      securityToken: minted.securityToken,
      expiration: new Date(Date.now() + 20 * 60_000).toISOString(),
      network: endpoint,
    };
    expect(
      (await op('accounts.add', { ...stsInput, securityToken: `${minted.securityToken}x` })).ok,
    ).toBe(false);
    expect((await op('accounts.add', { ...stsInput, accessKeySecret: CANARY_WRONG })).ok).toBe(
      false,
    );
    expect((await op('accounts.add', { ...stsInput, expiration: '2001-01-01T00:00:00Z' })).ok).toBe(
      false,
    );
    const sts = value<{ account: Account }>(await op('accounts.add', stsInput)).account;

    expect(
      (
        await op('accounts.add', {
          kind: 'ram-role',
          name: 'r-bad',
          sourceAccountId: root.id,
          roleArn: `acs:ram::${DEMO.accounts.factory.id}:role/nope`,
          network: endpoint,
        })
      ).ok,
    ).toBe(false);

    await op('accounts.list', {});
    for (const a of [root, role, sts]) value(await op('accounts.test', { id: a.id }));
    expect((await op('accounts.test', { id: 'no-such-id' })).ok).toBe(false);

    // Updates: cosmetic, a new proxy password, the redacted URL sent back, wrong credentials.
    value(
      await op('accounts.update', {
        id: root.id,
        kind: root.kind,
        name: 'Canary root 2',
        colour: 'red',
      }),
    );
    value(
      await op('accounts.update', {
        id: root.id,
        kind: root.kind,
        network: { proxy: `http://alice:${CANARY_PROXY_2}@proxy.invalid:3128` },
      }),
    );
    value(
      await op('accounts.update', {
        id: root.id,
        kind: root.kind,
        network: { proxy: 'http://alice:****@proxy.invalid:3128' },
      }),
    );
    expect(await secretToolLookup(root.id)).toContain(CANARY_PROXY_2);
    expect(
      (await op('accounts.update', { id: root.id, kind: root.kind, accessKeySecret: CANARY_WRONG }))
        .ok,
    ).toBe(false);
    expect(
      (await op('accounts.update', { id: role.id, kind: role.kind, accessKeySecret: CANARY_WRONG }))
        .ok,
    ).toBe(false);
    expect(
      (await op('accounts.update', { id: sts.id, kind: sts.kind, securityToken: CANARY_WRONG })).ok,
    ).toBe(false);

    // The CLI: add with stdin, list, test, import, error paths, remove.
    const cliRoot = await cli(
      [
        'accounts',
        'add',
        '--name',
        'Cli root',
        '--type',
        'access-key',
        '--access-key-id',
        DEMO.accessKeys.logisticsEngineer,
        '--secret-stdin',
        '--endpoint',
        sim.url,
        '--proxy',
        'http://bob@proxy.invalid:3128',
        '--proxy-password-stdin',
      ],
      `${CANARY_SECRET}\n${CANARY_PROXY}\n`,
    );
    expect(cliRoot.code, cliRoot.err).toBe(0);
    expect(
      (
        await cli(
          [
            'accounts',
            'add',
            '--name',
            'Cli bad',
            '--type',
            'access-key',
            '--access-key-id',
            DEMO.accessKeys.logisticsEngineer,
            '--secret-stdin',
            '--endpoint',
            sim.url,
          ],
          `${CANARY_WRONG}\n`,
        )
      ).code,
    ).toBe(4);
    expect(
      (
        await cli([
          'accounts',
          'add',
          '--name',
          'Cli bad',
          '--type',
          'access-key',
          '--access-key-id',
          DEMO.accessKeys.logisticsEngineer,
          '--secret-stdin',
          CANARY_WRONG,
        ])
      ).code,
    ).toBe(2);
    expect(
      (
        await cli(
          [
            'accounts',
            'add',
            '--name',
            'Cli bad',
            '--type',
            'access-key',
            '--access-key-id',
            DEMO.accessKeys.logisticsEngineer,
            '--secret-stdin',
            '--endpoint',
            sim.url,
            '--proxy',
            `http://bob:${CANARY_PROXY}@p:1`,
          ],
          `${CANARY_SECRET}\n`,
        )
      ).code,
    ).toBe(2);
    expect(
      (
        await cli(
          [
            'accounts',
            'add',
            '--name',
            'Cli sts',
            '--type',
            'sts-token',
            '--access-key-id',
            minted.accessKeyId,
            '--expiration',
            '2001-01-01T00:00:00Z',
            '--secret-stdin',
            '--endpoint',
            sim.url,
          ],
          `${minted.accessKeySecret}\n${minted.securityToken}\n`,
        )
      ).code,
    ).toBe(2);
    expect((await cli(['--json', 'accounts', 'list'])).code).toBe(0);
    expect((await cli(['accounts', 'list'])).code).toBe(0);
    expect((await cli(['accounts', 'test', 'Cli root'])).code).toBe(0);
    expect((await cli(['accounts', 'test', 'Canary proxied'])).code).toBe(0);
    expect((await cli(['--json', 'accounts', 'test', 'Canary token'])).code).toBe(0);
    expect((await cli(['accounts', 'import-aliyun-cli', '--config', cliFile])).code).toBe(0);
    expect(
      (
        await cli([
          '--json',
          'accounts',
          'import-aliyun-cli',
          '--config',
          cliFile,
          '--profile',
          'wrong',
          '--apply',
          '--endpoint',
          sim.url,
        ])
      ).code,
    ).toBe(4);

    // Removal of everything (role accounts first: they depend on the roots).
    const all = value<{ accounts: Account[] }>(await op('accounts.list', {})).accounts;
    expect((await op('accounts.remove', { id: root.id })).ok).toBe(false); // still a source
    for (const a of [...all].sort(
      (x, y) => (x.kind === 'ram-role' ? -1 : 0) - (y.kind === 'ram-role' ? -1 : 0),
    )) {
      if (a.name === 'Cli root')
        expect((await cli(['accounts', 'remove', 'Cli root'])).code).toBe(0);
      else value(await op('accounts.remove', { id: a.id }));
      expect(await secretToolLookup(a.id)).toBeNull();
    }
    expect(value<{ accounts: Account[] }>(await op('accounts.list', {})).accounts).toEqual([]);
  });

  it('finds the canaries nowhere but the (now empty) keychain', () => {
    const files = readTree(core.context.dataDir).map((f) => ({ where: f.file, text: f.text }));
    expect(files.length).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(50);
    for (const { where, text } of [...files, ...seen]) {
      for (const canary of canaries) {
        if (text.includes(canary)) throw new Error(`a secret leaked into ${where}`);
      }
    }
  });
});
