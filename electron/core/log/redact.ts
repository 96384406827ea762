// Redaction for everything that goes to a log file. Pure functions, no I/O, so the desktop app,
// the CLI and the tests all use the same rules. The aim is defence in depth: secrets should never
// be handed to the logger at all, and if one is, it must not reach the disk.

export const REDACTED = '[REDACTED]';

/**
 * Longest text redacted in one call; the rest is cut off (and says so). Every rule below is
 * linear, but a hostile endpoint can still send megabytes of error text, and nothing we log or
 * audit needs more than this.
 */
export const MAX_REDACTED_TEXT = 64 * 1024;

// What makes a name secret: it ends in secret, token, password... (AccessKeySecret,
// access_key_secret, ALIBABA_CLOUD_ACCESS_KEY_SECRET, SecurityToken, sts_token,
// x-acs-security-token, proxy_password, client_secret) or is one of a few fixed names. Names that
// merely start with such a word (tokenExpiry, secretName, passwordPolicy) are not secret.
const SECRET_SUFFIX =
  '(?:secret|token|password|passwd|secret[_-]?(?:access[_-]?)?key|private[_-]?key)';
const SECRET_KEY = new RegExp(`^(?:[\\w.-]*${SECRET_SUFFIX}|authorization|signature)$`, 'i');

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

// Every pattern below is linear in the length of its input: no nested or overlapping
// quantifiers (each character can be consumed in exactly one way), and a name may only start
// where a word starts, so a long word is scanned once, not once per position.
//
// A name starts after a character that cannot be part of it, or right after a %XX escape (in a
// URL-encoded query `%26SecurityToken%3D...` the name follows `%26`).
const NAME_START = '(?:(?<![A-Za-z0-9_.-])|(?<=%[0-9A-Fa-f]{2}))';
const KEY = `${NAME_START}[A-Za-z0-9_.-]*${SECRET_SUFFIX}(?![A-Za-z0-9_-])`;
// After the name: its closing quote (plain, JSON-escaped \" at any depth, or %22), then = or :
// (or their URL-encoded forms), with optional spaces around them.
const SEPARATOR = '(?:\\\\*["\']|%22)?[ \\t]*(?:[=:]|%3[ADad])[ \\t]*';
// The value, in the first form that fits:
const VALUE = [
  // JSON inside JSON: \"...\" (the value may hold escaped characters, never a bare quote).
  '\\\\+"(?:[^"\\\\]|\\\\+[^"\\\\])*(?:\\\\+")?',
  // "..." and '...' with backslash escapes; an unterminated quote takes the rest.
  '"(?:[^"\\\\\\n]|\\\\.)*"?',
  "'(?:[^'\\\\\\n]|\\\\.)*'?",
  // anything else up to a space, a quote or a separator.
  '[^\\s"\'&,;]+',
].join('|');

type Rule = [RegExp, (substring: string, ...groups: string[]) => string];

