// The one place in the renderer that touches `window.guard`. Everything else calls these
// functions. Errors arrive as data and are rebuilt here as ApiError, so components can show the
// code, the message and the details (request id, failing checks) without parsing strings.
import type {
  ContractError,
  ErrorCode,
  Message,
  EventName,
  EventPayload,
  GuardBridge,
  CallInput,
  CallName,
  CallOutput,
} from '$contract';

declare global {
  interface Window {
    guard?: GuardBridge;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  /** The sentence as a catalog message (lib/error-text.ts words it); `message` is English. */
  readonly msg: Message | undefined;

  constructor(error: ContractError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.details = error.details;
    this.msg = error.msg;
  }
}

function bridge(): GuardBridge {
  const guard = window.guard;
  if (!guard) {
    throw new ApiError({
      code: 'internal',
      message: 'The app bridge is missing: this page must run inside ACK Secret Guard.',
    });
  }
  return guard;
}

export async function call<N extends CallName>(
  name: N,
  input?: CallInput<N>,
): Promise<CallOutput<N>> {
  const reply = await bridge().invoke(name, input);
  if (!reply.ok) throw new ApiError(reply.error);
  return reply.value;
}

export function subscribe<E extends EventName>(
  name: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return bridge().on(name, listener);
}
