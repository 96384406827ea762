// `check` in-process over the real keychain and the simulator: the checks.run reply carries a
// message key for every summary and fix (and nothing secret); a key that does not exist is one
// line, the other key checks one "not checked" line (JSON keeps each); an Enabled key on disable
// is a pass.
import { describe, expect, it } from 'vitest';
import { MESSAGE_CATALOGS, formatMessage } from '../../../electron/contract';
import type { CheckResult } from '../../../electron/contract';
import { DEMO, demoCredentials } from '../../../simulator';
import { cliHarness } from '../../support/cli-harness';

const { cli } = cliHarness({
  prefix: 'check-messages',
  regions: ['cn-hangzhou'],
  setUp: async (run) => {
    const listed = await run(['clusters', 'list']);
    expect(listed.code, listed.err).toBe(0);
  },
});

describe('check messages', () => {
  it('carries a message key for every summary and fix, and no secret', async () => {
    const result = await cli(['--json', 'check', DEMO.clusters.happy, '--key', DEMO.keys.valid]);
    expect(result.code, result.err).toBe(0);
    for (const { accessKeySecret } of demoCredentials())
      expect(result.out).not.toContain(accessKeySecret);
    const { checks } = JSON.parse(result.out) as { checks: CheckResult[] };
    expect(checks.length).toBeGreaterThan(10);
    for (const c of checks) {
      expect(c.message?.key, c.id).toBeDefined();
      expect(MESSAGE_CATALOGS['zh-CN'][c.message!.key], c.id).toBeDefined();
      expect(formatMessage(c.message!, 'en'), c.id).toBe(c.summary);
      if (c.fix) expect(c.fix.messages?.length, c.id).toBeGreaterThan(0);
    }
  });

  it('says once that the key does not exist; the other key checks share one line', async () => {
    const text = await cli(['check', DEMO.clusters.happy, '--key', 'key-does-not-exist']);
    expect(text.out).not.toMatch(/unexpected error/);
    const missing = text.out.split('\n').filter((l) => /does not exist/.test(l));
    expect(missing, text.out).toHaveLength(1);
    expect(missing[0]).toMatch(
      /\[FAIL\] key\.exists\s+Key key-does-not-exist does not exist in cn-hangzhou/,
    );
    expect(text.out).toMatch(
      /Not checked because of key\.exists: key\.region, key\.spec, key\.usage, key\.state, key\.rotation, key\.creator, key\.deletionProtection\./,
    );

    const json = await cli(['--json', 'check', DEMO.clusters.happy, '--key', 'key-does-not-exist']);
    const { checks } = JSON.parse(json.out) as { checks: CheckResult[] };
    const skipped = checks.filter((c) => c.evidence.notCheckedBecause === 'key.exists');
    expect(skipped.map((c) => c.id)).toHaveLength(7);
    for (const c of skipped) expect(c.status).toBe('unknown');
  });

  it('passes an Enabled key before a disable (never "[WARN] The key is Enabled")', async () => {
    const text = await cli(['check', DEMO.clusters.encrypted, '--disable']);
    expect(text.out).toMatch(/\[PASS\] key\.state\s+The key is Enabled\. Keep it enabled/);
    expect(text.out).not.toMatch(/\[WARN\] key\.state/);
  });
});
