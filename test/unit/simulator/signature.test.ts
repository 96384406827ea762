import { OpenApiUtil } from '@alicloud/openapi-core';
import { describe, expect, it } from 'vitest';
import {
  canonicalQueryV3,
  canonicalRequestV3,
  parseV3Authorization,
  pct,
  sha256Hex,
  signV1,
  signV3,
  stringToSignV1,
} from '../../../simulator/src/auth/signature';

describe('pct', () => {
  it("encodes like Alibaba's signer (encodeURIComponent plus !'()*)", () => {
    expect(pct("a b!'()*~/=")).toBe('a%20b%21%27%28%29%2A~%2F%3D');
    expect(pct('[{"Key":"KeyState"}]')).toBe('%5B%7B%22Key%22%3A%22KeyState%22%7D%5D');
  });
});

describe('ACS3-HMAC-SHA256', () => {
  const headers = {
    host: '127.0.0.1:8790',
    'x-acs-action': 'DescribeKey',
    'x-acs-version': '2016-01-20',
    'x-acs-date': '2025-01-01T00:00:00Z',
    'x-acs-signature-nonce': 'abc',
    'x-acs-content-sha256': sha256Hex(''),
  };
  const query = {
    RegionId: 'cn-hangzhou',
    KeyId: 'key-1',
    'LookupAttribute.1.Key': 'EventName',
    Filters: '[{"Key":"a b"}]',
  };

  it('canonical query sorts keys and encodes values only', () => {
    expect(canonicalQueryV3(query)).toBe(
      'Filters=%5B%7B%22Key%22%3A%22a%20b%22%7D%5D&KeyId=key-1&LookupAttribute.1.Key=EventName&RegionId=cn-hangzhou',
    );
  });

  it('matches the official SDK signer byte for byte', () => {
    const sdk = OpenApiUtil.getAuthorization(
      { pathname: '/', method: 'POST', query, headers } as never,
      'ACS3-HMAC-SHA256',
      sha256Hex(''),
      'AK',
      'secret',
    );
    const parsed = parseV3Authorization(sdk)!;
    expect(parsed.accessKeyId).toBe('AK');
    expect(parsed.signedHeaders).toEqual([
      'host',
      'x-acs-action',
      'x-acs-content-sha256',
      'x-acs-date',
      'x-acs-signature-nonce',
      'x-acs-version',
    ]);
    const canonical = canonicalRequestV3({
      method: 'POST',
      rawPath: '/',
      query,
      headers,
      signedHeaders: parsed.signedHeaders,
      hashedPayload: sha256Hex(''),
    });
    expect(signV3('secret', canonical)).toBe(parsed.signature);
    expect(signV3('other', canonical)).not.toBe(parsed.signature);
  });

  it('rejects malformed Authorization headers', () => {
    expect(parseV3Authorization('ACS3-HMAC-SHA256 Credential=AK')).toBeNull();
    expect(parseV3Authorization(undefined)).toBeNull();
  });
});

describe('legacy HMAC-SHA1', () => {
  it('matches the official SDK RPC signature', () => {
    const params = {
      Action: 'ListKeys',
      Format: 'json',
      Version: '2016-01-20',
      AccessKeyId: 'AK',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: 'n',
      SignatureVersion: '1.0',
      Timestamp: '2025-01-01T00:00:00Z',
      PageSize: '10',
    };
    expect(signV1('secret', 'POST', params)).toBe(
      OpenApiUtil.getRPCSignature(params, 'POST', 'secret'),
    );
    expect(stringToSignV1('GET', { b: '2', a: '1', Signature: 'x' })).toBe('GET&%2F&a%3D1%26b%3D2');
  });
});
