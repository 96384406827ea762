// Navigation, new-window and permission policy for every webContents and the default session
// (Electron security checklist items 5, 13, 14, 15). Electron objects are passed in, so the
// policy is unit-tested with fakes.
import { isAllowedExternalUrl, isTrustedPageUrl } from './security';

interface PreventableEvent {
  preventDefault(): void;
}

export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-attach-webview' | 'will-redirect',
    listener: (event: PreventableEvent, ...rest: unknown[]) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** What Electron tells the handlers about the frame asking (PermissionRequest and the check's details). */
interface PermissionFrame {
  isMainFrame: boolean;
  requestingUrl?: string;
}

export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: PermissionFrame,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      contents: unknown,
      permission: string,
      requestingOrigin: string,
      details: PermissionFrame,
    ) => boolean,
  ): void;
}

/**
 * The one permission our page gets: Chromium asks for it before every
 * `navigator.clipboard.writeText` (the Copy buttons). Sanitized write only: no clipboard read.
 */
export const GRANTED_PERMISSION = 'clipboard-sanitized-write';

/**
 * No navigation at all (the renderer is a single page on app://guard), no <webview>, no new
 * windows; a link to an allowlisted https host opens in the system browser instead.
 */
export function hardenWebContents(
  contents: HardenableContents,
  openExternal: (url: string) => Promise<void>,
  onBlocked: (what: string, url: string) => void = () => undefined,
): void {
  const deny =
    (what: string) =>
    (event: PreventableEvent, ...rest: unknown[]): void => {
      event.preventDefault();
      const target = rest[0];
      const url =
        typeof target === 'string'
          ? target
          : typeof (event as { url?: unknown }).url === 'string'
            ? String((event as { url?: unknown }).url)
            : '';
      onBlocked(what, url);
    };
  contents.on('will-navigate', deny('navigation'));
  contents.on('will-frame-navigate', deny('frame navigation'));
  contents.on('will-redirect', deny('redirect'));
  contents.on('will-attach-webview', deny('webview'));
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      void openExternal(url).catch(() => onBlocked('external link failed', url));
    } else {
      onBlocked('new window', url);
    }
    return { action: 'deny' };
  });
}

/**
 * Every permission (camera, notifications via the web API, geolocation, clipboard read, ...) is
 * refused, except GRANTED_PERMISSION for our own page's main frame (app://guard, or the dev
 * server while developing). Chromium both checks and requests, so both handlers agree.
 */
export function hardenSession(session: HardenableSession, devServerUrl?: string): void {
  const ours = (url: string | undefined): boolean => isTrustedPageUrl(url, devServerUrl);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(
      permission === GRANTED_PERMISSION && details.isMainFrame && ours(details.requestingUrl),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    // A check for no document (a worker) has no frame: isMainFrame is false, so it is refused.
    return (
      permission === GRANTED_PERMISSION &&
      details.isMainFrame &&
      ours(requestingOrigin) &&
      ours(details.requestingUrl)
    );
  });
}
