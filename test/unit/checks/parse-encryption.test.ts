// How meta_data's Capabilities are read: what it does not say stays unknown, and
// DisableEncryption is read as Go's strconv.ParseBool reads a string (and JSON booleans).
import { describe, expect, it } from 'vitest';
import { parseEncryption, parseGoBool } from '../../../electron/core/cloud/cs';
import { encryptionOf } from '../../../electron/core/fleet/classify';

const meta = (caps: unknown) => JSON.stringify({ Capabilities: caps, KubernetesVersion: '1.30' });

describe('parseGoBool', () => {
  it.each(['1', 't', 'T', 'TRUE', 'true', 'True', true])('%s is true', (v) => {
    expect(parseGoBool(v)).toBe(true);
  });
  it.each(['0', 'f', 'F', 'FALSE', 'false', 'False', false])('%s is false', (v) => {
    expect(parseGoBool(v)).toBe(false);
  });
  it.each(['yes', 'no', 'tRUE', ' true', '', 1, 0, null, undefined, {}])('%s is unknown', (v) => {
    expect(parseGoBool(v)).toBeNull();
  });
});

describe('parseEncryption', () => {
  it('a meta_data without Capabilities says nothing (a bare list entry)', () => {
    for (const m of [JSON.stringify({ KubernetesVersion: '1.30' }), meta(null), meta([]), '', 'x'])
      expect(parseEncryption(m)).toEqual({ enabled: null, keyId: null, readable: false });
    expect(encryptionOf(JSON.stringify({ KubernetesVersion: '1.30' }))).toEqual({
      posture: 'unknown',
      enabled: null,
      keyId: null,
    });
  });
  it('reads the key and the flag, in every form ParseBool accepts', () => {
    expect(parseEncryption(meta({ EncryptionKMSKeyId: 'key-1', DisableEncryption: 'F' }))).toEqual({
      enabled: true,
      keyId: 'key-1',
      readable: true,
    });
    expect(
      parseEncryption(meta({ EncryptionKMSKeyId: 'key-1', DisableEncryption: false })),
    ).toEqual({ enabled: true, keyId: 'key-1', readable: true });
    expect(parseEncryption(meta({ EncryptionKMSKeyId: '', DisableEncryption: 'true' }))).toEqual({
      enabled: false,
      keyId: null,
      readable: true,
    });
    expect(parseEncryption(meta({ EncryptionKMSKeyId: 'key-1', DisableEncryption: '1' }))).toEqual({
      enabled: false,
      keyId: 'key-1',
      readable: true,
    });
  });
  it('Capabilities without any encryption entry are "off": encryption needs a key', () => {
    expect(parseEncryption(meta({ Network: 'flannel' }))).toEqual({
      enabled: false,
      keyId: null,
      readable: true,
    });
  });
  it('an unreadable flag, or a key without the flag, is unknown', () => {
    for (const flag of ['yes', 1, 'enabled'])
      expect(
        parseEncryption(meta({ EncryptionKMSKeyId: 'key-1', DisableEncryption: flag })),
      ).toMatchObject({ enabled: null, readable: false });
    expect(parseEncryption(meta({ EncryptionKMSKeyId: 'key-1' }))).toMatchObject({
      enabled: null,
      keyId: 'key-1',
      readable: false,
    });
  });
});
