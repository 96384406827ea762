// The script that gives the page its `window.guard` in the browser demo. It runs the BUILT
// preload (out/preload/index.cjs, whose bridge is electron/contract/bridge.ts) against a stand-in
// for the two Electron objects it uses, as the browser test harness does: ipcRenderer.invoke
// becomes one POST per call, and events arrive over one Server-Sent Events stream. So the page
// gets exactly the bridge the desktop window gets: the same allowlist, one argument per call,
// listeners that see the payload alone.

/** Where the page sends calls and reads events; same origin, so the CSP's connect-src 'self' covers both. */
export const INVOKE_PATH = '/invoke';
export const EVENTS_PATH = '/events';
export const PAGE_SCRIPT_PATH = '/bridge.js';

export function pageScript(preloadSource: string): string {
  return `(() => {
  'use strict';
  // The one-time token is in a cookie now: take it out of the address bar (and the history).
  if (location.search) history.replaceState(null, '', location.pathname + location.hash);
  const listeners = new Map();
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.onmessage = (message) => {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch {
      return;
    }
    // webContents.send delivers (event, payload); the preload drops the first.
    for (const listener of listeners.get(event.channel) ?? []) listener({}, event.payload);
  };
  const electron = {
    contextBridge: {
      exposeInMainWorld(key, api) {
        Object.defineProperty(window, key, { value: Object.freeze(api), writable: false, configurable: false });
      },
    },
    ipcRenderer: {
      async invoke(channel, payload) {
        const reply = await fetch(${JSON.stringify(INVOKE_PATH)}, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload === undefined ? { channel } : { channel, payload }),
          credentials: 'same-origin',
          cache: 'no-store',
        });
        return reply.json();
      },
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel).add(listener);
      },
      removeListener(channel, listener) {
        listeners.get(channel)?.delete(listener);
      },
    },
  };
  const require = (id) => {
    if (id === 'electron') return electron;
    throw new Error('the preload may require only electron, not ' + id);
  };
  const module = { exports: {} };
  // The preload runs in a scope of its own, as CommonJS, exactly as Electron would run it.
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();
`;
}

/** The built index.html with the bridge script first, before the renderer's module loads. */
export function withPageScript(indexHtml: string): string {
  const tag = `<script src="${PAGE_SCRIPT_PATH}"></script>`;
  const at = indexHtml.search(/<script\b/i);
  if (at === -1)
    throw new Error('out/renderer/index.html has no <script>: rebuild with `npm run build`.');
  return `${indexHtml.slice(0, at)}${tag}\n    ${indexHtml.slice(at)}`;
}
