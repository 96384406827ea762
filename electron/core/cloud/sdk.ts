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
