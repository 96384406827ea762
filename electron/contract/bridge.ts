// The renderer-facing bridge (`window.guard`). The preload builds it over Electron IPC; the
// browser e2e harness builds it over a Playwright binding by running the very same preload
// bundle. Either way only allowlisted names pass, exactly one argument crosses, and listeners
// get the payload alone (never the transport's event object, which would leak `sender`).
import { eventChannel, isEventName, isCallName, callChannel } from './channels';
import type { EventName, CallName } from './channels';
import type { Envelope } from './envelope';
import { isContractError } from './errors';
import type { EventPayload } from './events';
import type { CallInput, CallOutput } from './calls';

export interface GuardBridge {
  invoke<N extends CallName>(name: N, input?: CallInput<N>): Promise<Envelope<CallOutput<N>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** What a transport must offer; `on` delivers the payload only. */
export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.ok === true && 'value' in v) || (v.ok === false && isContractError(v.error));
}

export function createBridge(transport: BridgeTransport): GuardBridge {
  return {
    async invoke(name, input) {
      if (!isCallName(name)) {
        return {
          ok: false,
          error: { code: 'unknown-call', message: `Unknown call: ${String(name)}` },
        };
      }
      try {
        const reply = await transport.invoke(callChannel(name), input);
        if (isEnvelope(reply)) return reply as Envelope<CallOutput<typeof name>>;
        return {
          ok: false,
          error: { code: 'internal', message: 'The main process sent a malformed reply.' },
        };
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: 'The main process did not answer the request.' },
        };
      }
    },
    on(name, listener) {
      if (!isEventName(name) || typeof listener !== 'function') return () => undefined;
      return transport.on(eventChannel(name), (payload) =>
        listener(payload as EventPayload<typeof name>),
      );
    },
  };
}
