// "Create a compliant key here" through keys.create, the SDK and the simulator: the key reads
// back Aliyun_AES_256, ENCRYPT/DECRYPT, rotation off, deletion protection on, with its alias; the
// creation is audited; a lost CreateKey answer is never followed by a second CreateKey.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { GuardError } from '../../../electron/contract';
import { AuditLog } from '../../../electron/core/audit';
import { AuditRecorder } from '../../../electron/core/audit/recorder';
import { describeKey, listAliases } from '../../../electron/core/cloud/kms';
import { createContext } from '../../../electron/core/context';
import { CloudLimits } from '../../../electron/core/cloud/session';
import { EventHub } from '../../../electron/core/events';
import { createKeysApi } from '../../../electron/core/keys/api';
import { ACCOUNT_IDS, simDirectory } from '../../support/sim-directory';

let sim: Simulator;
let cleanups: (() => Promise<void> | void)[];

beforeEach(async () => {
  sim = await startSimulator({ fixture: 'demo' });
  cleanups = [];
});
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  await sim.stop();
});

function keysApi() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-create-key-'));
  const ctx = createContext({
    dataDir: dir,
    version: 'test',
    platform: process.platform,
    arch: process.arch,
    events: new EventHub(),
    cloudLimits: new CloudLimits(),
    env: {},
    now: Date.now,
    onDispose: (c) => void cleanups.push(c),
  });
  const directory = simDirectory(sim);
  const log = new AuditLog(dir);
  const refreshed: string[] = [];
  const { api } = createKeysApi(ctx, {
    snapshot: async () => null,
    sessionFor: (id) => directory.sessionFor(id),
    audit: new AuditRecorder(ctx, log, async () => null),
    describeAccount: async () => ({ accountName: 'Retail', cloudAccountId: '1000000000000001' }),
    refreshSoon: (accountId, regionId) => void refreshed.push(`${accountId}|${regionId}`),
  });
  return { api, log, directory, refreshed };
}

const REGION = 'cn-shanghai';
const ALIAS = `alias/ack-secret-guard-${REGION}`;
const creates = () => sim.control.requestCounts()['kms/CreateKey'] ?? 0;

describe('keys.create', () => {
  it('creates a compliant key, reads it back and audits it', async () => {
    const { api, log, directory, refreshed } = keysApi();
    const created = await api['keys.create']({
      accountId: ACCOUNT_IDS.retail,
      regionId: REGION,
      confirmAlias: ALIAS,
    });
    expect(created).toMatchObject({
      accountId: ACCOUNT_IDS.retail,
      regionId: REGION,
      alias: ALIAS,
      key: {
        keySpec: 'Aliyun_AES_256',
        keyUsage: 'ENCRYPT/DECRYPT',
        keyState: 'Enabled',
        automaticRotation: 'Disabled',
        deletionProtection: 'Enabled',
        aliases: [ALIAS],
        eligible: true,
        health: 'ok',
        regionId: REGION,
      },
    });
    expect(created.steps.at(-1)).toBe(`Named it ${ALIAS}.`);
    // Read back through the SDK, as another client would see it.
    const session = await directory.sessionFor(ACCOUNT_IDS.retail);
    const { key } = await describeKey(session, REGION, ALIAS);
    expect(key).toMatchObject({
      keyId: created.key.keyId,
      keySpec: 'Aliyun_AES_256',
      keyUsage: 'ENCRYPT/DECRYPT',
      origin: 'Aliyun_KMS',
      deletionProtection: 'Enabled',
      automaticRotation: 'Disabled',
    });
    expect(key.arn).toBe(`acs:kms:${REGION}:1000000000000001:key/${created.key.keyId}`);
    expect((await listAliases(session, REGION)).get(created.key.keyId)).toEqual([ALIAS]);
    expect(creates()).toBe(1);
    expect(refreshed).toEqual([`${ACCOUNT_IDS.retail}|${REGION}`]);

    const { entries } = await log.list({ order: 'oldest-first' });
    expect(entries.map((e) => [e.action, e.phase, e.result, e.keyId, e.regionId])).toEqual([
      ['key.create', 'requested', 'accepted', ALIAS, REGION],
      ['key.create', 'ended', 'succeeded', created.key.keyId, REGION],
    ]);
    expect(entries[1]!.requestId).toBe(created.requestIds.at(-1));
  });

  it('creates nothing without the confirmation, or when the alias is taken', async () => {
    const { api, log } = keysApi();
    await expect(
      api['keys.create']({ accountId: ACCOUNT_IDS.retail, regionId: REGION, confirmAlias: 'yes' }),
    ).rejects.toThrow(
      `Confirm the new key by its alias: type ${ALIAS} (got "yes"). Nothing was created.`,
    );
    await expect(
      api['keys.create']({
        accountId: ACCOUNT_IDS.retail,
        regionId: 'cn-shanghai',
        alias: 'alias/ack-secrets-sh',
        confirmAlias: 'alias/ack-secrets-sh',
      }),
    ).rejects.toThrow(
      'The alias alias/ack-secrets-sh already names key key-shh6demovalid000000001 in cn-shanghai. Choose that key for the group, or give another alias.',
    );
    expect(creates()).toBe(0);
    const { entries } = await log.list({ order: 'oldest-first' });
    // The confirmation is checked before anything is audited; the taken alias is audited as failed.
    expect(entries.map((e) => [e.phase, e.result, e.error?.code ?? null])).toEqual([
      ['requested', 'accepted', null],
      ['ended', 'failed', 'conflict'],
    ]);
  });

  it('after a lost CreateKey answer, sends nothing again and says what to look for', async () => {
    const { api, log } = keysApi();
    sim.control.addFault({ kind: 'reset', product: 'kms', action: 'CreateKey', count: 3 });
    const error = await api['keys.create']({
      accountId: ACCOUNT_IDS.retail,
      regionId: REGION,
      confirmAlias: ALIAS,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuardError);
    expect((error as GuardError).message).toMatch(
      /^CreateKey got no answer \(.*\)\. It was not sent again, and no key marked sg-[0-9a-f]{12} is listed in cn-shanghai yet\. Look in the KMS console for a key described "ACK Secret Guard: Secret encryption at rest for ACK clusters \(sg-[0-9a-f]{12}\)" before creating another\.$/,
    );
    expect(creates()).toBe(1);
    expect(sim.control.requestCounts()['kms/SetDeletionProtection'] ?? 0).toBe(0);
    const { entries } = await log.list({ order: 'oldest-first' });
    expect(entries.map((e) => [e.phase, e.result])).toEqual([
      ['requested', 'accepted'],
      ['ended', 'failed'],
    ]);
  });
});
