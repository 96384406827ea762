// What every domain of the core shares: where files live, the event hub, the cloud limits, the
// clock and the environment. Built once by createCore; domains receive it and expose their part
// of the contract.
import type { CloudLimits } from './cloud/session';
import type { EventHub } from './events';

export interface CoreContext {
  dataDir: string;
  version: string;
  platform: NodeJS.Platform;
  arch: string;
  events: EventHub;
  cloudLimits: CloudLimits;
  env: NodeJS.ProcessEnv;
  /** Wall-clock milliseconds; injectable so tests can move time. */
  now: () => number;
  /** Things to stop when the core shuts down (pollers, simulator), in reverse order. */
  onDispose(cleanup: () => Promise<void> | void): void;
}
