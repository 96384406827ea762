// Which account transport a request the SDK built goes to (transport.ts sends it). The SDK's one
// request function, @darabonba/typescript's doAction, is replaced once per process by a router
// that looks up the request's call by the marker in its runtime options.
import { createRequire } from 'node:module';
import type * as $dara from '@darabonba/typescript';
import { fail } from './transport-errors';
import type { CallLabel } from './transport-errors';

/** What the SDK's request function receives (a subset of @darabonba/typescript's Request). */
export type SdkRequest = Pick<
  $dara.Request,
  'protocol' | 'port' | 'method' | 'pathname' | 'query'
> & {
  headers: Record<string, string>;
  body?: NodeJS.ReadableStream | null;
};
export type SdkRuntime = { connectTimeout?: unknown; readTimeout?: unknown } | null;
type DoAction = (request: SdkRequest, runtime?: SdkRuntime) => Promise<$dara.Response>;

/** What sends a call's requests: an AccountTransport (transport.ts), a stand-in in tests. */
export interface CallTransport {
  send(request: SdkRequest, runtime: SdkRuntime, call: CallLabel): Promise<$dara.Response>;
}

// Which call a request belongs to. Not an AsyncLocalStorage: on Node 20 it enables promise hooks
// that cost on every await of every call (the refresh is CPU-bound in this one thread). Instead
// the call's marker travels in its openapi Config as `socks5NetWork`, a field openapi-core copies
// from the Config into the runtime options of every request it hands to doAction (client.js, each
// do*Request/execute; transport-marker.test.ts fails if a version stops doing so) and that nothing
// else reads: darabonba's doAction has no SOCKS support, and routed requests never reach it.
const MARK = 'ack-secret-guard-call ';

interface ActiveCall extends CallLabel {
  transport: CallTransport;
}

interface HookState {
  /** The calls running now, by marker. */
  calls: Map<string, ActiveCall>;
  next: number;
  original: DoAction;
}

// Shared through the global symbol registry: a second copy of this module (tests load it more
// than once per process) reuses the first hook and its calls instead of stacking another on top.
const HOOK = Symbol.for('ack-secret-guard.cloud-transport');

type SdkCore = { doAction: DoAction; Response: typeof $dara.Response };

// Not named `require`: electron-vite's ESM shim declares that name in the bundled main file.
const loadCommonJs = createRequire(import.meta.url);
let sdkCoreModule: SdkCore | undefined;
/** Looked up once: a require() per answer resolved the path every time (~2% of a refresh). */
export function sdkCore(): SdkCore {
  sdkCoreModule ??= loadCommonJs('@darabonba/typescript/dist/core.js') as SdkCore;
  return sdkCoreModule;
}

/** The call a request's runtime options name, undefined for an unmarked request. */
function markerOf(runtime: unknown): string | undefined {
  const marker = (runtime as { socks5NetWork?: unknown } | null | undefined)?.socks5NetWork;
  return typeof marker === 'string' && marker.startsWith(MARK) ? marker : undefined;
}

function hook(): HookState {
  const holder = globalThis as { [HOOK]?: HookState };
  const existing = holder[HOOK];
  if (existing) return existing;
  const core = sdkCore();
  const state: HookState = { calls: new Map(), next: 0, original: core.doAction };
  const routed: DoAction = (request, runtime) => {
    const marker = markerOf(runtime);
    // Outside a CloudSession (the simulator's own SDK tests) the SDK behaves as shipped.
    if (marker === undefined) return state.original(request, runtime);
    const call = state.calls.get(marker);
    if (call) return call.transport.send(request, runtime ?? null, call);
    // A client kept past its call (a bug): refused, never sent around the account's proxy.
    const [product = '?', action = '?'] = marker.slice(MARK.length).split(' ').slice(1);
    return Promise.reject(
      fail(
        { product, action },
        'network',
        "a request came after its call had ended and was not sent (it would have bypassed the account's network settings).",
      ),
    );
  };
  core.doAction = routed;
  // openapi-core reads doAction through the package's re-export on every request; if a future
  // version copies it instead, calls would silently bypass the proxy: refuse to run.
  const reexport = (loadCommonJs('@darabonba/typescript') as { doAction: DoAction }).doAction;
  if (reexport !== routed) {
    core.doAction = state.original;
    throw new Error(
      'The installed @darabonba/typescript does not route requests through the account transport; calls would bypass the proxy. Reinstall the pinned version.',
    );
  }
  holder[HOOK] = state;
  return state;
}

/**
 * Runs one SDK call so that its requests go through the account's transport: `run` receives the
 * marker to put in the call's Config (`socks5NetWork`, CloudSession.config). Once `run` settles
 * the marker names no call: a later request with it is refused.
 */
export async function throughTransport<T>(
  transport: CallTransport,
  call: CallLabel,
  run: (marker: string) => Promise<T>,
): Promise<T> {
  const state = hook();
  state.next += 1;
  // Product and action only name the call in a refusal; the number makes it unique.
  const marker = `${MARK}${state.next} ${call.product} ${call.action}`;
  state.calls.set(marker, { transport, ...call });
  try {
    return await run(marker);
  } finally {
    state.calls.delete(marker);
  }
}
