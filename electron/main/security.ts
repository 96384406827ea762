// Window and session hardening that does not depend on a live Electron: pure decisions, so they
// can be unit-tested. The origin and CSP the page is served under are shared with the browser
// demo and live in electron/shell/origin.ts.
import { APP_ORIGIN } from '../shell/origin';

/** Hosts whose https pages we open in the system browser (console and documentation links). */
export const EXTERNAL_HOST_ALLOWLIST = [
  'alibabacloud.com',
  'aliyun.com',
  'alibaba-inc.com',
] as const;

/** True only for https URLs on an allowlisted host or one of its subdomains. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  return EXTERNAL_HOST_ALLOWLIST.some(
    (allowed) => host === allowed || host.endsWith(`.${allowed}`),
  );
}

/** Is this frame URL our own page (the packaged renderer, or the dev server in development)? */
export function isTrustedPageUrl(raw: string | undefined, devServerUrl?: string): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (`${url.protocol}//${url.host}` === APP_ORIGIN) return true;
  if (devServerUrl) {
    try {
      return url.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}