/** Keeps a value's quotes (so JSON stays JSON) and replaces what is between them. */
function keepQuotes(head: string, value: string): string {
  const open = /^(?:\\+"|"|')/.exec(value)?.[0] ?? '';
  if (!open) return `${head}${REDACTED}`;
  const close = value.length > open.length && value.endsWith(open.slice(-1)) ? open : '';
  return `${head}${open}${REDACTED}${close}`;
}

const TEXT_RULES: Rule[] = [
  // name=value, name: value, "name": "value", 'name': 'value', \"name\":\"value\",
  // name%3Dvalue — query strings, env dumps, JSON, YAML, headers.
  [
    new RegExp(`(${KEY}${SEPARATOR})(${VALUE})`, 'gi'),
    (_m, head, value) => keepQuotes(head!, value!),
  ],
  // --access-key-secret VALUE (aliyun CLI style flags)
  [
    new RegExp(`((?<![A-Za-z0-9_-])--[A-Za-z0-9_-]*${SECRET_SUFFIX}[ \\t]+)[^\\s"']+`, 'gi'),
    (_m, head) => `${head}${REDACTED}`,
  ],
  // Authorization header, any scheme (ROA "acs AKID:sig", V3 "ACS3-HMAC-SHA256 Credential=...",
  // Bearer, Basic): everything up to the end of the line or the closing quote goes.
  [/(\bauthorization["']?[ \t]*[:=][ \t]*["']?)[^"'\r\n]+/gi, (_m, head) => `${head}${REDACTED}`],
  // RPC-style request signatures: Signature=... in query strings, and Signature=... inside a V3
  // Authorization value that was logged without its header name.
  [/(\bSignature[ \t]*(?:=|%3D)[ \t]*)[^\s&,;"']+/g, (_m, head) => `${head}${REDACTED}`],
  // User and password in a URL (a proxy http://user:pass@host): the password goes.
  [
    /((?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/@:]*:)[^\s/@]*@/g,
    (_m, head) => `${head}${REDACTED}@`,
  ],
  // STS security tokens start with "CAIS" and are long base64 (perhaps URL-encoded): catch them
  // even without a name.
  [/\bCAIS[A-Za-z0-9+/=_%-]{20,}/g, () => REDACTED],
];

// Exact values known to be secret, registered where they are read (keychain, assumed roles,
// proxy passwords): removed from every later redaction in this process, wherever they appear.
const MAX_REGISTERED_SECRETS = 1000;
const registered = new Set<string>();

/** Values shorter than this are not scrubbed by value: they would shred ordinary words. */
export const MIN_KNOWN_SECRET_LENGTH = 8;

/**
 * Registers an exact secret value (a keychain secret, an STS token, a proxy password): every
 * later redaction in this process removes it, also in its URL-encoded and JSON-escaped forms.
 */
export function registerKnownSecret(value: string | undefined | null): void {
  if (typeof value !== 'string' || value.length < MIN_KNOWN_SECRET_LENGTH) return;
  if (registered.has(value)) return;
  // Bounded: the oldest go first (a long-running app that rotates tokens keeps the newest).
  if (registered.size >= MAX_REGISTERED_SECRETS) {
    registered.delete(registered.values().next().value!);
  }
  registered.add(value);
}

/** Forgets the registered values (tests). */
export function clearKnownSecrets(): void {
  registered.clear();
}

function variants(secret: string): string[] {
  const out = new Set([secret]);
  out.add(encodeURIComponent(secret));
  out.add(JSON.stringify(secret).slice(1, -1));
  out.add(JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1));
  return [...out].filter((v) => v.length >= MIN_KNOWN_SECRET_LENGTH);
}

/** Cuts text to MAX_REDACTED_TEXT, saying how much was dropped. */
export function clipForRedaction(text: string): string {
  if (text.length <= MAX_REDACTED_TEXT) return text;
  return `${text.slice(0, MAX_REDACTED_TEXT)}…[${text.length - MAX_REDACTED_TEXT} more characters cut]`;
}

/**
 * Removes secrets from a piece of text. `knownSecrets` are exact values the caller knows to be
 * secret (e.g. a secret it just read from the keychain); they are removed wherever they appear,
 * as are the values registered with registerKnownSecret.
 */
export function redactText(text: string, knownSecrets: Iterable<string> = []): string {
  let out = clipForRedaction(String(text));
  for (const secret of [...knownSecrets, ...registered]) {
    // Very short values would shred ordinary words; real secrets are long.
    if (secret.length < MIN_KNOWN_SECRET_LENGTH) continue;
    for (const form of variants(secret)) {
      if (out.includes(form)) out = out.split(form).join(REDACTED);
    }
  }
  for (const [pattern, replacement] of TEXT_RULES) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Deep copy of a value with secret fields replaced and strings redacted. Handles cycles, errors
 * (name, message, stack, code) and getters that throw; never throws itself.
 */
export function redactValue(
  value: unknown,
  knownSecrets: readonly string[] = [],
  seen = new WeakSet<object>(),
): unknown {
  if (typeof value === 'string') return redactText(value, knownSecrets);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol' || typeof value === 'function') return String(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) {
    const out: Record<string, unknown> = {
      name: value.name,
      message: redactText(value.message, knownSecrets),
    };
    if (value.stack) out.stack = redactText(value.stack, knownSecrets);
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) out.code = redactValue(code, knownSecrets, seen);
    return out;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, knownSecrets, seen));
  const out: Record<string, unknown> = {};
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return '[Unreadable]';
  }
  for (const key of keys) {
    try {
      const field = (value as Record<string, unknown>)[key];
      // A flag such as hasPassword is no secret; any other value under a secret name is.
      out[key] =
        isSecretKey(key) && typeof field !== 'boolean' && field !== null && field !== undefined
          ? REDACTED
          : redactValue(field, knownSecrets, seen);
    } catch {
      out[key] = '[Unreadable]';
    }
  }
  return out;
}
