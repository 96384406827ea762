import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell/origin';
import { resolveAppRequest } from '../../../electron/shell/protocol';
import { isAllowedExternalUrl, isTrustedPageUrl } from '../../../electron/main/security';

describe('external links', () => {
  it.each([
    ['https://cs.console.aliyun.com/#/k8s/cluster/list', true],
    ['https://www.alibabacloud.com/help/en/ack/', true],
    ['https://help.aliyun.com/zh/ack/', true],
    ['http://help.aliyun.com/', false],
    ['https://aliyun.com.evil.example/', false],
    ['https://evilaliyun.com/', false],
    ['https://user:pw@help.aliyun.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe('trusted page', () => {
  it('is our app:// origin, or the dev server when one is set', () => {
    expect(isTrustedPageUrl('app://guard/index.html')).toBe(true);
    expect(isTrustedPageUrl('app://other/index.html')).toBe(false);
    expect(isTrustedPageUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedPageUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedPageUrl(undefined)).toBe(false);
  });
});

describe('app:// protocol', () => {
  const root = path.resolve('/srv/renderer');
  it('maps our URLs inside the renderer folder', () => {
    expect(resolveAppRequest(root, 'app://guard/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest(root, 'app://guard/assets/a.js')).toBe(path.join(root, 'assets/a.js'));
  });
  it.each(['app://guard/../../etc/passwd', 'app://guard/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the folder (the URL parser folds dot segments)',
    (url) => {
      expect(resolveAppRequest(root, url)).toBe(path.join(root, 'etc/passwd'));
    },
  );
  it.each([
    'app://guard/..%2f..%2fetc%2fpasswd',
    'app://guard/a%00.js',
    'app://guard/%5c..%5csecret',
    'app://elsewhere/index.html',
    'app://guard/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(root, url)).toBeNull();
  });
});

describe('content security policy', () => {
  it('is strict: only our own scripts, no eval, no plugins, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });
});
