// Errors and notices as catalog messages (errors-en.ts / errors-zh-CN.ts): a GuardError built
// from a message has its English as `message` and carries the message over the contract;
// messages nest (a refusal lists its checks by their own messages); a cloud error is worded by
// its kind; the keychain's advice, the dispatcher's own errors and a notice are in the catalog.
import { describe, expect, it } from 'vitest';
import {
  GuardError,
  MESSAGE_CATALOGS,
  errorParam,
  formatMessage,
  isContractError,
  message,
  templateParams,
  wordedText,
} from '../../../electron/contract';
import type { MessageKey } from '../../../electron/contract';
import { errorsEn } from '../../../electron/contract/messages/errors-en';
import { keychainError } from '../../../electron/core/accounts/secret-store';
import { CloudError, toCloudError } from '../../../electron/core/cloud/errors';
import { createContext } from '../../../electron/core/context';
import { dispatch } from '../../../electron/core/dispatch';
import { EventHub } from '../../../electron/core/events';
import { englishWords } from '../../support/english-words';

const errorKeys = Object.keys(errorsEn) as MessageKey[];

describe('the errors block of the catalog', () => {
  it('is in both catalogs, and zh-CN has no English left once its parameters are out', () => {
    for (const key of errorKeys) {
      const zh = MESSAGE_CATALOGS['zh-CN'][key];
      expect(zh, key).toBeTruthy();
      const words = templateParams(MESSAGE_CATALOGS.en[key]).map((p) => `{${p}}`);
      // Commands, file names and the fixes' tools are quoted as they are typed.
      const typed = [
        'secret-tool clear service ack-secret-guard username',
        'dbus-run-session',
        'DBUS_SESSION_BUS_ADDRESS',
        'apt-get install gnome-keyring',
        'gnome-keyring-daemon --start --components=secrets',
        'gnome-keyring-daemon --unlock',
        'gnome-keyring-daemon --replace',
        'gnome-keyring',
        'KWallet/KeePassXC',
        'Seahorse',
        'aliyun configure',
        'profiles',
        'chmod',
        '--data-dir',
        'status',
        'AssumeRole',
        'AliyunSTSAssumeRoleAccess',
        'acs:ram::',
        ':role/',
        'http://proxy.example:3128',
        'http://',
        'https://',
        'CA',
        'ISO 8601',
        'URL',
        'uid',
        'D-Bus',
        'gnome-keyring-daemon',
        'acs:ram::<账号 ID>:role/',
        'aliyun configure',
        // A KMS instance id's prefix (kst-…), as the console writes it.
        'kst-…',
        // KMS API names, as the cloud and its console write them.
        'CreateKey',
      ];
      expect(englishWords(zh, [...words, ...typed]), `${key}: ${zh}`).toEqual([]);
    }
  });
});

describe('GuardError from a message', () => {
  it('has the English text as its message and carries the message over the contract', () => {
    const msg = message('error.account.notFound', { id: 'acc-1' });
    const error = new GuardError('not-found', msg, { accountId: 'acc-1' });
    expect(error.message).toBe('There is no account with id acc-1.');
    expect(error.toContract()).toEqual({
      code: 'not-found',
      message: 'There is no account with id acc-1.',
      msg,
      details: { accountId: 'acc-1' },
    });
    expect(wordedText(error.toContract(), 'zh-CN')).toBe('没有 ID 为 acc-1 的账号。');
    expect(isContractError(error.toContract())).toBe(true);
  });

  it('keeps English-only errors as they were (no msg), and words them as their message', () => {
    const error = new GuardError('internal', 'Rare and internal.');
    expect(error.toContract()).toEqual({ code: 'internal', message: 'Rare and internal.' });
    expect(wordedText(error.toContract(), 'zh-CN')).toBe('Rare and internal.');
  });

  it('refuses a contract error whose msg is not a message', () => {
    expect(isContractError({ code: 'validation', message: 'x', msg: 'words' })).toBe(false);
    expect(isContractError({ code: 'validation', message: 'x', msg: { key: 1 } })).toBe(false);
  });
});

describe('messages inside messages', () => {
  it('words a nested message and a list in the same language', () => {
    const checks = [
      message('error.checklist.check', {
        id: 'key.spec',
        summary: message('check.key.spec.wrong', { actual: 'RSA_2048', spec: 'Aliyun_AES_256' }),
      }),
      message('error.checklist.check', { id: 'key.region', summary: 'plain English summary' }),
    ];
    const msg = message('error.checklist.notReady', {
      why: message('error.checklist.failed.many', { count: 2, checks }),
    });
    expect(formatMessage(msg, 'en')).toBe(
      'Not started: 2 checks failed: key.spec (Key spec is RSA_2048; ACK needs Aliyun_AES_256.); key.region (plain English summary)',
    );
    expect(formatMessage(msg, 'zh-CN')).toBe(
      `未开始：2 项检查未通过：${formatMessage(checks[0]!.params!.summary as never, 'zh-CN')}；plain English summary`,
    );
  });

  it('an error as a parameter: its own message when it has one', () => {
    const inner = new GuardError(
      'storage',
      message('error.storage.cannotRead', { file: 'f', code: 'EIO' }),
    );
    const notice = message('notice.auditUnwritable', { detail: errorParam(inner) });
    expect(formatMessage(notice, 'zh-CN')).toBe('无法写入审计日志：无法读取 f（EIO）。');
    expect(errorParam(new Error('boom'))).toBe('boom');
  });
});

