// Composition root: builds the object that implements the contract, from plain Node parts.
// Electron main, the CLI and the browser test harness all call this; none of them adds behaviour.
// Each domain contributes its slice of the contract; this file only wires them together.
import type { CoreApi } from '../contract';
import { createAppApi } from './app/api';
import { CloudLimits } from './cloud/session';
import type { CoreContext } from './context';
import { EventHub } from './events';

export interface CoreOptions {
  /** Where metadata, snapshots, journal and audit live. */
  dataDir: string;
  version: string;
  platform?: NodeJS.Platform;
  arch?: string;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
  /** Concurrency limits for cloud calls: across all accounts, and per account. */
  cloudLimits?: { global?: number; perAccount?: number };
}

export interface Core {
  api: CoreApi;
  events: EventHub;
  context: CoreContext;
  dispose(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const cleanups: (() => Promise<void> | void)[] = [];
  const context: CoreContext = {
    dataDir: options.dataDir,
    version: options.version,
    platform: options.platform ?? process.platform,
    arch: options.arch ?? process.arch,
    events: new EventHub(),
    cloudLimits: new CloudLimits(options.cloudLimits?.global, options.cloudLimits?.perAccount),
    env: options.env ?? process.env,
    now: options.now ?? Date.now,
    onDispose: (cleanup) => void cleanups.push(cleanup),
  };

  const api: CoreApi = {
    ...createAppApi(context, () => false),
  };

  let disposed = false;
  return {
    api,
    events: context.events,
    context,
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const cleanup of cleanups.reverse()) {
        try {
          await cleanup();
        } catch {
          // Shutting down: one failing cleanup must not keep the others from running.
        }
      }
    },
  };
}
