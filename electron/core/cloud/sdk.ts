// The Alibaba SDKs are CommonJS modules with `exports.default = Client`. Bundlers (vite, vitest)
// hand an ES default import that class; plain Node ESM (the built CLI, which keeps the SDKs
// external) hands it the whole exports object instead. Passing the default import through this
// helper gives the client class in both.
export function sdkClient<T>(defaultImport: T): T {
  if (typeof defaultImport === 'function') return defaultImport;
  const nested = (defaultImport as { default?: unknown } | null)?.default;
  if (typeof nested === 'function') return nested as T;
  throw new TypeError('An Alibaba Cloud SDK module has no client class as its default export.');
}

/**
 * Runs `load` once, on first use, and shares it with every caller meanwhile (a failed load is
 * tried again next time). Each product module loads its SDK (and openapi-core.ts the SDKs'
 * core) this way, in its own first call: loaded at start, a CLI call, `--version` included,
 * paid for every one of them before it could do anything (ECS's and VPC's thousands of model
 * files took seconds; those two are no longer loaded at all: rpc-wire.ts).
 */
export function loadOnce(load: () => Promise<void>): () => Promise<void> {
  let loading: Promise<void> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}
