import { describe, expect, it, vi } from 'vitest';
import { GuardError } from '../../../electron/contract';
import type { CoreApi } from '../../../electron/contract';
import { dispatch } from '../../../electron/core/dispatch';

const info = {
  name: 'ACK Secret Guard',
  version: '1.0.0',
  platform: 'linux' as const,
  arch: 'x64',
  dataDir: '/tmp/x',
  secretStore: 'secret-service' as const,
  demo: false,
};

/** Only app.info is exercised; the other calls are never reached here. */
function api(impl?: CoreApi['app.info']): CoreApi {
  return { 'app.info': vi.fn(impl ?? (async () => info)) } as Partial<CoreApi> as CoreApi;
}

describe('dispatch', () => {
  it('validates, calls the core and wraps the value', async () => {
    const core = api();
    await expect(dispatch(core, 'app.info', undefined)).resolves.toEqual({ ok: true, value: info });
    await expect(dispatch(core, 'app.info', {})).resolves.toEqual({ ok: true, value: info });
    expect(core['app.info']).toHaveBeenCalledWith({});
  });

  it('rejects unknown calls and malformed input before the core sees them', async () => {
    const core = api();
    await expect(dispatch(core, 'nope', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-call' },
    });
    for (const bad of [{ extra: 1 }, 'string', 42, [], null]) {
      await expect(dispatch(core, 'app.info', bad)).resolves.toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    }
    expect(core['app.info']).not.toHaveBeenCalled();
  });

  it('passes GuardErrors through as data and hides unexpected errors', async () => {
    const guarded = api(async () => {
      throw new GuardError('conflict', 'A change is already running.', { clusterId: 'c1' });
    });
    await expect(dispatch(guarded, 'app.info', {})).resolves.toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'A change is already running.',
        details: { clusterId: 'c1' },
      },
    });

    const report = vi.fn();
    const broken = api(async () => {
      throw new Error('secret-value-in-internal-message');
    });
    const reply = await dispatch(broken, 'app.info', {}, report);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('secret-value');
    expect(report).toHaveBeenCalledWith('app.info', expect.any(Error));
  });

  it('treats a payload whose getters throw as invalid input', async () => {
    const hostile = Object.defineProperty({}, 'x', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    await expect(dispatch(api(), 'app.info', hostile)).resolves.toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });
});
