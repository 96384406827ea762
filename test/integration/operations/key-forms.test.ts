// Every way KMS names a key, through the checklist, the change and the proof against the
// simulator: a key id of the older UUID form, an alias (resolved to the id before sending: the
// cluster refuses an alias, like the cloud), and a key ARN.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import type { Checklist } from '../../../electron/contract';
import { runChecklist } from '../../../electron/core/checks/run';
import { updateKmsEncryption } from '../../../electron/core/cloud/cs-encryption';
import { CloudError } from '../../../electron/core/cloud/errors';
import { createVerifyApi } from '../../../electron/core/verify/api';
import { scaledClock } from '../../../electron/core/util/clock';
import { operationsHarness } from '../../support/operations-harness';
import type { Harness } from '../../support/operations-harness';
import { ACCOUNT_IDS, simDirectory } from '../../support/sim-directory';

const SCALE = 200;
const HZ = 'cn-hangzhou';
const arnOf = (keyId: string, region = HZ) =>
  `acs:kms:${region}:${DEMO.accounts.retail.id}:key/${keyId}`;
let sim: Simulator;
let h: Harness;

beforeEach(async () => {
  sim = await startSimulator({ fixture: 'demo', timeScale: SCALE });
  h = operationsHarness(sim, { timeScale: SCALE });
});
afterEach(async () => {
  await h.dispose();
  await sim.stop();
});

async function checklist(keyId: string, clusterId: string = DEMO.clusters.happy) {
  return runChecklist({
    session: await simDirectory(sim).sessionFor(ACCOUNT_IDS.retail),
    accountId: ACCOUNT_IDS.retail,
    clusterId,
    regionId: HZ,
    action: 'enable',
    keyId,
    now: Date.now(),
  });
}

const failing = (list: Checklist) =>
  list.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}: ${c.summary}`);
const check = (list: Checklist, id: string) => list.checks.find((c) => c.id === id)!;

describe('a key id of the older UUID form', () => {
  it('passes the checklist, is enabled, and is attributed in the proof', async () => {
    const list = await checklist(DEMO.keys.uuid);
    expect(failing(list)).toEqual([]);
    expect(list).toMatchObject({ ready: true, keyId: DEMO.keys.uuid });
    expect(list.keyRef).toBeUndefined();

    const op = await h.operations.start({
      clusterId: DEMO.clusters.happy,
      action: 'enable',
      keyId: DEMO.keys.uuid,
    });
    expect((await h.operations.waitFor(op.operationId)).outcome).toBe('succeeded');
    expect(sim.control.cluster(DEMO.clusters.happy)?.encryption).toEqual({
      keyId: DEMO.keys.uuid,
      disabled: false,
    });

    sim.control.advance(3 * 60);
    const proof = await createVerifyApi({
      directory: simDirectory(sim),
      locate: async (clusterId) => (await h.fleet.findCluster(clusterId))!,
      operations: h.operations,
      clockFor: () => scaledClock(SCALE, () => sim.control.now()),
    }).api['verify.run']({ clusterId: DEMO.clusters.happy });
    expect(proof.result, proof.result.summary).toMatchObject({
      status: 'verified',
      keyId: DEMO.keys.uuid,
    });
    expect(proof.result.kmsEvents.length).toBeGreaterThan(0);
    expect(proof.result.kmsEvents.every((e) => e.keyId === DEMO.keys.uuid)).toBe(true);
    expect(proof.result.kmsCounts.namingCluster).toBe(
      proof.result.kmsCounts.encrypt + proof.result.kmsCounts.decrypt,
    );
  });
});

describe('an alias', () => {
  it('is resolved to its key id in the checklist, which shows both', async () => {
    const list = await checklist('alias/ack-secrets-hz');
    expect(failing(list)).toEqual([]);
    expect(list).toMatchObject({
      ready: true,
      keyId: DEMO.keys.valid,
      keyRef: 'alias/ack-secrets-hz',
    });
    expect(check(list, 'key.exists').evidence).toMatchObject({
      keyId: DEMO.keys.valid,
      keyRef: 'alias/ack-secrets-hz',
    });
    expect(check(list, 'key.exists').summary).toBe(
      `Key alias/ack-secrets-hz (${DEMO.keys.valid}) exists.`,
    );
  });

  it('is refused by the cluster itself, so the change sends the key id, and succeeds', async () => {
    // What the cloud says when it is sent an alias (the reason the core resolves it first).
    const session = await simDirectory(sim).sessionFor(ACCOUNT_IDS.retail);
    const refused = await updateKmsEncryption(session, HZ, DEMO.clusters.happy, {
      kind: 'enable',
      keyId: 'alias/ack-secrets-hz',
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CloudError);
    expect((refused as CloudError).cloud.cloudCode).toBe('InvalidParameter');

    const op = await h.operations.start({
      clusterId: DEMO.clusters.happy,
      action: 'enable',
      keyId: 'alias/ack-secrets-hz',
    });
    expect(op.keyId).toBe(DEMO.keys.valid);
    expect((await h.operations.waitFor(op.operationId)).outcome).toBe('succeeded');
    expect(sim.control.cluster(DEMO.clusters.happy)?.encryption?.keyId).toBe(DEMO.keys.valid);
  });

  it('that names no key fails key.exists in words', async () => {
    const list = await checklist('alias/nobody-has-this');
    expect(list.ready).toBe(false);
    expect(check(list, 'key.exists')).toMatchObject({
      status: 'fail',
      evidence: { errorCode: 'Forbidden.AliasNotFound' },
    });
    expect(check(list, 'key.exists').summary).toContain('alias/nobody-has-this does not exist');
  });
});

describe('a key ARN', () => {
  it('names its key id; an ARN of another region says so', async () => {
    const list = await checklist(arnOf(DEMO.keys.valid));
    expect(failing(list)).toEqual([]);
    expect(list).toMatchObject({ keyId: DEMO.keys.valid, keyRef: arnOf(DEMO.keys.valid) });

    const elsewhere = await checklist(arnOf(DEMO.keys.otherRegion, 'cn-shanghai'));
    expect(elsewhere.ready).toBe(false);
    expect(check(elsewhere, 'key.exists').summary).toContain(
      'The ARN names region cn-shanghai; the key must be in the cluster',
    );
  });
});
