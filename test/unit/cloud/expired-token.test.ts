// An assumed role's token the cloud calls expired (InvalidSecurityToken.Expired) while this
// machine still thinks it valid (a skewed clock; the demo's simulated clock runs ahead): the
// session tells its credential source to forget it, and a read is asked once more with new
// credentials; a write fails as it is (the next attempt, the user's, gets new credentials).
import { ClientError } from '@alicloud/openapi-core';
import { describe, expect, it } from 'vitest';
import { CloudLimits, CloudSession } from '../../../electron/core/cloud/session';
import type { CallCredentials } from '../../../electron/core/cloud/session';

function expired(): ClientError {
  const code = 'InvalidSecurityToken.Expired';
  return new ClientError({
    statusCode: 400,
    code,
    message: `code: 400, The security token you provided has expired. request id: R-1`,
    data: { Code: code, Message: 'The security token you provided has expired.', RequestId: 'R-1' },
    requestId: 'R-1',
  });
}

/** A role source: a new token after each renewal; the session sees which token it sent. */
function roleSession(renewable: boolean) {
  let generation = 1;
  const refused: string[] = [];
  const sent: string[] = [];
  const s = new CloudSession({
    accountKey: 'role-1',
    credentials: async () => ({
      accessKeyId: `STS.id-${generation}`,
      accessKeySecret: `secret-${generation}`,
      securityToken: `token-${generation}`,
    }),
    ...(renewable
      ? {
          renewCredentials: (c: CallCredentials) => {
            refused.push(c.securityToken ?? '');
            generation += 1;
          },
        }
      : {}),
    limits: new CloudLimits(),
    env: {},
    retry: { maxAttempts: 4, sleep: async () => undefined },
  });
  const call = (action: string, idempotent: boolean, expiredTokens: string[]) =>
    s.call(
      'cs',
      action,
      'cn-beijing',
      async (config) => {
        sent.push(config.securityToken!);
        if (expiredTokens.includes(config.securityToken!)) throw expired();
        return 'ok';
      },
      { idempotent },
    );
  return { call, refused, sent };
}

describe('an expired role token', () => {
  it('is renewed and a read is asked once more with the new token', async () => {
    const r = roleSession(true);
    await expect(r.call('DescribeClustersV1', true, ['token-1'])).resolves.toBe('ok');
    expect(r.refused).toEqual(['token-1']);
    expect(r.sent).toEqual(['token-1', 'token-2']);
  });

  it('is renewed once per call: a cloud that refuses the new token too fails the call', async () => {
    const r = roleSession(true);
    await expect(r.call('DescribeClustersV1', true, ['token-1', 'token-2'])).rejects.toMatchObject({
      cloud: { cloudCode: 'InvalidSecurityToken.Expired' },
    });
    expect(r.sent).toEqual(['token-1', 'token-2']);
  });

  it('fails a write as it is, but the next call has a new token', async () => {
    const r = roleSession(true);
    await expect(r.call('UpdateKMSEncryption', false, ['token-1'])).rejects.toMatchObject({
      cloud: { cloudCode: 'InvalidSecurityToken.Expired' },
    });
    expect(r.sent).toEqual(['token-1']);
    await expect(r.call('UpdateKMSEncryption', false, ['token-1'])).resolves.toBe('ok');
    expect(r.sent).toEqual(['token-1', 'token-2']);
  });

  it('a source that cannot renew (a pasted STS token) is not asked again', async () => {
    const r = roleSession(false);
    await expect(r.call('DescribeClustersV1', true, ['token-1'])).rejects.toMatchObject({
      cloud: { cloudCode: 'InvalidSecurityToken.Expired' },
    });
    expect(r.sent).toEqual(['token-1']);
  });
});
