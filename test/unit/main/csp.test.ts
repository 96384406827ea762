// The CSP reaches the page twice: as a response header from the app:// handler (the one that
// counts) and as a <meta> tag in index.html (which also covers the dev server and the browser
// tests). The two must say the same thing, except frame-ancestors, which a meta tag ignores.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell/origin';

function directives(policy: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values.join(' '));
  }
  return map;
}

function metaPolicy(html: string): string[] {
  return [...html.matchAll(/<meta\s+[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/gi)].map(
    (tag) => {
      const content = /content=(["'])([\s\S]*?)\1/i.exec(tag[0]);
      if (!content?.[2]) throw new Error(`CSP meta tag without content: ${tag[0]}`);
      return content[2];
    },
  );
}

const header = directives(CONTENT_SECURITY_POLICY);
const withoutFrameAncestors = new Map([...header].filter(([name]) => name !== 'frame-ancestors'));

describe('CSP header and meta tag', () => {
  it('the source index.html has exactly one CSP meta tag equal to the header minus frame-ancestors', () => {
    const html = readFileSync(path.resolve('renderer/index.html'), 'utf8');
    const metas = metaPolicy(html);
    expect(metas).toHaveLength(1);
    expect(directives(metas[0]!)).toEqual(withoutFrameAncestors);
  });

  it('the header forbids framing, which only a header can do', () => {
    expect(header.get('frame-ancestors')).toBe("'none'");
  });

  it('the comparison notices a drift', () => {
    const drifted = directives(
      CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
    );
    expect(drifted).not.toEqual(header);
  });
});
