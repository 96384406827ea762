// The preload: exposes `window.guard` (invoke + event subscription over allowlisted channels)
// and nothing else. The Electron event object is dropped before a renderer listener sees it.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../contract/bridge';

const bridge = createBridge({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  on(channel, listener) {
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
});

contextBridge.exposeInMainWorld('guard', bridge);
