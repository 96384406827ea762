import { describe, expect, it } from 'vitest';
import { REDACTED, isSecretKey, redactText, redactValue } from '../../../electron/core/log/redact';

const SECRET = 'wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEY';
const STS =
  'CAIS1AJ1q6Ft5B2yfSjIr5bSEsvhjrpF5vaveHHVlTVmNNcezfsYhTz2IHhMdHRoAOAXs/k2mGlW7f4ZlqBfMXT';

describe('redactText', () => {
  it.each([
    [`accessKeySecret=${SECRET}`, `accessKeySecret=${REDACTED}`],
    [`AccessKeySecret: ${SECRET}`, `AccessKeySecret: ${REDACTED}`],
    [
      `{"accessKeySecret":"${SECRET}","id":"LTAI5t"}`,
      `{"accessKeySecret":"${REDACTED}","id":"LTAI5t"}`,
    ],
    [`{'access_key_secret': '${SECRET}'}`, `{'access_key_secret': '${REDACTED}'}`],
    [`"SecurityToken": "${STS}"`, `"SecurityToken": "${REDACTED}"`],
    [`securityToken=abc123def456&x=1`, `securityToken=${REDACTED}&x=1`],
    [`sts_token: abcdefghijk`, `sts_token: ${REDACTED}`],
    [`x-acs-security-token: abcdefghijk`, `x-acs-security-token: ${REDACTED}`],
    [
      `aliyun configure --access-key-secret ${SECRET} --region cn-hangzhou`,
      `aliyun configure --access-key-secret ${REDACTED} --region cn-hangzhou`,
    ],
    [`Authorization: acs LTAI5tExample:Zm9vYmFyYmF6`, `Authorization: ${REDACTED}`],
    [
      `{"authorization":"ACS3-HMAC-SHA256 Credential=LTAI5t,SignedHeaders=host,Signature=9f86d0"}`,
      `{"authorization":"${REDACTED}"}`,
    ],
    [
      `GET /?Action=DescribeClusters&Signature=dGVzdA%3D%3D&SignatureMethod=HMAC-SHA1`,
      `GET /?Action=DescribeClusters&Signature=${REDACTED}&SignatureMethod=HMAC-SHA1`,
    ],
    [`token ${STS} leaked without a name`, `token ${REDACTED} leaked without a name`],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
    expect(redactText(input)).not.toContain(SECRET);
  });

  it('leaves ordinary text and identifiers alone', () => {
    const line =
      'cluster c8f1 in cn-hangzhou: UpdateKMSEncryption accepted (AccessKeyId LTAI5tExample)';
    expect(redactText(line)).toBe(line);
    expect(redactText('SignatureMethod=HMAC-SHA1&SignatureVersion=1.0')).toBe(
      'SignatureMethod=HMAC-SHA1&SignatureVersion=1.0',
    );
  });

  it('removes known secret values wherever they appear, but not tiny ones', () => {
    expect(redactText(`failed for ${SECRET}!`, [SECRET])).toBe(`failed for ${REDACTED}!`);
    expect(redactText('a b c', ['b'])).toBe('a b c');
  });
});

describe('redactValue', () => {
  it('replaces secret fields at any depth and redacts strings', () => {
    const input = {
      account: { id: 'a1', accessKeyId: 'LTAI5t', accessKeySecret: SECRET },
      credentials: [{ SecurityToken: STS, expiration: '2026-01-01' }],
      headers: { Authorization: 'acs LTAI5t:sig', 'x-acs-security-token': STS },
      note: `retry with accessKeySecret=${SECRET}`,
    };
    const out = redactValue(input);
    expect(out).toEqual({
      account: { id: 'a1', accessKeyId: 'LTAI5t', accessKeySecret: REDACTED },
      credentials: [{ SecurityToken: REDACTED, expiration: '2026-01-01' }],
      headers: { Authorization: REDACTED, 'x-acs-security-token': REDACTED },
      note: `retry with accessKeySecret=${REDACTED}`,
    });
    expect(JSON.stringify(out)).not.toContain(SECRET);
    expect(input.account.accessKeySecret).toBe(SECRET); // the input is not mutated
  });

  it('survives cycles, throwing getters, errors and odd values', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    const hostile = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    const error = Object.assign(new Error(`bad securityToken=${STS}`), { code: 'E1' });
    expect(redactValue({ cyclic, hostile, error, big: 1n, sym: Symbol('s') })).toMatchObject({
      cyclic: { name: 'x', self: '[Circular]' },
      hostile: { boom: '[Unreadable]' },
      error: { name: 'Error', message: `bad securityToken=${REDACTED}`, code: 'E1' },
      big: '1n',
      sym: 'Symbol(s)',
    });
  });

  it('knows the secret field names', () => {
    for (const key of [
      'accessKeySecret',
      'AccessKeySecret',
      'access_key_secret',
      'securityToken',
      'SecurityToken',
      'security_token',
      'stsToken',
      'Authorization',
      'Signature',
      'password',
    ]) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of [
      'accessKeyId',
      'AccessKeyId',
      'tokenExpiry',
      'signatureMethod',
      'regionId',
    ]) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });
});
