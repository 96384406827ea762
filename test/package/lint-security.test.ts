// The security gate's own logic: it must catch what it claims to catch.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRANTED_PERMISSION } from '../../electron/main/hardening';
import {
  PERMISSION_GRANTED_TO_OUR_PAGE,
  checkBundle,
  checkRendererHtml,
} from '../../scripts/security/bundle-checks.js';
import {
  loadFalsePositives,
  sarifKeys,
  toFindings,
  triage,
} from '../../scripts/security/electronegativity.js';
import type { Finding } from '../../scripts/security/electronegativity.js';

const SECURE = `
const { app, BrowserWindow, session } = require("electron");
app.requestSingleInstanceLock();
protocol.registerSchemesAsPrivileged([]);
app.on("web-contents-created", (_e, c) => { c.on("will-navigate", (e) => e.preventDefault()); c.setWindowOpenHandler(() => ({ action: "deny" })); });
session.defaultSession.setPermissionRequestHandler((_w, permission, cb, d) => { cb(permission === "clipboard-sanitized-write" && d.isMainFrame && ours(d.requestingUrl)); });
session.defaultSession.setPermissionCheckHandler((_w, permission, origin, d) => permission === "clipboard-sanitized-write" && d.isMainFrame && ours(origin));
new BrowserWindow({ show: false, webPreferences: {
  preload: "/p/index.cjs", contextIsolation: true, sandbox: !0, nodeIntegration: false,
  nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true,
  allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false } });
`;

describe('bundle assertions', () => {
  it('pass for a secure main bundle', () => {
    expect(checkBundle(SECURE, 'main.js', { isMain: true })).toEqual([]);
  });

  it.each([
    ['contextIsolation: true', 'contextIsolation: false', /contextIsolation/],
    ['sandbox: !0', 'sandbox: !1', /sandbox/],
    ['nodeIntegration: false', 'nodeIntegration: true', /nodeIntegration/],
    ['webSecurity: true', 'webSecurity: true, enableBlinkFeatures: "X"', /enableBlinkFeatures/],
    ['webviewTag: false', 'webviewTag: false, ...extra', /spread/],
    ['c.setWindowOpenHandler', 'c.somethingElse', /setWindowOpenHandler is never called/],
    [
      'session.defaultSession.setPermissionRequestHandler',
      'session.defaultSession.noop',
      /setPermissionRequestHandler/,
    ],
    ['"will-navigate"', '"did-navigate"', /will-navigate/],
  ])('catch %s -> %s', (from, to, problem) => {
    const problems = checkBundle(SECURE.replace(from, to), 'main.js', { isMain: true });
    expect(problems.join('\n')).toMatch(problem);
  });

  it.each([
    ['cb(permission ===', 'cb(true || permission ===', /contains `true`/],
    ['d.isMainFrame && ours(origin)', '!0', /contains `true`/],
    [
      'permission === "clipboard-sanitized-write" && d.isMainFrame && ours(d',
      '["clipboard-sanitized-write", "media"].includes(permission) && ours(d',
      /names "media"/,
    ],
    [
      'permission === "clipboard-sanitized-write" && d.isMainFrame && ours(origin)',
      '"clipboard-sanitized-write" !== permission',
      /does not compare its permission/,
    ],
    [
      'setPermissionCheckHandler((_w, permission, origin, d) => permission === "clipboard-sanitized-write" && d.isMainFrame && ours(origin))',
      'setPermissionCheckHandler(allowAll)',
      /not given a function written out in place/,
    ],
  ])('catch a permission handler that grants more: %s -> %s', (from, to, problem) => {
    expect(SECURE).toContain(from);
    const problems = checkBundle(SECURE.replace(from, to), 'main.js', { isMain: true });
    expect(problems.join('\n')).toMatch(problem);
  });

  it('follow a permission kept in a constant by the bundler', () => {
    const kept = SECURE.replace(
      'permission === "clipboard-sanitized-write" && d.isMainFrame && ours(origin)',
      'permission === GRANTED && d.isMainFrame && ours(origin)',
    );
    expect(
      checkBundle(`const GRANTED = "clipboard-sanitized-write";${kept}`, 'main.js', {
        isMain: true,
      }),
    ).toEqual([]);
    expect(
      checkBundle(`const GRANTED = "media";${kept}`, 'main.js', { isMain: true }).join('\n'),
    ).toMatch(/names "media"/);
  });

  it('allow the very permission electron/main/hardening.ts grants', () => {
    expect(PERMISSION_GRANTED_TO_OUR_PAGE).toBe(GRANTED_PERMISSION);
  });

  it('catch options built by a helper, which cannot be checked', () => {
    const problems = checkBundle(
      SECURE.replace(/new BrowserWindow\(\{[\s\S]*\}\);?\s*$/, 'new BrowserWindow(makeOptions());'),
      'main.js',
      { isMain: true },
    );
    expect(problems.join('\n')).toMatch(/not an object literal/);
  });

  it('catch dangerous preferences anywhere, and http loads', () => {
    expect(checkBundle('const o = { nodeIntegration: true };', 'x.js')).toEqual([
      'x.js:1: nodeIntegration: true',
    ]);
    expect(checkBundle('w.loadURL("http://example.com/")', 'x.js')[0]).toMatch(/plain http/);
  });

  it('want exactly one exposure, of "guard", in the preload', () => {
    expect(
      checkBundle('contextBridge.exposeInMainWorld("guard", b);', 'p.cjs', { isPreload: true }),
    ).toEqual([]);
    expect(
      checkBundle('contextBridge.exposeInMainWorld("ipc", b);', 'p.cjs', {
        isPreload: true,
      }).join(),
    ).toMatch(/other than "guard"/);
    expect(checkBundle('', 'p.cjs', { isPreload: true }).join()).toMatch(/0 times/);
  });

  it('check the built page carries a CSP with script-src self', () => {
    const html = readFileSync(path.resolve('renderer/index.html'), 'utf8');
    expect(checkRendererHtml(html, 'index.html')).toEqual([]);
    expect(
      checkRendererHtml(
        html.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
        'index.html',
      ),
    ).not.toEqual([]);
    expect(checkRendererHtml('<html></html>', 'index.html')).not.toEqual([]);
  });
});

