// Every command's human output in --lang zh-CN against the simulator, scanned for English words
// left untranslated (test/support/english-words.ts, as the window's screens are), apart from
// command and option names, check ids, API names and the user's own data. (The JSON of these
// commands is the same in both languages: lang.test.ts.)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../simulator';
import { cliHarness } from '../../support/cli-harness';
import type { CliOptions } from '../../support/cli-harness';
import { englishWords } from '../../support/english-words';

const ENCRYPTED = 'edge-pro-hz-encrypted';
const { cli, dataDir } = cliHarness({
  prefix: 'cli-zh',
  regions: ['cn-hangzhou', 'cn-beijing'],
  timeScale: 600,
  setUp: async (run) => expect((await run(['clusters', 'list'])).code).toBe(0),
});
const zh = (argv: string[], options: CliOptions = {}) => cli(['--lang', 'zh-CN', ...argv], options);

/** Words that are names here: API calls, option values a person types, JSON field names. */
const ALLOWED = new Set(
  [
    // KMS and CS API names and their parameters (what a person searches the docs for).
    'CreateCluster',
    'CancelKeyDeletion',
    'EnableKey',
    'DisableKey',
    'SetDeletionProtection',
    'UpdateRotationPolicy',
    'EnableAutomaticRotation',
    'DescribeKey',
    'KeyId',
    'ServiceAccount',
    'AliyunKMSReadOnlyAccess',
    'PUT',
    'POST',
    'CS',
    'Terraform',
    // KMS key states and the like as the cloud reports them (data).
    'Enabled',
    'Disabled',
    'PendingDeletion',
    'true',
    'false',
    // STS identity types (data) and the credential's kind names.
    'Account',
    'RAMUser',
    'AssumedRoleUser',
    'Retail',
    // Batch plan fields a person writes in PLAN.json.
    'keyId',
    'keys',
  ].map((w) => w.toLowerCase()),
);

/**
 * Text the core words and helper "reasons" is moving to message keys (in parallel): a batch
 * plan's problems and skip reasons, and the preflight items of a new cluster. Left out until
 * that lands, then this goes.
 */
function withoutOthersText(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^不在计划中：/.test(l) && !/^\s+- /.test(l))
    .join('\n');
}

