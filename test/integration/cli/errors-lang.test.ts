// The CLI's errors in Chinese (--lang zh-CN): a cluster no account has and a refused enable are
// worded from the core's catalog, with no English left but the error code, ids and names; the
// exit codes are the same in both languages, and --json keeps the code, the English message and
// the msg. Against the simulator and the real keychain, in-process.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../simulator';
import { formatMessage } from '../../../electron/contract';
import type { ContractError } from '../../../electron/contract';
import { cliHarness } from '../../support/cli-harness';
import { englishWords } from '../../support/english-words';

const { cli } = cliHarness({ prefix: 'cli-errors-lang', regions: ['cn-hangzhou'] });
const UNKNOWN = 'c0000000000000000000000000000dead';
const zh = (argv: string[]) => cli(['--lang', 'zh-CN', ...argv]);

describe('CLI errors in Chinese', () => {
  it('a cluster no account has: not found, exit 4', async () => {
    const r = await zh(['enable', UNKNOWN, '--key', DEMO.keys.valid]);
    expect(r.code, r.out + r.err).toBe(4);
    expect(r.err).toBe(
      `错误（cloud）：在账号 Retail 中未找到集群 ${UNKNOWN}。请检查集群 ID，以及它的账号是否已保存在此。\n`,
    );
    const en = await cli(['--lang', 'en', 'enable', UNKNOWN, '--key', DEMO.keys.valid]);
    expect(en.code).toBe(4);
    expect(en.err).toContain(`error (cloud): Cluster ${UNKNOWN} was not found in account Retail`);
  });

  it('a refused enable: the failing check by its own message, exit 3', async () => {
    const r = await zh(['enable', DEMO.clusters.edgeBasic, '--key', DEMO.keys.valid]);
    expect(r.code, r.out + r.err).toBe(3);
    expect(r.err).toMatch(
      /^错误（checklist-not-ready）：未开始：1 项检查未通过：Secret 落盘加密需要 Pro 版集群/,
    );
    // The cluster's edition is the cloud's own value (cluster_spec), like an id.
    expect(englishWords(r.err, ['checklist-not-ready', 'ack.standard'])).toEqual([]);
  });

  it('--json: the code, the English message and the msg, whatever the language', async () => {
    const r = await zh(['--json', 'enable', DEMO.clusters.edgeBasic, '--key', DEMO.keys.valid]);
    expect(r.code).toBe(3);
    const { error } = JSON.parse(r.out) as { error: ContractError };
    expect(error.code).toBe('checklist-not-ready');
    expect(error.message).toMatch(/^Not started: 1 check failed: cluster\.edition \(/);
    expect(error.msg?.key).toBe('error.checklist.notReady');
    expect(formatMessage(error.msg!, 'en')).toBe(error.message);
  });
});
