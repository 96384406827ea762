// How app://guard/ URLs map to the renderer's files, for both shells: the desktop window's app://
// handler (Electron security checklist item 18: serve from app:// instead of file://)
// and the browser demo's server. A real origin for the CSP and the sender check, and no access to
// the rest of the disk. Plain Node (path): no Electron.
import path from 'node:path';
import { APP_HOST } from './origin';

/**
 * Maps an app:// URL to a file inside the renderer folder, or null when the URL is not ours or
 * tries to leave the folder (`..`, encoded slashes, absolute paths).
 */
export function resolveAppRequest(rendererDir: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative =
    pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