describe('Electronegativity triage', () => {
  const finding = (check: string, severity: string, sample: string): Finding => ({
    check,
    severity,
    confidence: 'FIRM',
    file: 'main/index.js',
    location: '1:0',
    sample,
  });
  const entry = {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.js',
    sampleContains: 'shell.openExternal(url)',
    reason: 'x'.repeat(50),
  };

  it('explains a listed finding once, gates the rest, ignores LOW and reports stale entries', () => {
    const result = triage(
      [
        finding('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'a(shell.openExternal(url))'),
        finding('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'b(shell.openExternal(url))'), // a second call site
        finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'new BrowserWindow({'),
        finding('CSP_GLOBAL_CHECK', 'LOW', "style-src 'unsafe-inline'"),
      ],
      [entry, { ...entry, check: 'AUXCLICK_JS_CHECK' }],
    );
    expect(result.explained.map((e) => e.finding.sample)).toEqual(['a(shell.openExternal(url))']);
    expect(result.unexplained.map((f) => f.check)).toEqual([
      'OPEN_EXTERNAL_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
    ]);
    expect(result.stale.map((e) => e.check)).toEqual(['AUXCLICK_JS_CHECK']);
  });

  it('the false-positive file is well formed and every entry has a real reason', () => {
    const { entries, unparsable } = loadFalsePositives(
      path.resolve('scripts/security/electronegativity-false-positives.json'),
    );
    expect(entries.length).toBeGreaterThan(0);
    for (const e of [...entries, ...unparsable]) expect(e.reason.length).toBeGreaterThan(80);
    // Never a blanket pass for the checks that matter most.
    for (const e of entries) {
      expect([
        'CONTEXT_ISOLATION_JS_CHECK',
        'NODE_INTEGRATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
      ]).not.toContain(e.check);
    }
  });

  it('reads findings from the tool result and keys from its SARIF', () => {
    expect(
      toFindings([
        {
          id: 'X',
          severity: { name: 'MEDIUM' },
          confidence: { name: 'FIRM' },
          file: 'main\\index.js',
          location: { line: 3, column: 4 },
          sample: 's',
        },
      ]),
    ).toEqual([
      {
        check: 'X',
        severity: 'MEDIUM',
        confidence: 'FIRM',
        file: 'main/index.js',
        location: '3:4',
        sample: 's',
      },
    ]);
    expect(
      sarifKeys({
        runs: [
          {
            results: [
              {
                ruleId: 'X',
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: 'main/index.js' },
                      region: { startLine: 3 },
                    },
                  },
                ],
              },
            ],
          },
        ],
      }),
    ).toEqual(['X main/index.js 3']);
  });
});
