// The single registration point for every contract channel. Each handler checks who is asking,
// then hands the payload to the core's dispatcher, which validates it and answers an envelope.
// Electron is passed in (not imported) so the whole thing is unit-testable with a mock.
import { EVENT_NAMES, CALL_NAMES, eventChannel, fail, callChannel } from '../contract';
import type { Envelope } from '../contract';
import { dispatch } from '../core/dispatch';
import type { Core } from '../core/service';

/** The parts of Electron's IpcMainInvokeEvent we rely on. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame?: { url: string } | null;
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  id: number;
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

export interface IpcOptions {
  ipcMain: IpcMainLike;
  core: Pick<Core, 'api' | 'events'>;
  /** Our window's webContents, or null while there is none. Nobody else is ever trusted. */
  window: () => WebContentsLike | null;
  /** Is the frame URL our own page? */
  isTrustedUrl: (url: string | undefined) => boolean;
  reportUnexpected?: (call: string, error: unknown) => void;
}

export function isTrustedSender(event: InvokeEventLike, options: IpcOptions): boolean {
  const ours = options.window();
  if (!ours || ours.isDestroyed()) return false;
  if (event.sender?.id !== ours.id) return false;
  return options.isTrustedUrl(event.senderFrame?.url);
}

/** Registers every call handler and forwards every core event to our window only. */
export function registerIpc(options: IpcOptions): () => void {
  for (const name of CALL_NAMES) {
    options.ipcMain.handle(
      callChannel(name),
      async (event, ...args): Promise<Envelope<unknown>> => {
        if (!isTrustedSender(event, options)) {
          return fail({ code: 'forbidden-sender', message: 'Request refused: unknown sender.' });
        }
        // Exactly one argument crosses; extra ones are an error, not silently ignored.
        if (args.length > 1) {
          return fail({ code: 'validation', message: `${name} takes a single argument.` });
        }
        try {
          return await dispatch(options.core.api, name, args[0], options.reportUnexpected);
        } catch (error) {
          // dispatch answers every outcome itself; this is the last line, so that nothing ever
          // rejects the renderer's invoke with an Electron error carrying internal detail.
          options.reportUnexpected?.(name, error);
          return fail({ code: 'internal', message: `Something unexpected went wrong in ${name}.` });
        }
      },
    );
  }

  const unsubscribe = options.core.events.subscribe((name, payload) => {
    const target = options.window();
    if (target && !target.isDestroyed() && (EVENT_NAMES as readonly string[]).includes(name)) {
      target.send(eventChannel(name), payload);
    }
  });

  return () => {
    unsubscribe();
    for (const name of CALL_NAMES) options.ipcMain.removeHandler(callChannel(name));
  };
}
