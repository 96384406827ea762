// Every cloud call of an account goes through its proxy: a real HTTP CONNECT proxy on loopback
// that demands a password, in front of a TLS front (a certificate made at test time) for the
// simulator. The test host names (*.guard.test) exist only behind the proxy, so a call that went
// around it could not reach anything. The accounts are real (password in the real keychain), and
// the role account's credentials come from an AssumeRole made through the proxy as well.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../electron/contract';
import { accountsOf } from '../../../electron/core/accounts';
import { listKeyIds } from '../../../electron/core/cloud/kms';
import { listClusters } from '../../../electron/core/cloud/cs';
import { CloudError } from '../../../electron/core/cloud/errors';
import { shouldRetry } from '../../../electron/core/cloud/retry';
import { describeSecurityGroupType } from '../../../electron/core/cloud/ecs';
import { getRole } from '../../../electron/core/cloud/ram';
import { CloudLimits, CloudSession } from '../../../electron/core/cloud/session';
import type { AccountNetwork } from '../../../electron/core/cloud/session';
import { getCallerIdentity } from '../../../electron/core/cloud/sts';
import { MAX_ANSWER_BYTES } from '../../../electron/core/cloud/transport-errors';
import { describeVSwitch } from '../../../electron/core/cloud/vpc';
import { lookupEvents } from '../../../electron/core/cloud/actiontrail';
import { dispatch } from '../../../electron/core/dispatch';
import type { Core } from '../../../electron/core/service';
import { DEMO, demoCredentials } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import {
  TEST_DOMAIN,
  TEST_ENDPOINT,
  makePki,
  startConnectProxy,
  startHostileEndpoint,
  startTlsFront,
} from '../../support/net-fixtures';
import type { ConnectProxy, TestPki, TlsFront } from '../../support/net-fixtures';
import { makeCore, startSim } from '../accounts/helpers';

const PASSWORD = `proxyPw-${Math.random().toString(36).slice(2)}`;
const WRONG = `wrongPw-${Math.random().toString(36).slice(2)}`;
const secretOf = (accessKeyId: string) =>
  demoCredentials().find((c) => c.accessKeyId === accessKeyId)!.accessKeySecret;
const rootSecret = secretOf(DEMO.accessKeys.retailRoot);

let sim: Simulator;
let pki: TestPki;
let front: TlsFront;
let proxy: ConnectProxy;
let core: Core;

beforeAll(async () => {
  sim = await startSim();
  pki = makePki();
  front = await startTlsFront(pki, sim.port);
  proxy = await startConnectProxy({
    auth: { user: 'alice', password: PASSWORD },
    resolve: (host, port) =>
      host.endsWith(`.${TEST_DOMAIN}`) && port === 443
        ? { host: '127.0.0.1', port: front.port }
        : null,
  });
  core = makeCore();
});
afterAll(async () => {
  await core?.dispose();
  await proxy?.close();
  await front?.close();
  await sim?.stop();
});

const proxyUrl = (password: string) => `http://alice:${password}@127.0.0.1:${proxy.port}`;

async function op<T>(name: string, input: unknown): Promise<T> {
  const reply = await dispatch(core.api, name, input, () => undefined);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

/** A session outside the registry, for the network variations (same transport code). */
function session(network: AccountNetwork, env: NodeJS.ProcessEnv = {}): CloudSession {
  return new CloudSession({
    accountKey: `t-${Math.random()}`,
    credentials: async () => ({
      accessKeyId: DEMO.accessKeys.retailRoot,
      accessKeySecret: rootSecret,
    }),
    network,
    env,
    limits: new CloudLimits(),
    retry: { maxAttempts: 1 },
    timeouts: { connectMs: 3_000, readMs: 10_000 },
  });
}

async function failure(p: Promise<unknown>): Promise<CloudError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(CloudError);
    return error as CloudError;
  }
  throw new Error('expected the call to fail');
}