describe('cloud errors by kind', () => {
  const sdkError = (code: string, statusCode: number) =>
    Object.assign(new Error(`${code}: code: ${statusCode}, denied request id: R-1`), {
      name: 'ResponseError',
      code,
      statusCode,
      data: { Code: code, Message: 'denied', RequestId: 'R-1' },
    });

  it.each([
    ['Forbidden.RAM', 403, 'cloud.error.permission.ram', '调用者没有此操作的 RAM 权限'],
    ['ForbiddenUpdateKMSState', 403, 'cloud.error.permission.rbac', 'RBAC 权限'],
    ['Throttling.User', 400, 'cloud.error.throttled', '限流'],
    ['InvalidAccessKeyId.NotFound', 404, 'cloud.error.auth', '凭据'],
    ['ErrorClusterNotFound', 404, 'cloud.error.notFound', '找不到'],
  ])('%s (HTTP %d) is worded as %s', (code, status, key, words) => {
    const error = toCloudError(sdkError(code, status), 'cs', 'DescribeClusterDetail');
    expect(error.msg?.key).toBe(key);
    expect(formatMessage(error.msg!, 'en')).toBe(error.message);
    const zh = formatMessage(error.msg!, 'zh-CN');
    expect(zh).toContain(words);
    // The sentence with the cloud's own words is quoted, not lost.
    expect(zh).toContain(`原文：${error.message}`);
  });

  it('a network failure is worded as no answer', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const error = toCloudError(reset, 'kms', 'DescribeKey');
    expect(error.msg?.key).toBe('cloud.error.network');
    expect(formatMessage(error.msg!, 'zh-CN')).toMatch(/^没有收到阿里云的应答/);
  });

  it('takes an explained refusal as it is', () => {
    const msg = message('error.refusal.cooldown', { minutes: 5, until: '12:05 (UTC+08:00)' });
    const error = new CloudError(msg, {
      kind: 'conflict',
      product: 'cs',
      action: 'UpdateKMSEncryption',
      cloudCode: null,
      httpStatus: 409,
      requestId: null,
    });
    expect(error.msg).toBe(msg);
    expect(error.message).toMatch(/^The cloud refused the change \(HTTP 409\)/);
  });
});

describe('the keychain, the dispatcher, notices', () => {
  it('says what to do about the keychain in either language', () => {
    const error = keychainError('locked', 'save');
    expect(error.message).toMatch(
      /^Could not save the account's secrets in the OS keychain: The keyring is locked/,
    );
    expect(formatMessage(error.msg!, 'zh-CN')).toMatch(
      /^无法把账号的凭据保存到系统钥匙串：钥匙串已锁定/,
    );
    const other = keychainError('failed', 'read', 'Some platform text');
    expect(other.message).toBe(
      "Could not read the account's secrets in the OS keychain: The OS keychain refused the request. (Some platform text)",
    );
  });

  it('words invalid input and the unforeseen from the catalog', async () => {
    const reply = await dispatch({} as never, 'accounts.remove', { nope: 1 });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.msg?.key).toBe('error.input.invalid');
    expect(wordedText(reply.error, 'zh-CN')).toMatch(/^accounts\.remove 的输入无效：/);
    const failing = {
      'app.info': async () => {
        throw new Error('boom');
      },
    } as never;
    const internal = await dispatch(failing, 'app.info', {}, () => undefined);
    expect(internal.ok ? null : internal.error).toEqual({
      code: 'internal',
      message: 'Something unexpected went wrong in app.info. The log file has the details.',
      msg: { key: 'error.internal', params: { call: 'app.info' } },
    });
  });

  it('a notice carries its message and its English text', () => {
    const events = new EventHub();
    const seen: unknown[] = [];
    events.on('app.notice', (n) => seen.push(n));
    const ctx = createContext({ events, now: () => 0 } as never);
    ctx.notice('warning', message('notice.settingsUnreadable', { aside: '/d/settings.json.x' }));
    expect(seen).toEqual([
      {
        level: 'warning',
        message:
          'The settings file could not be read and was moved to /d/settings.json.x; the defaults are in use.',
        msg: { key: 'notice.settingsUnreadable', params: { aside: '/d/settings.json.x' } },
        at: '1970-01-01T00:00:00.000Z',
      },
    ]);
  });
});
