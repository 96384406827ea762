// Every check result carries its summary and fix as a message (key + parameters) whose English is
// the summary/hint kept for logs and --json; the specific fix reaches zh-CN with its numbers.
import { describe, expect, it } from 'vitest';
import { evidenceLabel, formatMessage } from '../../../electron/contract';
import type { CheckResult } from '../../../electron/contract';
import {
  keyCreator,
  keyDeletionProtection,
  keyExists,
  keyRegionCheck,
  keyRotation,
  keySpec,
  keyState,
  keyUsage,
} from '../../../electron/core/checks/key';
import { keyUsableForDisable } from '../../../electron/core/checks/key-before-disable';
import { callerKmsCryptoAdmin, serviceRole } from '../../../electron/core/checks/access';
import { clusterEncryption, clusterState } from '../../../electron/core/checks/cluster';
import { FakeContext } from './fake-context';

const KEY_CHECKS = [keyRegionCheck, keySpec, keyUsage, keyState, keyRotation, keyCreator];

/** The message is the summary: the English text is derived from it, never written twice. */
function expectWorded(r: CheckResult): void {
  expect(r.message, r.id).toBeDefined();
  expect(formatMessage(r.message!, 'en')).toBe(r.summary);
  expect(formatMessage(r.message!, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
  if (r.fix) {
    expect(r.fix.messages?.length, r.id).toBeGreaterThan(0);
    expect(r.fix.messages!.map((m) => formatMessage(m, 'en')).join(' ')).toBe(r.fix.hint);
  }
  for (const name of Object.keys(r.evidence)) expect(evidenceLabel(name), name).not.toBeNull();
}

describe('a key that does not exist', () => {
  it('is one clear line in key.exists; the other key checks say they were not checked', async () => {
    const ctx = new FakeContext({});
    const exists = await keyExists(ctx);
    expect(exists.status).toBe('fail');
    expect(exists.summary).toMatch(/^Key key-1 does not exist in cn-hangzhou/);
    expect(formatMessage(exists.fix!.messages![0]!, 'zh-CN')).toContain('cn-hangzhou');
    expectWorded(exists);
    for (const check of [...KEY_CHECKS, keyDeletionProtection]) {
      const r = await check(ctx);
      expect(r.status, r.id).toBe('unknown');
      expect(r.summary).toBe('Not checked: key key-1 does not exist in cn-hangzhou.');
      expect(r.summary).not.toMatch(/unexpected error/);
      expect(r.evidence.notCheckedBecause).toBe('key.exists');
      expect(r.fix).toBeNull();
      expectWorded(r);
    }
  });
});

describe('check messages', () => {
  it('word every key check of an eligible key, in both languages', async () => {
    for (const check of [...KEY_CHECKS, keyExists, keyDeletionProtection]) {
      expectWorded(await check(new FakeContext({ keys: { 'key-1': {} } })));
    }
  });

  it('give the deletion-protection fix with the key id to copy', async () => {
    const r = await keyDeletionProtection(
      new FakeContext({ keys: { 'key-1': { deletionProtection: 'Disabled' } } }),
    );
    expect(r.fix?.copy).toBe('key-1');
    expect(formatMessage(r.fix!.messages![0]!, 'zh-CN')).toBe('请为此密钥开启删除保护。');
  });

  it('word the key before a disable: Enabled is a pass, pending deletion names the date', async () => {
    const cluster = {
      metaData: JSON.stringify({
        Capabilities: { EncryptionKMSKeyId: 'key-1', DisableEncryption: 'false' },
      }),
    };
    const enabled = await keyUsableForDisable(
      new FakeContext({ cluster, keys: { 'key-1': {} } }, { action: 'disable', keyId: null }),
    );
    expect(enabled.status).toBe('pass');
    expectWorded(enabled);
    const pending = await keyUsableForDisable(
      new FakeContext(
        {
          cluster,
          keys: { 'key-1': { keyState: 'PendingDeletion', deleteDate: '2026-12-09T00:00:00Z' } },
        },
        { action: 'disable', keyId: null },
      ),
    );
    expect(pending.status).toBe('fail');
    expect(formatMessage(pending.message!, 'zh-CN')).toContain(
      '将于 2026-12-09T00:00:00Z 彻底删除',
    );
    expect(pending.fix?.copy).toBe('key-1');
    expectWorded(pending);
  });

  it('word the cluster and access checks', async () => {
    const ctx = new FakeContext({});
    for (const check of [clusterState, clusterEncryption, serviceRole, callerKmsCryptoAdmin])
      expectWorded(await check(ctx));
  });
});
