// The demo account end to end through the core: demo.start runs the simulator in-process and
// saves three demo accounts (root account, RAM user, RAM role) whose secrets go to the REAL
// keychain (run inside scripts/with-keyring.sh); demo.stop removes them and stops the simulator;
// a restarted core brings saved demo accounts back to a new simulator.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TIME_SCALE, demoOf } from '../../../electron/core/demo';
import type { Core } from '../../../electron/core/service';
import { DEMO } from '../../../simulator';
import { makeCore, secretToolLookup } from '../accounts/helpers';
import { tempDir } from '../../unit/accounts/fakes';

const cores: Core[] = [];
function core(dataDir = tempDir('ack-sg-demo-')): Core {
  const c = makeCore({ dataDir });
  cores.push(c);
  return c;
}

afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose();
});

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/__sim/health`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

describe('demo account', () => {
  it('starts the simulated cloud and adds the root, RAM user and role accounts', async () => {
    const c = core();
    expect((await c.api['app.info']({})).demo).toBe(false);
    const status = await c.api['demo.start']({});
    expect(status.running).toBe(true);
    expect(status.accounts.map((a) => [a.kind, a.demo])).toEqual([
      ['access-key', true],
      ['access-key', true],
      ['ram-role', true],
    ]);
    const sim = demoOf(c.context).sim!;
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.control.summary().timeScale).toBe(DEMO_TIME_SCALE);
    for (const a of status.accounts) expect(a.network.endpoint).toBe(sim.url);
    // Identities come from the live check against the simulator.
    expect(status.accounts.map((a) => a.identity?.identityType)).toEqual([
      'Account',
      'RAMUser',
      'AssumedRoleUser',
    ]);
    expect(status.accounts[2]!.identity?.accountId).toBe(DEMO.accounts.factory.id);
    expect((await c.api['app.info']({})).demo).toBe(true);
    // Secrets are in the keychain, not in the answer.
    expect(await secretToolLookup(status.accounts[0]!.id)).toContain('accessKeySecret');
    expect(JSON.stringify(status)).not.toContain('demo-secret');

    // The fleet sees the demo clusters through the saved accounts.
    await c.api['fleet.refresh']({});
    const snapshot = (await c.api['fleet.snapshot']({}))!;
    expect(snapshot.clusters.some((x) => x.clusterId === DEMO.clusters.happy)).toBe(true);
    expect(snapshot.clusters.some((x) => x.clusterId === DEMO.clusters.logisticsAdmin)).toBe(true);
    expect(snapshot.clusters.some((x) => x.clusterId === DEMO.clusters.factoryNoServiceRole)).toBe(
      true,
    ); // The welcome page's count is the fleet's: app.info counts the fixture as the fleet lists it
    // (Edge Pro; the fixture's Edge Basic and two ACK Pro clusters are not listed).
    expect((await c.api['app.info']({})).demoCloud).toEqual({
      accounts: status.accounts.length,
      clusters: snapshot.clusters.length,
    });
  });

  it('is idempotent: a second start keeps the same accounts', async () => {
    const c = core();
    const first = await c.api['demo.start']({});
    const second = await c.api['demo.start']({});
    expect(second.accounts.map((a) => a.id)).toEqual(first.accounts.map((a) => a.id));
  });

  it('stop removes the demo accounts, their keychain items, and stops the simulator', async () => {
    const c = core();
    const { accounts } = await c.api['demo.start']({});
    const url = demoOf(c.context).sim!.url;
    const stopped = await c.api['demo.stop']({});
    expect(stopped).toEqual({ running: false, accounts: [] });
    expect((await c.api['accounts.list']({})).accounts).toEqual([]);
    for (const a of accounts) expect(await secretToolLookup(a.id)).toBeNull();
    expect(await reachable(url)).toBe(false);
    expect((await c.api['app.info']({})).demo).toBe(false);
  });

  it('dispose stops the simulator', async () => {
    const c = core();
    await c.api['demo.start']({});
    const url = demoOf(c.context).sim!.url;
    await c.dispose();
    expect(await reachable(url)).toBe(false);
  });

  it('after a restart, saved demo accounts get a new simulator and their endpoint follows', async () => {
    const dataDir = tempDir('ack-sg-demo-');
    const first = core(dataDir);
    const { accounts } = await first.api['demo.start']({});
    const oldUrl = demoOf(first.context).sim!.url;
    await first.dispose();

    const second = core(dataDir);
    await demoOf(second.context).settled();
    const sim = demoOf(second.context).sim!;
    expect(sim).not.toBeNull();
    expect(sim.url).not.toBe(oldUrl);
    const listed = (await second.api['accounts.list']({})).accounts;
    expect(listed.map((a) => a.id)).toEqual(accounts.map((a) => a.id));
    for (const a of listed) expect(a.network.endpoint).toBe(sim.url);
    expect((await second.api['app.info']({})).demo).toBe(true);
    const tested = await second.api['accounts.test']({ id: listed[2]!.id });
    expect(tested.identity.accountId).toBe(DEMO.accounts.factory.id);
  });

  it('a second core over the same data uses a simulator that still answers instead of starting one', async () => {
    const dataDir = tempDir('ack-sg-demo-');
    const first = core(dataDir);
    await first.api['demo.start']({});
    const url = demoOf(first.context).sim!.url;
    const second = core(dataDir);
    await demoOf(second.context).settled();
    expect(demoOf(second.context).sim).toBeNull();
    const listed = (await second.api['accounts.list']({})).accounts;
    for (const a of listed) expect(a.network.endpoint).toBe(url);
  });
});