/** The user's data, ids and the command line (command and option names stay English). */
function untranslated(text: string, extraNames: string[] = []): string[] {
  const stripped = withoutOthersText(text)
    .split(dataDir)
    .join(' ')
    .replace(/\balias\/[\w/.-]+/g, ' ') // KMS aliases
    .replace(/https?:\/\/\S+/g, ' ') // console links
    .replace(/ack-secret-guard(\s+(--?)?[\w./:=|-]+)*/g, ' ') // commands quoted in the text
    .replace(/(^|\s|\()--[a-z][\w-]*/g, ' ') // option names
    .replace(/\b[a-z]+[A-Z]?\w*(\.[a-zA-Z]\w*)+(\[\d+\])?/g, ' ') // check ids, scope.clusterIds[0]
    .replace(/"[a-z_]+":/g, ' ') // JSON keys in a request body
    .replace(/\b[a-z]+-[a-z0-9-]+\b/g, ' ') // hyphenated ids and names (key-…, edge-pro-…)
    .replace(/\b[a-z0-9]{20,}\b/g, ' '); // cluster ids
  return englishWords(stripped, [DEMO.keys.valid, ...extraNames], ALLOWED);
}

async function expectChinese(argv: string[], options: CliOptions = {}, exit?: number) {
  const r = await zh(argv, options);
  if (exit !== undefined) expect(r.code, `${argv.join(' ')}\n${r.out}${r.err}`).toBe(exit);
  expect(untranslated(r.out + r.err), `${argv.join(' ')}:\n${r.out}${r.err}`).toEqual([]);
  return r;
}

describe('the CLI in Chinese, every command', () => {
  it('accounts, clusters, keys, info', async () => {
    await expectChinese(['accounts', 'list'], {}, 0);
    await expectChinese(['accounts', 'test', 'Retail'], {}, 0);
    await expectChinese(['clusters', 'list', '--cached'], {}, 0);
    await expectChinese(['keys', 'list', '--account', 'Retail', '--region', 'cn-hangzhou'], {}, 0);
    await expectChinese(['keys', 'health'], {}, 5);
    const where = ['--account', 'Retail', '--region', 'cn-hangzhou', '--dry-run'];
    const fix = await expectChinese(
      ['keys', 'fix', DEMO.keys.pendingDeletion, '--cancel-deletion', ...where],
      {},
      0,
    );
    expect(fix.out).toContain('试运行');
    await expectChinese(['keys', 'fix', DEMO.keys.valid, '--enable', ...where], {}, 0);
    await expectChinese(['info'], {}, 0);
  });

  it('check, enable/disable --dry-run, status, a change followed, verify, audit', async () => {
    await expectChinese(['check', DEMO.clusters.happy, '--key', DEMO.keys.valid], {}, 0);
    await expectChinese(
      ['enable', DEMO.clusters.happy, '--key', DEMO.keys.valid, '--dry-run'],
      {},
      0,
    );
    await expectChinese(['disable', ENCRYPTED, '--dry-run'], {}, 0);
    await expectChinese(['status', DEMO.clusters.happy], {}, 0);
    await expectChinese(['disable', ENCRYPTED, '--yes', '--wait'], {}, 0);
    const receipt = path.join(dataDir, 'receipt.txt');
    const verify = await expectChinese(['verify', ENCRYPTED, '--receipt', receipt]);
    expect(verify.out).toContain('Secret 落盘加密验证回执');
    await expectChinese(['audit'], {}, 0);
  });

  it('batch plan, apply --dry-run, list, show', async () => {
    const file = path.join(dataDir, 'plan-zh.json');
    writeFileSync(
      file,
      JSON.stringify({
        action: 'enable',
        keyId: DEMO.keys.valid,
        scope: { clusterIds: [DEMO.clusters.happy, DEMO.clusters.edgeBasic] },
      }),
    );
    const plan = await expectChinese(['batch', 'plan', '--file', file], {}, 0);
    const batchId = /ack-secret-guard batch apply --id (\S+)/.exec(plan.out)?.[1] ?? '';
    expect(batchId).not.toBe('');
    await expectChinese(['batch', 'apply', '--id', batchId, '--dry-run'], {}, 0);
    await expectChinese(['batch', 'apply', '--id', batchId, '--yes'], {}, 0);
    await expectChinese(['batch', 'list'], {}, 0);
    await expectChinese(['batch', 'show', batchId], {}, 0);
  });

  it('clusters create --dry-run: the labels around the request', async () => {
    const spec = path.join(dataDir, 'spec-zh.json');
    writeFileSync(
      spec,
      JSON.stringify({
        account: 'Retail',
        regionId: 'cn-hangzhou',
        name: 'edge-cli-zh',
        keyId: DEMO.keys.valid,
        vpcId: 'vpc-hzdemoretail0001',
        vswitchIds: ['vsw-hzdemonewsite001'],
        containerCidr: '172.20.0.0/16',
        serviceCidr: '172.21.0.0/20',
      }),
    );
    const r = await zh(['clusters', 'create', '--file', spec, '--dry-run']);
    expect(r.code, r.out + r.err).toBe(0);
    // The request itself (JSON body, Terraform, aliyun command) is code, not words; the
    // preflight items' own summaries and fixes are helper "reasons"' (only the labels here).
    const labels = /^(创建 |请求体|Terraform|aliyun CLI|试运行)/;
    const words = r.out.split('\n').filter((l) => labels.test(l) && !l.startsWith('aliyun cs '));
    expect(words).toHaveLength(5);
    expect(untranslated(words.join('\n')), r.out).toEqual([]);
    expect(r.out).toContain('aliyun CLI：');
  });
});
