// The key checks over an in-memory CheckContext: every status each can return, and the fix it
// offers. One DescribeKey answers them all (fake-context.ts KEY is an eligible key).
import { describe, expect, it } from 'vitest';
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
import type { KmsKeyMetadata } from '../../../electron/core/cloud/kms';
import { FakeContext, cloudError } from './fake-context';
import type { Script } from './fake-context';

const withKey = (k: Partial<KmsKeyMetadata>, script: Script = {}, input = {}) =>
  new FakeContext({ keys: { 'key-1': k }, ...script }, input);

describe('key.exists', () => {
  it('passes when DescribeKey finds the key, with its ARN in evidence', async () => {
    const r = await keyExists(withKey({}));
    expect(r.status).toBe('pass');
    expect(r.evidence.arn).toBe('acs:kms:cn-hangzhou:1234567890:key/key-1');
  });
  it('fails when no key was chosen', async () => {
    const r = await keyExists(new FakeContext({}, { keyId: null }));
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('No key was chosen.');
  });
  it('fails when the key is not found, naming the region of an ARN that points elsewhere', async () => {
    const r = await keyExists(
      new FakeContext({}, { keyRef: 'acs:kms:cn-beijing:1234567890:key/key-1' }),
    );
    expect(r.status).toBe('fail');
    expect(r.summary).toContain('does not exist in cn-hangzhou');
    expect(r.summary).toContain('region cn-beijing');
    expect(r.fix?.consoleUrl).toContain('cn-hangzhou');
  });
  it('is unknown (never pass) when the key cannot be read', async () => {
    const r = await keyExists(new FakeContext({ keys: { 'key-1': cloudError('permission') } }));
    expect(r.status).toBe('unknown');
  });
});

describe('key.region', () => {
  it('passes for a key in the cluster region', async () => {
    expect((await keyRegionCheck(withKey({}))).status).toBe('pass');
  });
  it('fails for a key in another region', async () => {
    const r = await keyRegionCheck(withKey({ arn: 'acs:kms:cn-beijing:1234567890:key/key-1' }));
    expect(r.status).toBe('fail');
    expect(r.evidence).toMatchObject({ keyRegion: 'cn-beijing', clusterRegion: 'cn-hangzhou' });
  });
  it('fails for an ARN without a region (never pass on an unreadable ARN)', async () => {
    expect((await keyRegionCheck(withKey({ arn: 'not-an-arn' }))).status).toBe('fail');
  });
  it('is unknown when the key is not found (key.exists says why)', async () => {
    expect((await keyRegionCheck(new FakeContext({}))).status).toBe('unknown');
  });
});

describe('key.spec and key.usage', () => {
  it('pass for Aliyun_AES_256 and ENCRYPT/DECRYPT', async () => {
    expect((await keySpec(withKey({}))).status).toBe('pass');
    expect((await keyUsage(withKey({}))).status).toBe('pass');
  });
  it.each(['Aliyun_SM4', 'RSA_2048', 'aliyun_aes_256'])('key.spec fails for %s', async (spec) => {
    expect((await keySpec(withKey({ keySpec: spec }))).status).toBe('fail');
  });
  it.each(['SIGN/VERIFY', 'encrypt/decrypt'])('key.usage fails for %s', async (usage) => {
    expect((await keyUsage(withKey({ keyUsage: usage }))).status).toBe('fail');
  });
});

describe('key.state', () => {
  it('passes an Enabled key for enabling', async () => {
    expect((await keyState(withKey({}))).status).toBe('pass');
  });
  it('warns to keep the key enabled while disabling', async () => {
    const ctx = new FakeContext(
      {
        cluster: {
          metaData: JSON.stringify({
            Capabilities: { EncryptionKMSKeyId: 'key-1', DisableEncryption: 'false' },
          }),
        },
        keys: { 'key-1': {} },
      },
      { action: 'disable', keyId: null },
    );
    const r = await keyState(ctx);
    // Enabled is healthy: a pass whose summary says to keep it so (never a warning).
    expect(r.status).toBe('pass');
    expect(r.summary).toMatch(/Keep it enabled until the change has ended/);
    expect(r.message?.key).toBe('check.key.state.enabledKeepIt');
    expect(r.evidence.keyId).toBe('key-1');
  });
  it.each([
    ['Disabled', 'Enable the key'],
    ['PendingDeletion', 'Cancel the key deletion'],
    ['PendingImport', 'Enable the key'],
  ])('fails a %s key, saying what to do', async (state, hint) => {
    const r = await keyState(withKey({ keyState: state }));
    expect(r.status).toBe('fail');
    expect(r.fix?.hint).toContain(hint);
  });
});

describe('key.rotation', () => {
  it.each([
    ['Disabled', 'pass'],
    ['Suspended', 'warn'],
    ['Enabled', 'fail'],
    [null, 'unknown'],
    ['Paused', 'unknown'],
  ])('automatic rotation %s: %s', async (rotation, status) => {
    expect((await keyRotation(withKey({ automaticRotation: rotation }))).status).toBe(status);
  });
});

describe('key.creator', () => {
  it('passes a key created by the account (its uid)', async () => {
    expect((await keyCreator(withKey({}))).status).toBe('pass');
  });
  it('fails a key whose creator is a service name', async () => {
    expect((await keyCreator(withKey({ creator: 'Oss' }))).status).toBe('fail');
  });
  it('fails a key ListKeys lists as CreatorType=Service, whatever its creator says', async () => {
    const r = await keyCreator(withKey({}, { serviceKeyIds: ['key-1'] }));
    expect(r.status).toBe('fail');
  });
  it('still decides from Creator when the service-key listing fails', async () => {
    const ctx = withKey({ creator: 'Oss' }, { serviceKeyIds: cloudError('permission') });
    expect((await keyCreator(ctx)).status).toBe('fail');
    const user = withKey({}, { serviceKeyIds: cloudError('permission') });
    expect((await keyCreator(user)).status).toBe('pass');
  });
});

describe('key.deletionProtection', () => {
  it('passes when on', async () => {
    expect((await keyDeletionProtection(withKey({}))).status).toBe('pass');
  });
  it('warns when off, offering the in-app fix', async () => {
    const r = await keyDeletionProtection(withKey({ deletionProtection: 'Disabled' }));
    expect(r.status).toBe('warn');
    expect(r.fix?.action).toBe('enable-deletion-protection');
  });
  it.each([null, 'Unknown'])('is unknown when KMS says %s', async (value) => {
    expect((await keyDeletionProtection(withKey({ deletionProtection: value }))).status).toBe(
      'unknown',
    );
  });
});
