import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../electron/contract';
import { assess, clusterStateCode } from '../../../electron/core/operations/assess';

const meta = (caps: Record<string, unknown>) => JSON.stringify({ Capabilities: caps });
const enable = { action: 'enable' as const, keyId: 'key-1' };
const disable = { action: 'disable' as const, keyId: 'key-1' };

describe('assess', () => {
  it('waits while the cluster still reads running without the target', () => {
    expect(assess(enable, { state: 'running', metaData: meta({}) }, false)).toEqual({
      kind: 'waiting',
    });
  });
  it('is under way once updating is seen, or the target shows', () => {
    expect(assess(enable, { state: 'updating', metaData: meta({}) }, false)).toEqual({
      kind: 'under-way',
    });
    expect(
      assess(
        enable,
        {
          state: 'running',
          metaData: meta({ EncryptionKMSKeyId: 'key-1', DisableEncryption: 'False' }),
        },
        false,
      ),
    ).toEqual({ kind: 'under-way' });
    // A key id without the DisableEncryption flag does not say encryption is on.
    expect(
      assess(enable, { state: 'running', metaData: meta({ EncryptionKMSKeyId: 'key-1' }) }, false),
    ).toEqual({ kind: 'waiting' });
  });
  it('ends when running again with the target', () => {
    expect(
      assess(
        enable,
        {
          state: 'running',
          metaData: meta({ EncryptionKMSKeyId: 'key-1', DisableEncryption: false }),
        },
        true,
      ),
    ).toMatchObject({ kind: 'ended', outcome: 'succeeded' });
    expect(
      assess(
        disable,
        {
          state: 'running',
          metaData: meta({ EncryptionKMSKeyId: 'key-1', DisableEncryption: true }),
        },
        true,
      ),
    ).toMatchObject({ kind: 'ended', outcome: 'succeeded' });
  });
  it('fails on failed/deleting/deleted, and when back to running without the target', () => {
    for (const state of ['failed', 'deleting', 'deleted']) {
      expect(assess(enable, { state, metaData: null }, true)).toMatchObject({
        kind: 'ended',
        outcome: 'failed',
      });
    }
    expect(assess(enable, { state: 'running', metaData: meta({}) }, true)).toMatchObject({
      kind: 'ended',
      outcome: 'failed',
    });
    expect(
      assess(enable, { state: 'running', metaData: meta({ EncryptionKMSKeyId: 'key-2' }) }, true),
    ).toMatchObject({ outcome: 'failed' });
  });
  it('ends a change as failed on updating_failed, stopped and delete_failed (docs §4.1), even before updating was seen', () => {
    for (const state of ['updating_failed', 'stopped', 'delete_failed']) {
      for (const underWay of [true, false]) {
        const verdict = assess(enable, { state, metaData: meta({}) }, underWay);
        expect(verdict).toMatchObject({ kind: 'ended', outcome: 'failed' });
        expect(verdict.kind === 'ended' && formatMessage(verdict.reason, 'en')).toContain(state);
        // Said in Chinese too, with the state named as the cloud writes it.
        expect(verdict.kind === 'ended' && formatMessage(verdict.reason, 'zh-CN')).toMatch(
          new RegExp(`状态 ${state}`),
        );
      }
    }
    // updating_failed is "failed to be updated", not a creation failure: said so.
    const failedUpdate = assess(disable, { state: 'updating_failed', metaData: null }, true);
    expect(failedUpdate.kind === 'ended' && formatMessage(failedUpdate.reason, 'en')).toMatch(
      /failed to be updated/,
    );
  });
  it('keeps following other transitional states (bounded by the time limit)', () => {
    for (const state of ['scaling', 'waiting', 'upgrading', 'disconnected']) {
      expect(assess(enable, { state, metaData: meta({}) }, true)).toEqual({ kind: 'under-way' });
    }
  });
  it('names the error code after the state', () => {
    expect(clusterStateCode('updating_failed')).toBe('ClusterUpdatingFailed');
    expect(clusterStateCode('failed')).toBe('ClusterFailed');
    expect(clusterStateCode('running')).toBe('ClusterRunning');
  });
  it('tolerates unreadable meta_data (never a false success)', () => {
    expect(assess(enable, { state: 'running', metaData: 'not json' }, true)).toMatchObject({
      outcome: 'failed',
    });
    expect(assess(enable, { state: 'running', metaData: null }, false)).toEqual({
      kind: 'waiting',
    });
  });
});
