import { afterEach, describe, expect, it } from 'vitest';
import {
  REDACTED,
  clearKnownSecrets,
  isSecretKey,
  redactText,
  redactValue,
  registerKnownSecret,
} from '../../../electron/core/log/redact';

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

describe('redactText: the forms an adversarial review tried', () => {
  const V = 'Zx9QwErTyUiOpAsDfGhJkL';
  it.each([
    [`ALIBABA_CLOUD_ACCESS_KEY_SECRET=${V}`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${REDACTED}`],
    [`export ALICLOUD_SECRET_KEY=${V}`, null],
    [`ALIBABA_CLOUD_SECURITY_TOKEN=${V} next`, `ALIBABA_CLOUD_SECURITY_TOKEN=${REDACTED} next`],
    [`{"secret": "${V}"}`, `{"secret": "${REDACTED}"}`],
    [`secret='${V}'`, `secret='${REDACTED}'`],
    [`secret="${V} with spaces"`, `secret="${REDACTED}"`],
    [`"password": "p@ss w\\"ord ${V}"`, `"password": "${REDACTED}"`],
    [
      `proxy http://alice:${V}@proxy.corp:3128 refused`,
      `proxy http://alice:${REDACTED}@proxy.corp:3128 refused`,
    ],
    [`https://bob:${encodeURIComponent('p@ss/w:rd')}x@h/`, `https://bob:${REDACTED}@h/`],
    [`GET /?AccessKeySecret%3D${V}%26x%3D1`, `GET /?AccessKeySecret%3D${REDACTED}`],
    [`a%26SecurityToken%3D${V}%2Fabc%26b`, `a%26SecurityToken%3D${REDACTED}`],
    [`SecurityToken=${V}%2F${V}%2B&next=1`, `SecurityToken=${REDACTED}&next=1`],
    [`{"body":"{\\"secret\\":\\"${V}\\"}"}`, `{"body":"{\\"secret\\":\\"${REDACTED}\\"}"}`],
    [
      `{"a":"{\\"b\\":\\"{\\\\\\"token\\\\\\":\\\\\\"${V}\\\\\\"}\\"}"}`,
      `{"a":"{\\"b\\":\\"{\\\\\\"token\\\\\\":\\\\\\"${REDACTED}\\\\\\"}\\"}"}`,
    ],
    [`secret: ${V}`, `secret: ${REDACTED}`],
    [`password=${V}`, `password=${REDACTED}`],
    [`token=${V}`, `token=${REDACTED}`],
    [`SecurityToken: ${V}`, `SecurityToken: ${REDACTED}`],
    [`AccessKeySecret=${V}`, `AccessKeySecret=${REDACTED}`],
    [`accessKeySecret: "${V}"`, `accessKeySecret: "${REDACTED}"`],
    [`access_key_secret = ${V}`, `access_key_secret = ${REDACTED}`],
    [`"sts_token":"${V}"`, `"sts_token":"${REDACTED}"`],
    [`proxy_password=${V}`, `proxy_password=${REDACTED}`],
    [`--sts-token ${V}`, `--sts-token ${REDACTED}`],
  ])('%s', (input, expected) => {
    const out = redactText(input);
    if (expected !== null) expect(out).toBe(expected);
    expect(out).not.toContain(V);
  });

  it('leaves names that only start with a secret word alone', () => {
    for (const line of ['tokenExpiry=2026-01-01', 'secretName=db', 'passwordPolicy: strong']) {
      expect(redactText(line)).toBe(line);
    }
  });

  it('keeps flags under secret-looking names (proxyHasPassword is not a secret)', () => {
    expect(redactValue({ hasToken: true, token: null, secret: 'x' })).toEqual({
      hasToken: true,
      token: null,
      secret: REDACTED,
    });
  });
});

describe('registered secrets', () => {
  afterEach(() => clearKnownSecrets());

  it('are scrubbed from every later redaction, plain, URL-encoded and JSON-escaped', () => {
    const secret = 'p@ss/w"rd+ok12';
    registerKnownSecret(secret);
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
      expect(redactText(`the proxy said ${form} was wrong`)).toBe(
        `the proxy said ${REDACTED} was wrong`,
      );
    }
    expect(JSON.stringify(redactValue({ note: `x ${secret}` }))).not.toContain(secret);
  });

  it('ignores values too short to be secrets', () => {
    registerKnownSecret('abc');
    expect(redactText('abc def')).toBe('abc def');
  });
});
