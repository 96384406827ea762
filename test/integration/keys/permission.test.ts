// A key fix by a caller who may not make it changes nothing and says why: one who may not even
// read the key is refused at DescribeKey (no write is sent); one with a custom policy (which the
// permission check cannot evaluate) is left to KMS, whose refusal is a permission error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, demoCredentials, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { CloudError } from '../../../electron/core/cloud/errors';
import { CloudLimits, CloudSession } from '../../../electron/core/cloud/session';
import { fixKey } from '../../../electron/core/keys/fixes';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ fixture: 'demo', port: 0 });
});
afterAll(async () => sim?.stop());

function sessionOf(accessKeyId: string): CloudSession {
  const secret = demoCredentials().find((c) => c.accessKeyId === accessKeyId)!;
  return new CloudSession({
    limits: new CloudLimits(),
    network: { endpoint: sim.url },
    timeouts: { connectMs: 2_000, readMs: 5_000 },
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
    accountKey: accessKeyId,
    credentials: async () => ({
      accessKeyId: secret.accessKeyId,
      accessKeySecret: secret.accessKeySecret,
    }),
  });
}

describe('permission before a key fix', () => {
  it('a caller who may not read the key: refused, and no EnableKey is sent', async () => {
    sim.control.keyChange(DEMO.keys.logistics, { action: 'DisableKey' });
    const before = sim.control.requestCount('kms/EnableKey');
    const error = await fixKey(
      sessionOf(DEMO.accessKeys.logisticsAuditor),
      'cn-hangzhou',
      DEMO.keys.logistics,
      'enable-key',
    ).catch((e: unknown) => e);
    // The auditor may not even read the key: DescribeKey is refused by the cloud first.
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).kind).toBe('permission');
    expect(sim.control.requestCount('kms/EnableKey')).toBe(before);
  });

  it('leaves a caller with a custom policy to KMS, whose refusal is a permission error', async () => {
    const error = await fixKey(
      sessionOf(DEMO.accessKeys.logisticsEngineer),
      'cn-hangzhou',
      DEMO.keys.logistics,
      'enable-key',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).kind).toBe('permission');
    expect(sim.control.key(DEMO.keys.logistics)?.state).toBe('Disabled');
  });
});
