// Debian's Chromium, launched the way every browser run of the project needs it (tests, bench).
import { existsSync } from 'node:fs';

/** The binary behind the /usr/bin/chromium wrapper avoids its shell noise. */
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ??
  (existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium');

/** No sandbox as root in a container; no network chatter on a machine that reaches no hosts. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
