// Composition root: builds the object that implements the contract, from plain Node parts.
// Electron main, the CLI and the browser test harness all call this; none of them adds behaviour.
import { readAppInfo } from './app/info';
import { EventHub } from './events';
import type { CoreApi } from '../contract';

export interface CoreOptions {
  /** Where metadata, snapshots, journal and audit live. */
  dataDir: string;
  version: string;
  platform?: NodeJS.Platform;
  arch?: string;
}

export interface Core {
  api: CoreApi;
  events: EventHub;
  dispose(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const events = new EventHub();
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;

  const api: CoreApi = {
    'app.info': async () =>
      readAppInfo({
        version: options.version,
        dataDir: options.dataDir,
        platform,
        arch,
        isDemo: () => false,
      }),
  };

  return {
    api,
    events,
    async dispose() {
      // Later: stop pollers, flush the journal, stop the demo simulator.
    },
  };
}
