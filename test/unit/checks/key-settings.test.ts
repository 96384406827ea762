// DescribeKey answers that leave out AutomaticRotation or DeletionProtection: the schema always has
// them (docs/alibaba-cloud-api.md §5.3), so absent means "unknown" — never a pass, never "off".
// The session is an in-memory fake that answers every KMS call with the given KeyMetadata.
import { describe, expect, it } from 'vitest';
import { CheckContext } from '../../../electron/core/checks/context';
import { keyDeletionProtection, keyRotation } from '../../../electron/core/checks/key';
import { describeKey } from '../../../electron/core/cloud/kms';
import type { CloudSession } from '../../../electron/core/cloud/session';
import { keyHealth } from '../../../electron/core/keys/rules';

const KEY = 'key-hzz6unittest000000001';
const base = {
  KeyId: KEY,
  Arn: `acs:kms:cn-hangzhou:1000000000000001:key/${KEY}`,
  KeySpec: 'Aliyun_AES_256',
  KeyUsage: 'ENCRYPT/DECRYPT',
  KeyState: 'Enabled',
  Creator: '1000000000000001',
};

function fakeSession(metadata: Record<string, unknown>): CloudSession {
  return {
    accountKey: 'acc-unit',
    call: async () => ({ KeyMetadata: metadata, RequestId: 'REQ-UNIT' }),
  } as unknown as CloudSession;
}

const ctx = (metadata: Record<string, unknown>) =>
  new CheckContext({
    session: fakeSession(metadata),
    accountId: 'acc-unit',
    clusterId: 'c-unit',
    regionId: 'cn-hangzhou',
    action: 'enable',
    keyId: KEY,
    now: Date.now(),
  });

describe('key settings KMS did not report', () => {
  it('rotation: unknown with evidence, not a pass', async () => {
    const result = await keyRotation(ctx(base));
    expect(result).toMatchObject({
      status: 'unknown',
      summary: 'KMS did not say whether automatic rotation is on.',
      evidence: { automaticRotation: null, keyId: KEY, requestId: 'REQ-UNIT' },
    });
    expect(result.fix?.consoleUrl).toContain('kms.console.aliyun.com/cn-hangzhou');
  });

  it('deletion protection: unknown, not "off", and no fix button on a guess', async () => {
    const result = await keyDeletionProtection(ctx(base));
    expect(result).toMatchObject({
      status: 'unknown',
      summary: 'KMS did not say whether deletion protection is on.',
      evidence: { deletionProtection: null },
    });
    expect(result.fix?.action).toBeUndefined();
  });

  it('a value we do not know is unknown too', async () => {
    const odd = { ...base, AutomaticRotation: 'Paused', DeletionProtection: 'Maybe' };
    expect((await keyRotation(ctx(odd))).status).toBe('unknown');
    expect((await keyDeletionProtection(ctx(odd))).status).toBe('unknown');
  });

  it('reported values still decide: Disabled passes rotation, warns on protection', async () => {
    const off = { ...base, AutomaticRotation: 'Disabled', DeletionProtection: 'Disabled' };
    expect((await keyRotation(ctx(off))).status).toBe('pass');
    expect((await keyDeletionProtection(ctx(off))).status).toBe('warn');
    const on = { ...base, AutomaticRotation: 'Enabled', DeletionProtection: 'Enabled' };
    expect((await keyRotation(ctx(on))).status).toBe('fail');
    expect((await keyDeletionProtection(ctx(on))).status).toBe('pass');
  });

  it('fleet key health: unknown when either is missing, never ok', async () => {
    const health = async (metadata: Record<string, unknown>) =>
      keyHealth((await describeKey(fakeSession(metadata), 'cn-hangzhou', KEY)).key);
    expect(await health(base)).toBe('unknown');
    expect(await health({ ...base, AutomaticRotation: 'Disabled' })).toBe('unknown');
    expect(await health({ ...base, DeletionProtection: 'Enabled' })).toBe('unknown');
    expect(
      await health({ ...base, AutomaticRotation: 'Disabled', DeletionProtection: 'Enabled' }),
    ).toBe('ok');
    expect(await health({ ...base, DeletionProtection: 'Disabled' })).toBe(
      'deletion-protection-off',
    );
  });
});
