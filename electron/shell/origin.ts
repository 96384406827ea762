// What both shells serve the renderer under: the app://guard origin and its Content-Security-Policy.
// The desktop window (electron/main) and the browser demo's server (electron/web-demo) give the page
// the very same policy, so neither can drift. Plain TypeScript: no Electron, no Node.

export const APP_SCHEME = 'app';
export const APP_HOST = 'guard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The renderer's Content-Security-Policy, sent as a header and repeated in index.html's meta. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Svelte sets style attributes at run time (virtualised rows, widths); no inline scripts.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
