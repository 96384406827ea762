// The renderer-facing bridge (`window.guard`). The preload builds it over Electron IPC; the
// browser e2e harness builds it over a Playwright binding by running the very same preload
// bundle. Either way only allowlisted names pass, exactly one argument crosses, and listeners
// get the payload alone (never the transport's event object, which would leak `sender`).
import { eventChannel, isEventName, isOperationName, operationChannel } from './channels';
import type { EventName, OperationName } from './channels';
import type { Envelope } from './envelope';
import { isContractError } from './errors';
import type { EventPayload } from './events';
import type { OperationInput, OperationOutput } from './operations';

export interface GuardBridge {
  invoke<N extends OperationName>(
    name: N,
    input?: OperationInput<N>,
  ): Promise<Envelope<OperationOutput<N>>>;
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
      if (!isOperationName(name)) {
        return {
          ok: false,
          error: { code: 'unknown-operation', message: `Unknown operation: ${String(name)}` },
        };
      }
      try {
        const reply = await transport.invoke(operationChannel(name), input);
        if (isEnvelope(reply)) return reply as Envelope<OperationOutput<typeof name>>;
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
