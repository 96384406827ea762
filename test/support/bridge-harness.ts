// Installs `window.guard` in a Playwright page by running the BUILT preload bundle
// (out/preload/index.cjs) against a stand-in for the two Electron objects it uses. Its
// ipcRenderer.invoke goes through a Playwright binding to the real core's dispatcher in this
// test process; core events are pushed back the way webContents.send would deliver them, with an
// event object as first argument, so the preload's stripping of that object is exercised too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { eventChannel } from '../../electron/contract';
import { dispatch } from '../../electron/core/dispatch';
import type { Core } from '../../electron/core/service';

const CALL_PREFIX = 'guard:call:';

export interface BridgeCalls {
  /** Every call the page made, in order (names only: payloads may hold user input). */
  names: string[];
}

export async function installBridge(
  page: Page,
  core: Pick<Core, 'api' | 'events'>,
  options: { outDir: string; origin: string },
): Promise<BridgeCalls> {
  const calls: BridgeCalls = { names: [] };
  const preload = readFileSync(path.join(options.outDir, 'preload', 'index.cjs'), 'utf8');

  await page.exposeBinding(
    '__guardIpcInvoke',
    async ({ frame }, channel: unknown, payload: unknown) => {
      // The same rule as the main process: only our own page may call.
      if (new URL(frame.url()).origin !== options.origin) {
        return { ok: false, error: { code: 'forbidden-sender', message: 'Unknown sender.' } };
      }
      const name =
        typeof channel === 'string' && channel.startsWith(CALL_PREFIX)
          ? channel.slice(CALL_PREFIX.length)
          : channel;
      calls.names.push(String(name));
      return dispatch(core.api, name, payload);
    },
  );

  await page.addInitScript(`(() => {
    const listeners = new Map();
    const electron = {
      contextBridge: {
        exposeInMainWorld(key, api) {
          Object.defineProperty(window, key, { value: Object.freeze(api), writable: false, configurable: false });
        },
      },
      ipcRenderer: {
        invoke: (channel, payload) => window.__guardIpcInvoke(channel, payload),
        on(channel, listener) {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel).add(listener);
        },
        removeListener(channel, listener) {
          listeners.get(channel)?.delete(listener);
        },
      },
    };
    Object.defineProperty(window, '__guardIpcEmit', {
      value(channel, payload) {
        const fakeEvent = { sender: { id: 1, send() {} }, ports: [] };
        for (const listener of listeners.get(channel) ?? []) listener(fakeEvent, payload);
      },
    });
    const require = (id) => {
      if (id === 'electron') return electron;
      throw new Error('the preload may require only electron, not ' + id);
    };
    const module = { exports: {} };
    // The preload runs in a scope of its own, as CommonJS, exactly as Electron would run it.
    (function (require, module, exports) {
${preload}
    })(require, module, module.exports);
  })();`);

  core.events.subscribe((name, payload) => {
    void page
      .evaluate(
        ([channel, data]) =>
          (window as unknown as { __guardIpcEmit: (c: string, p: unknown) => void }).__guardIpcEmit(
            channel,
            data,
          ),
        [eventChannel(name), payload] as const,
      )
      .catch(() => undefined); // the page may be closing
  });

  return calls;
}
