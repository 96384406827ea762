// reasons: `batch plan` and `clusters create --dry-run` with --lang zh-CN word the core's reasons
// and the preflight's summaries and fixes in Chinese, with no English left (ids, codes, CIDRs
// and the CLI's own table words aside).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../simulator';
import { cliHarness } from '../../support/cli-harness';
import { englishLeft } from '../../support/english-words';

const { cli, dataDir } = cliHarness({ prefix: 'reasons-zh', regions: ['cn-hangzhou'] });
const file = (name: string, value: unknown) => {
  const f = path.join(dataDir, name);
  writeFileSync(f, JSON.stringify(value));
  return f;
};

/** What follows a line's lead-in (the reason after "  - ", the summary after the check id). */
function wordsOf(lines: string[], lead: RegExp): string[] {
  return lines.flatMap((l) => {
    const m = lead.exec(l);
    return m ? [l.slice(m[0].length)] : [];
  });
}

describe('--lang zh-CN', () => {
  it('batch plan words every reason of a skipped cluster in Chinese', async () => {
    const plan = file('plan.json', {
      action: 'enable',
      keyId: DEMO.keys.valid,
      scope: { onlyNotEncrypted: true },
    });
    const r = await cli(['--lang', 'zh-CN', 'batch', 'plan', '--file', plan]);
    expect(r.code, r.err).toBe(0);
    const reasons = wordsOf(r.out.split('\n'), /^ {2}- /);
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) {
      expect(reason, reason).toMatch(/[\u4e00-\u9fff]/);
      expect(englishLeft(reason), reason).toEqual([]);
    }
    expect(reasons.join('\n')).toContain('已加密（使用 key-hzz6demoprotected00002）');
  });

  it('clusters create --dry-run words the preflight in Chinese', async () => {
    const spec = file('spec.json', {
      account: 'Retail',
      regionId: 'cn-hangzhou',
      name: 'edge-zh-01',
      keyId: DEMO.keys.valid,
      vpcId: 'vpc-hzdemoretail0001',
      vswitchIds: ['vsw-hzdemonewsite001'],
      // The VPC's own range: the overlap check fails with a fix.
      containerCidr: '192.168.0.0/16',
      serviceCidr: '172.21.0.0/20',
    });
    const r = await cli(['--lang', 'zh-CN', 'clusters', 'create', '--file', spec, '--dry-run']);
    expect(r.code, r.err).toBe(3);
    const lines = r.out.split('\n');
    const summaries = wordsOf(lines, /^ {2}\[[^\]]+\] \S+\s+/);
    const fixes = wordsOf(lines, /^ {9}\S+: /);
    expect(summaries.length).toBeGreaterThan(10);
    expect(fixes.length).toBeGreaterThan(0);
    for (const text of [...summaries, ...fixes]) {
      expect(text, text).toMatch(/[\u4e00-\u9fff]/);
      expect(englishLeft(text), text).toEqual([]);
    }
    expect(summaries.join('\n')).toMatch(/Pod 网段 192\.168\.0\.0\/16 与 vpc-hzdemoretail0001/);
  });
});
