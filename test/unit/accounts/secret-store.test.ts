import { describe, expect, it } from 'vitest';
import { GuardError } from '../../../electron/contract';
import {
  classifyKeychainError,
  decodeSecrets,
  encodeSecrets,
  guardSecretStore,
} from '../../../electron/core/accounts/secret-store';
import { REDACTED, redactText } from '../../../electron/core/log/redact';
import { HangingSecretStore, MemorySecretStore } from './fakes';

describe('guarded secret store', () => {
  it('registers every secret it reads or saves with the log scrubber', async () => {
    const backend = new MemorySecretStore();
    await backend.set('a', {
      accessKeySecret: 'read-from-the-keychain-1',
      securityToken: 'token-from-the-keychain-2',
    });
    const store = guardSecretStore(backend);
    await store.get('a');
    await store.set('b', { proxyPassword: 'proxy-password-being-saved' });
    const line = redactText(
      'read-from-the-keychain-1 token-from-the-keychain-2 proxy-password-being-saved',
    );
    expect(line).toBe(`${REDACTED} ${REDACTED} ${REDACTED}`);
  });

  it('gives up on a keychain that never answers, with advice', async () => {
    const store = guardSecretStore(new HangingSecretStore(), 50);
    for (const call of [
      () => store.get('a'),
      () => store.set('a', { accessKeySecret: 'x' }),
      () => store.delete('a'),
    ]) {
      const error = (await call().catch((e: unknown) => e)) as GuardError;
      expect(error).toBeInstanceOf(GuardError);
      expect(error.code).toBe('keychain');
      expect(error.details?.reason).toBe('timeout');
      expect(error.message).toMatch(/unlock/);
    }
  });

  it('classifies the known platform failures of the keychain', () => {
    expect(
      classifyKeychainError(
        'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead',
      ),
    ).toBe('no-session-bus');
    expect(
      classifyKeychainError(
        'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files',
      ),
    ).toBe('no-secret-service');
    expect(
      classifyKeychainError("Couldn't access platform storage: Secret Service: no result found"),
    ).toBe('no-keyring');
    expect(
      classifyKeychainError(
        "Couldn't access platform storage: Secret Service: unlock prompt was dismissed",
      ),
    ).toBe('locked');
    expect(classifyKeychainError('something else')).toBe('failed');
  });

  it('turns backend rejections into keychain errors', async () => {
    const backend = new MemorySecretStore();
    backend.failOn.set = 'reject';
    const error = await guardSecretStore(backend, 1000)
      .set('a', { accessKeySecret: 'secret-value-1' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'keychain',
      details: { reason: 'locked', operation: 'save' },
    });
    expect((error as Error).message).not.toContain('secret-value-1');
  });

  it('encodes one JSON blob per account and never echoes a bad item', () => {
    const text = encodeSecrets({ accessKeySecret: 's', securityToken: 't', proxyPassword: 'p' });
    expect(decodeSecrets(text)).toEqual({
      accessKeySecret: 's',
      securityToken: 't',
      proxyPassword: 'p',
    });
    const error = (() => {
      try {
        decodeSecrets('raw-secret-not-json');
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain('raw-secret-not-json');
  });
});
