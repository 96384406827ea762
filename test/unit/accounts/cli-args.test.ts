import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError, readStdinLines } from '../../../electron/cli/args';
import { parseAccountsArgs } from '../../../electron/cli/commands/accounts/parse';

const usage = (args: string[]) => {
  try {
    parseAccountsArgs(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${args.join(' ')}`);
};

describe('accounts CLI arguments', () => {
  it('list, test, remove', () => {
    expect(parseAccountsArgs(['list'])).toEqual({ action: 'list' });
    expect(parseAccountsArgs(['test', 'Prod'])).toEqual({ action: 'test', name: 'Prod' });
    expect(parseAccountsArgs(['remove', 'Prod'])).toEqual({ action: 'remove', name: 'Prod' });
    // Help is main.ts's (it answers --help before any command runs): no help branch here.
    expect(usage([])).toMatch(/needs a subcommand/);
    usage(['list', '--help']);
    usage(['test']);
    usage(['test', 'a', 'b']);
    usage(['list', 'extra']);
    usage(['frobnicate']);
  });

  it('add access-key: secret from stdin only', () => {
    expect(
      parseAccountsArgs([
        'add',
        '--name',
        'Prod',
        '--type',
        'access-key',
        '--access-key-id',
        'LTAI5tX',
        '--secret-stdin',
        '--regions',
        'cn-hangzhou, cn-shanghai',
        '--endpoint',
        'http://127.0.0.1:1',
        '--proxy',
        'http://bob@proxy:3128',
        '--proxy-password-stdin',
        '--colour',
        'teal',
      ]),
    ).toEqual({
      action: 'add',
      kind: 'access-key',
      name: 'Prod',
      accessKeyId: 'LTAI5tX',
      regions: ['cn-hangzhou', 'cn-shanghai'],
      endpoint: 'http://127.0.0.1:1',
      proxy: 'http://bob@proxy:3128',
      colour: 'teal',
      stdinLines: ['accessKeySecret', 'proxyPassword'],
    });
    expect(
      usage(['add', '--name', 'P', '--type', 'access-key', '--access-key-id', 'LTAI5tX']),
    ).toMatch(/--secret-stdin is required/);
    // No option carries a secret; a value given anyway is never quoted back.
    const msg = usage([
      'add',
      '--name',
      'P',
      '--type',
      'access-key',
      '--access-key-id',
      'X',
      '--secret-stdin',
      's3cr3t-in-args',
    ]);
    expect(msg).not.toContain('s3cr3t-in-args');
    expect(usage(['add', '--name', 'P', '--type', 'access-key', '--secret', 'zzz'])).not.toContain(
      'zzz',
    );
    expect(
      usage([
        'add',
        '--name',
        'P',
        '--type',
        'access-key',
        '--access-key-id',
        'X',
        '--secret-stdin',
        '--proxy',
        'http://u:pw-in-args@p:1',
      ]),
    ).toMatch(/proxy-password-stdin/);
  });

  it('add sts-token and ram-role', () => {
    expect(
      parseAccountsArgs([
        'add',
        '--name',
        'T',
        '--type',
        'sts-token',
        '--access-key-id',
        'STS.Nabc',
        '--expiration',
        '2030-01-01T00:00:00Z',
        '--secret-stdin',
      ]),
    ).toMatchObject({
      kind: 'sts-token',
      expiration: '2030-01-01T00:00:00Z',
      stdinLines: ['accessKeySecret', 'securityToken'],
    });
    expect(
      usage([
        'add',
        '--name',
        'T',
        '--type',
        'sts-token',
        '--access-key-id',
        'STS.N',
        '--secret-stdin',
      ]),
    ).toMatch(/--expiration is required/);
    expect(
      parseAccountsArgs([
        'add',
        '--name',
        'R',
        '--type',
        'ram-role',
        '--source-account',
        'Prod',
        '--role-arn',
        'acs:ram::1:role/r',
        '--session-name',
        's',
        '--duration',
        '900',
        '--external-id',
        'e',
      ]),
    ).toMatchObject({
      kind: 'ram-role',
      sourceAccount: 'Prod',
      roleArn: 'acs:ram::1:role/r',
      sessionName: 's',
      durationSeconds: 900,
      externalId: 'e',
      stdinLines: [],
    });
    expect(usage(['add', '--name', 'R', '--type', 'ram-role', '--role-arn', 'a'])).toMatch(
      /--source-account is required/,
    );
    expect(
      usage([
        'add',
        '--name',
        'R',
        '--type',
        'ram-role',
        '--source-account',
        'P',
        '--role-arn',
        'a',
        '--secret-stdin',
      ]),
    ).toMatch(/does not apply/);
    expect(
      usage([
        'add',
        '--name',
        'R',
        '--type',
        'ram-role',
        '--source-account',
        'P',
        '--role-arn',
        'a',
        '--duration',
        '1h',
      ]),
    ).toMatch(/seconds/);
    expect(usage(['add', '--type', 'access-key'])).toMatch(/--name is required/);
    expect(usage(['add', '--name', 'x', '--type', 'root'])).toMatch(/--type must be/);
  });

  it('import-aliyun-cli', () => {
    expect(parseAccountsArgs(['import-aliyun-cli'])).toEqual({
      action: 'import',
      profiles: [],
      apply: false,
    });
    expect(
      parseAccountsArgs([
        'import-aliyun-cli',
        '--config',
        '/x.json',
        '--profile',
        'a',
        '--profile',
        'b',
        '--apply',
      ]),
    ).toEqual({ action: 'import', config: '/x.json', profiles: ['a', 'b'], apply: true });
    usage(['import-aliyun-cli', 'a']);
  });

  it('reads stdin lines (CRLF too)', async () => {
    const stream = new PassThrough();
    stream.end('secret-one\r\ntoken-two\n');
    expect(await readStdinLines(stream)).toEqual(['secret-one', 'token-two']);
  });
});