describe('the account proxy', () => {
  it('carries every product call, the live checks and the role assumption, and nothing goes around it', async () => {
    const network = {
      endpoint: TEST_ENDPOINT,
      proxy: proxyUrl(PASSWORD),
      caBundlePath: pki.caPath,
    };
    // accounts.add runs the live check (STS GetCallerIdentity), through the proxy.
    const root = (
      await op<{ account: Account }>('accounts.add', {
        kind: 'access-key',
        name: 'Proxied root',
        accessKeyId: DEMO.accessKeys.retailRoot,
        accessKeySecret: rootSecret,
        network,
      })
    ).account;
    expect(root.network.proxy).toEqual({
      url: `http://alice:****@127.0.0.1:${proxy.port}`,
      hasPassword: true,
    });
    // The role account: AssumeRole with a RAM user's credentials (a root AccessKey may not
    // assume roles), through that account's proxy.
    const engineer = (
      await op<{ account: Account }>('accounts.add', {
        kind: 'access-key',
        name: 'Proxied engineer',
        accessKeyId: DEMO.accessKeys.logisticsEngineer,
        accessKeySecret: secretOf(DEMO.accessKeys.logisticsEngineer),
        network,
      })
    ).account;
    const role = (
      await op<{ account: Account }>('accounts.add', {
        kind: 'ram-role',
        name: 'Proxied role',
        sourceAccountId: engineer.id,
        roleArn: DEMO.factoryRoleArn,
        network,
      })
    ).account;
    expect(proxy.targets).toContain(`sts-cn-hangzhou.${TEST_DOMAIN}:443`);

    // A fresh resolver state: the role is assumed again while resolving credentials.
    const accounts = accountsOf(core.context);
    accounts.credentials.invalidate(role.id);
    const s = await accounts.sessionFor(root.id);
    const r = await accounts.sessionFor(role.id);
    const before = proxy.tunnels;

    expect((await getCallerIdentity(r)).accountId).toBe(DEMO.accounts.factory.id);
    expect(
      (await listClusters(s, { regionId: 'cn-hangzhou', profile: 'Edge' })).length,
    ).toBeGreaterThan(0);
    expect((await listKeyIds(s, 'cn-hangzhou')).length).toBeGreaterThan(0);
    expect((await getRole(s, 'AliyunCSManagedSecurityRole')).role.roleName).toBe(
      'AliyunCSManagedSecurityRole',
    );
    await describeSecurityGroupType(s, 'cn-hangzhou', DEMO.securityGroups.basicOpen);
    await describeVSwitch(s, 'cn-hangzhou', DEMO.vswitches.noAcl);
    await lookupEvents(s, {
      regionId: 'cn-hangzhou',
      attributes: [{ key: 'ServiceName', value: 'Kms' }],
      maxResults: 5,
    });

    expect(proxy.tunnels).toBeGreaterThan(before);
    for (const product of ['cs', 'kms', 'ram', 'sts', 'ecs', 'vpc', 'actiontrail'])
      expect(proxy.targets, product).toContain(`${product}-cn-hangzhou.${TEST_DOMAIN}:443`);
    // Every TLS connection the endpoint accepted came through a tunnel, for the right name.
    expect(front.connections).toBe(proxy.tunnels);
    expect(front.serverNames.every((n) => n.endsWith(`.${TEST_DOMAIN}`))).toBe(true);
    expect(proxy.forwarded).toBe(0);
    expect(proxy.refused).toBe(0);
  });

  it('names the proxy, not "credentials refused", when it refuses the password, and never shows it', async () => {
    const refusedBefore = proxy.refused;
    const error = await failure(
      getCallerIdentity(
        session({ endpoint: TEST_ENDPOINT, proxy: proxyUrl(WRONG), caBundlePath: pki.caPath }),
      ),
    );
    expect(error.kind).toBe('proxy');
    expect(shouldRetry(error, true)).toBe(false); // not even for a read
    expect(error.message).toContain(
      `the proxy at 127.0.0.1:${proxy.port} refused the credentials (HTTP 407)`,
    );
    expect(proxy.refused).toBe(refusedBefore + 1);

    // Through the contract too: the add is refused with that sentence, and nothing leaks.
    const reply = await dispatch(
      core.api,
      'accounts.add',
      {
        kind: 'access-key',
        name: 'Wrong proxy password',
        accessKeyId: DEMO.accessKeys.retailRoot,
        accessKeySecret: rootSecret,
        network: { endpoint: TEST_ENDPOINT, proxy: proxyUrl(WRONG), caBundlePath: pki.caPath },
      },
      () => undefined,
    );
    expect(reply.ok).toBe(false);
    const text = JSON.stringify(reply);
    expect(text).toContain('refused the credentials');
    for (const secret of [WRONG, PASSWORD, rootSecret]) expect(text).not.toContain(secret);
    for (const secret of [WRONG, PASSWORD])
      expect(`${error.message} ${error.stack}`).not.toContain(secret);
  });

  it('says the proxy wants credentials when none were given', async () => {
    const error = await failure(
      getCallerIdentity(
        session({
          endpoint: TEST_ENDPOINT,
          proxy: `http://127.0.0.1:${proxy.port}`,
          caBundlePath: pki.caPath,
        }),
      ),
    );
    expect(error.kind).toBe('proxy');
    expect(error.message).toContain(`the proxy at 127.0.0.1:${proxy.port} wants credentials`);
  });

  it('names the proxy when it cannot be reached or will not tunnel to the host', async () => {
    const closed = await startConnectProxy({ resolve: () => null });
    await closed.close();
    const unreachable = await failure(
      getCallerIdentity(session({ endpoint: TEST_ENDPOINT, proxy: closed.url })),
    );
    expect(unreachable.kind).toBe('network');
    expect(unreachable.message).toContain(
      `the proxy at 127.0.0.1:${closed.port} (the account's proxy) cannot be reached (ECONNREFUSED)`,
    );
    const elsewhere = await failure(
      getCallerIdentity(
        session({ endpoint: 'https://{product}.elsewhere.test', proxy: proxyUrl(PASSWORD) }),
      ),
    );
    expect(elsewhere.kind).toBe('network');
    expect(elsewhere.message).toContain(
      `the proxy at 127.0.0.1:${proxy.port} would not open a tunnel to sts.elsewhere.test:443 (HTTP 502`,
    );
  });

  it('uses HTTPS_PROXY when the account has no proxy', async () => {
    const before = proxy.tunnels;
    const who = await getCallerIdentity(
      session(
        { endpoint: TEST_ENDPOINT, caBundlePath: pki.caPath },
        { HTTPS_PROXY: proxyUrl(PASSWORD) },
      ),
    );
    expect(who.accountId).toBe(DEMO.accounts.retail.id);
    expect(proxy.tunnels).toBe(before + 1);
  });

  it('honours NO_PROXY: a listed host is reached directly, others still through the proxy', async () => {
    const network = {
      endpoint: TEST_ENDPOINT,
      proxy: proxyUrl(PASSWORD),
      caBundlePath: pki.caPath,
    };
    for (const noProxy of [
      TEST_DOMAIN,
      `.${TEST_DOMAIN}`,
      `*.${TEST_DOMAIN}`,
      '*',
      `example.org, sts-cn-hangzhou.${TEST_DOMAIN}`,
    ]) {
      const targets = proxy.targets.length;
      const error = await failure(getCallerIdentity(session(network, { NO_PROXY: noProxy })));
      // Directly, the client looks the name up itself, and .test names do not exist.
      expect(error.kind, noProxy).toBe('network');
      expect(error.message, noProxy).not.toContain('proxy at');
      expect(proxy.targets.length, noProxy).toBe(targets);
    }
    const targets = proxy.targets.length;
    await getCallerIdentity(
      session(network, { no_proxy: `example.org,.aliyuncs.com,${TEST_DOMAIN}:8443` }),
    );
    expect(proxy.targets.length).toBe(targets + 1);
  });
});

