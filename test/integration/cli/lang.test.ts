// The CLI in Chinese: `clusters list`, `check` and `status` follow LANG and --lang (headers,
// states, the verdict, times local without milliseconds), and their JSON (and that of accounts,
// keys health, a key fix's dry run and batches) is the same in both languages. Against the simulator and the real keychain, in-process.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { runMain } from '../../support/cli-in-process';
import { addDemoAccessKey } from '../../support/demo-account-args';

let sim: Simulator;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-cli-lang-'));
const ZH = { LANG: 'zh_CN.UTF-8' };
const cli = (argv: string[], env: NodeJS.ProcessEnv = {}, stdin = '') =>
  runMain(['--data-dir', dataDir, ...argv], { env, stdin });

beforeAll(async () => {
  sim = await startSimulator({ fixture: 'demo', port: 0 });
  const add = addDemoAccessKey({
    name: 'Retail',
    accessKeyId: DEMO.accessKeys.retailRoot,
    endpoint: sim.url,
    regions: ['cn-hangzhou'],
  });
  const added = await cli(add.argv, {}, add.stdin);
  expect(added.code, added.err).toBe(0);
});
afterAll(async () => {
  await cli(['accounts', 'remove', 'Retail']).catch(() => undefined);
  await sim?.stop();
});

describe('clusters list in Chinese', () => {
  it('via LANG and via --lang: headers, states and the count; local time without ms', async () => {
    const viaEnv = await cli(['clusters', 'list'], ZH);
    expect(viaEnv.code, viaEnv.err).toBe(0);
    const [header] = viaEnv.out.split('\n');
    expect(header).toMatch(/^集群 ID\s+名称\s+账号\s+地域\s+状态\s+密钥健康\s+落盘加密$/);
    const happy = viaEnv.out.split('\n').find((l) => l.startsWith(DEMO.clusters.happy))!;
    expect(happy).toMatch(/运行中.*未加密$/);
    expect(viaEnv.out).toMatch(
      /\d+ 个集群，列出于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d\n$/,
    );
    const viaFlag = await cli(['--lang', 'zh-CN', 'clusters', 'list', '--cached']);
    expect(viaFlag.out.split('\n')[0]).toBe(header);
    // --lang wins over LANG.
    const english = await cli(['clusters', 'list', '--cached', '--lang', 'en'], ZH);
    expect(english.out).toMatch(/^CLUSTER\s+NAME/);
  });

  it('JSON is the same in both languages', async () => {
    const zh = await cli(['--json', 'clusters', 'list', '--cached'], ZH);
    const en = await cli(['--json', 'clusters', 'list', '--cached', '--lang', 'en']);
    expect(zh.out).toBe(en.out);
    expect(JSON.parse(zh.out).clusters.length).toBeGreaterThan(0);
  });
});

describe('check and status in Chinese', () => {
  it('check: the verdict and the marks', async () => {
    const zh = await cli(['check', DEMO.clusters.happy, '--key', DEMO.keys.valid], ZH);
    expect(zh.code, zh.out + zh.err).toBe(0);
    expect(zh.out.split('\n')[0]).toBe(
      `开启落盘加密 ${DEMO.clusters.happy} 使用 ${DEMO.keys.valid}: 就绪`,
    );
    expect(zh.out).toMatch(/\[通过\] cluster\.edition/);
    const basic = await cli(['--lang', 'zh-CN', 'check', DEMO.clusters.edgeBasic, '--disable']);
    expect(basic.code).toBe(3);
    expect(basic.out).toContain(': 未就绪');
    expect(basic.out).toMatch(/\[未通过\] cluster\.edition/);
  });

  it('check JSON is the same in both languages (apart from request ids and times)', async () => {
    const strip = (out: string): unknown =>
      JSON.parse(out, (key, value: unknown) =>
        /requestid$/i.test(key) || key.endsWith('At') || key === 'eventTime' ? undefined : value,
      );
    const zh = await cli(['--json', 'check', 'edge-pro-hz-plain', '--disable'], ZH);
    const en = await cli(['--json', 'check', 'edge-pro-hz-plain', '--disable']);
    expect(strip(zh.out)).toEqual(strip(en.out));
  });

  it('status of a cluster with no recorded change, and its JSON', async () => {
    const zh = await cli(['status', 'edge-pro-hz-plain'], ZH);
    expect(zh.code, zh.err).toBe(0);
    expect(zh.out).toContain(`没有 edge-pro-hz-plain（${DEMO.clusters.happy}）的变更记录。`);
    expect(zh.out).toContain('运行中；Secret 落盘加密：未加密。');
    const jsonZh = await cli(['--json', 'status', DEMO.clusters.happy], ZH);
    const jsonEn = await cli(['--json', 'status', DEMO.clusters.happy]);
    expect(jsonZh.out).toBe(jsonEn.out);
  });

  it('an error the CLI writes itself is in Chinese too', async () => {
    const r = await cli(['status', 'no such cluster'], ZH);
    expect(r.code).toBe(2);
    expect(r.err).toContain('集群列表中没有 ID 或名称为“no such cluster”的集群');
  });
});

describe('JSON of accounts, keys and batches is the same in both languages', () => {
  it.each([
    [['accounts', 'list']],
    [['keys', 'health', '--cached']],
    [
      [
        'keys',
        'fix',
        DEMO.keys.valid,
        '--enable',
        '--account',
        'Retail',
        '--region',
        'cn-hangzhou',
        '--dry-run',
      ],
    ],
    [['batch', 'list']],
  ])('%j', async (argv) => {
    const inZh = await cli(['--json', ...argv], ZH);
    const inEn = await cli(['--json', '--lang', 'en', ...argv], ZH);
    const strip = (out: string): unknown =>
      JSON.parse(out, (key, value: unknown) =>
        /requestid$/i.test(key) || key.endsWith('At') ? undefined : value,
      );
    expect(strip(inZh.out)).toEqual(strip(inEn.out));
  });
});
