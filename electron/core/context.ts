// What every domain of the core shares: where files live, the event hub, the cloud limits, the
// clock and the environment. Built once by createCore; domains receive it and expose their part
// of the contract.
import { formatMessage } from '../contract/messages';
import type { Message } from '../contract/messages';
import type { AppNotice } from '../contract/types/app';
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
  /**
   * Tells the user something in the window (the `app.notice` event), stamped with now(): a
   * catalog message, with its English text beside it for logs. A string is text already in
   * the user's language (the main process's desktop-notification words, shown in the window
   * where the OS shows none).
   */
  notice(level: AppNotice['level'], said: Message | string): void;
}

/** A CoreContext from its parts: the one place `notice` is built (createCore, test harnesses). */
export function createContext(parts: Omit<CoreContext, 'notice'>): CoreContext {
  return {
    ...parts,
    notice: (level, said) =>
      parts.events.emit('app.notice', {
        level,
        ...(typeof said === 'string'
          ? { message: said }
          : { message: formatMessage(said, 'en'), msg: said }),
        at: new Date(parts.now()).toISOString(),
      }),
  };
}