describe('TLS end to end', () => {
  it('verifies the endpoint through the tunnel against the account CA bundle', async () => {
    const network = { endpoint: TEST_ENDPOINT, proxy: proxyUrl(PASSWORD) };
    const wrongCa = await failure(
      getCallerIdentity(session({ ...network, caBundlePath: pki.otherCaPath })),
    );
    expect(wrongCa.kind).toBe('tls');
    expect(wrongCa.message).toContain(
      `the TLS certificate of sts-cn-hangzhou.${TEST_DOMAIN}:443 through the proxy at 127.0.0.1:${proxy.port} could not be verified`,
    );
    // Without the bundle the system roots alone do not know the test CA either.
    expect((await failure(getCallerIdentity(session(network)))).kind).toBe('tls');
    expect(
      (await getCallerIdentity(session({ ...network, caBundlePath: pki.caPath }))).accountId,
    ).toBe(DEMO.accounts.retail.id);
  });

  it('verifies an https:// proxy against the same bundle, and says when the proxy is the one not trusted', async () => {
    const tlsProxy = await startConnectProxy({
      tls: pki,
      resolve: () => ({ host: '127.0.0.1', port: front.port }),
    });
    try {
      const network = { endpoint: TEST_ENDPOINT, proxy: tlsProxy.url };
      expect(
        (await getCallerIdentity(session({ ...network, caBundlePath: pki.caPath }))).accountId,
      ).toBe(DEMO.accounts.retail.id);
      expect(tlsProxy.tunnels).toBe(1);
      const untrusted = await failure(
        getCallerIdentity(session({ ...network, caBundlePath: pki.otherCaPath })),
      );
      expect(untrusted.kind).toBe('tls');
      expect(untrusted.message).toContain(
        `the TLS certificate of the proxy at 127.0.0.1:${tlsProxy.port} could not be verified`,
      );
      expect(tlsProxy.tunnels).toBe(1);
    } finally {
      await tlsProxy.close();
    }
  });

  it('verifies a direct (loopback) https endpoint too', async () => {
    const endpoint = `https://127.0.0.1:${front.port}`;
    const tunnels = proxy.tunnels;
    const accepted = front.connections;
    expect(
      (await getCallerIdentity(session({ endpoint, caBundlePath: pki.caPath }))).accountId,
    ).toBe(DEMO.accounts.retail.id);
    expect(front.connections).toBe(accepted + 1);
    expect(proxy.tunnels).toBe(tunnels); // loopback never goes through a proxy
    expect(
      (await failure(getCallerIdentity(session({ endpoint, caBundlePath: pki.otherCaPath })))).kind,
    ).toBe('tls');
  });

  it('refuses a CA bundle that is not PEM, naming the file', async () => {
    await expect(
      getCallerIdentity(
        session({ endpoint: TEST_ENDPOINT, caBundlePath: `${pki.dir}/server.ext` }),
      ),
    ).rejects.toThrow(/server\.ext holds no PEM certificate/);
  });
});

describe('bounded answers', () => {
  for (const declareLength of [false, true]) {
    it(`stops reading an endless answer (${declareLength ? 'declared' : 'streamed'} length)`, async () => {
      const hostile = await startHostileEndpoint({ totalBytes: 512 * 1024 * 1024, declareLength });
      try {
        const error = await failure(getCallerIdentity(session({ endpoint: hostile.url })));
        expect(error.kind).toBe('tooLarge');
        expect(shouldRetry(error, true)).toBe(false); // not even for a read
        expect(error.message).toContain(
          `the answer from ${hostile.url.replace('http://', '')} was larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB; stopped reading`,
        );
        await hostile.finished();
        // The client hung up long before the 512 MB: what the server got out is the cap (when
        // streamed) plus what the loopback socket buffers hold.
        expect(hostile.sent()).toBeLessThan(MAX_ANSWER_BYTES + 48 * 1024 * 1024);
        if (!declareLength) expect(hostile.sent()).toBeGreaterThan(MAX_ANSWER_BYTES);
      } finally {
        await hostile.close();
      }
    });
  }
});
