// Which proxy a request takes: the account's, else HTTPS_PROXY; NO_PROXY as curl and Go read
// it; loopback always direct; and no message ever quotes the proxy's password.
import { describe, expect, it } from 'vitest';
import { GuardError } from '../../../electron/contract';
import { chooseProxy, noProxyMatches, parseProxyUrl } from '../../../electron/core/cloud/proxy';

describe('NO_PROXY', () => {
  const cases: [string, string, number, boolean][] = [
    ['*', 'cs.cn-hangzhou.aliyuncs.com', 443, true],
    ['aliyuncs.com', 'cs.cn-hangzhou.aliyuncs.com', 443, true],
    ['.aliyuncs.com', 'cs.cn-hangzhou.aliyuncs.com', 443, true],
    ['*.aliyuncs.com', 'cs.cn-hangzhou.aliyuncs.com', 443, true],
    ['aliyuncs.com', 'aliyuncs.com', 443, true],
    ['aliyuncs.com', 'notaliyuncs.com', 443, false],
    ['ALIYUNCS.COM.', 'cs.cn-hangzhou.aliyuncs.com', 443, true],
    ['example.org,  kms.cn-beijing.aliyuncs.com', 'kms.cn-beijing.aliyuncs.com', 443, true],
    ['example.org kms.cn-beijing.aliyuncs.com', 'kms.cn-shanghai.aliyuncs.com', 443, false],
    ['aliyuncs.com:443', 'cs.cn-hangzhou.aliyuncs.com', 443, true],
    ['aliyuncs.com:8443', 'cs.cn-hangzhou.aliyuncs.com', 443, false],
    ['10.0.0.0/8', '10.20.30.40', 443, true],
    ['10.0.0.0/8', '11.0.0.1', 443, false],
    ['192.168.1.7', '192.168.1.7', 443, true],
    ['[fd00::1]:443', 'fd00::1', 443, true],
    ['fd00::/8', '[fd00::42]', 443, true],
    ['', 'cs.cn-hangzhou.aliyuncs.com', 443, false],
    [',,', 'cs.cn-hangzhou.aliyuncs.com', 443, false],
  ];
  for (const [noProxy, host, port, expected] of cases)
    it(`${JSON.stringify(noProxy)} ${expected ? 'bypasses' : 'keeps'} ${host}:${port}`, () => {
      expect(noProxyMatches(noProxy, host, port)).toBe(expected);
    });
});

describe('choosing the proxy', () => {
  const host = 'cs.cn-hangzhou.aliyuncs.com';
  it("prefers the account's proxy over HTTPS_PROXY", () => {
    const chosen = chooseProxy(
      { accountProxy: 'http://a:pw@account.example:3128', env: { HTTPS_PROXY: 'http://env:1' } },
      host,
      443,
    );
    expect(chosen?.label).toBe('account.example:3128');
    expect(chosen?.source).toBe('account');
  });
  it('falls back to HTTPS_PROXY, then https_proxy; a bare host:port is an http proxy', () => {
    expect(chooseProxy({ env: { HTTPS_PROXY: 'env.example:8080' } }, host, 443)?.url.href).toBe(
      'http://env.example:8080/',
    );
    expect(chooseProxy({ env: { https_proxy: 'https://low.example' } }, host, 443)?.label).toBe(
      'low.example:443',
    );
    expect(chooseProxy({ env: {} }, host, 443)).toBeNull();
  });
  it('never proxies loopback, and NO_PROXY also overrides the account proxy', () => {
    const settings = { accountProxy: 'http://p.example:3128', env: {} };
    expect(chooseProxy(settings, '127.0.0.1', 8790)).toBeNull();
    expect(chooseProxy(settings, 'LOCALHOST', 8790)).toBeNull();
    expect(chooseProxy(settings, '[::1]', 8790)).toBeNull();
    expect(chooseProxy({ ...settings, env: { no_proxy: '.aliyuncs.com' } }, host, 443)).toBeNull();
  });
  it('keeps the password out of the URL and the label, and puts it in the header', () => {
    const chosen = parseProxyUrl('http://alice:s%3Acret%40pw@proxy.example:3128', 'account');
    expect(chosen.url.href).toBe('http://proxy.example:3128/');
    expect(chosen.label).toBe('proxy.example:3128');
    expect(Buffer.from(chosen.authorization!.replace('Basic ', ''), 'base64').toString()).toBe(
      'alice:s:cret@pw',
    );
  });
  it('refuses an unusable HTTPS_PROXY without quoting it', () => {
    for (const raw of ['http://u:hunter2@[bad', 'socks5://u:hunter2@proxy:1080']) {
      let error: unknown;
      try {
        parseProxyUrl(raw, 'HTTPS_PROXY');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(GuardError);
      expect((error as Error).message).toMatch(/HTTPS_PROXY/);
      expect((error as Error).message).not.toContain('hunter2');
    }
  });
});
