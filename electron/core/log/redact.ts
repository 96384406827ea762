// Redaction for everything that goes to a log file. Pure functions, no I/O, so the desktop app,
// the CLI and the tests all use the same rules. The aim is defence in depth: secrets should never
// be handed to the logger at all, and if one is, it must not reach the disk.

export const REDACTED = '[REDACTED]';

/**
 * Field names whose values are secret, in any spelling the SDKs, the aliyun CLI profile file or
 * our own code use: accessKeySecret / AccessKeySecret / access_key_secret, securityToken /
 * SecurityToken / sts_token, x-acs-security-token, password, authorization, signature...
 */
const SECRET_KEY =
  /^(?:x-acs-)?(?:access[_-]?key[_-]?secret|secret[_-]?access[_-]?key|security[_-]?token|sts[_-]?token|session[_-]?token|password|passwd|authorization|signature|client[_-]?secret|private[_-]?key)$/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

// The same names, as they appear inside free text: `accessKeySecret=...`, `"SecurityToken": "..."`,
// `security_token: ...`. The value ends at a quote, comma, ampersand, semicolon or whitespace.
const KEY_PATTERN =
  '(?:x-acs-)?(?:access[_-]?key[_-]?secret|secret[_-]?access[_-]?key|security[_-]?token|sts[_-]?token|session[_-]?token|password|passwd|client[_-]?secret|private[_-]?key)';

const TEXT_RULES: Array<[RegExp, string | ((...groups: string[]) => string)]> = [
  // "key": "value" (JSON) and 'key': 'value'
  [
    new RegExp(`(["']?${KEY_PATTERN}["']?\\s*:\\s*)(["'])(?:\\\\.|(?!\\2).)*\\2`, 'gi'),
    (_m, head, quote) => `${head}${quote}${REDACTED}${quote}`,
  ],
  // key=value (query strings, env dumps, CLI flags) and key: value (headers, YAML)
  [
    new RegExp(`(\\b${KEY_PATTERN}\\b\\s*[=:]\\s*)(?!\\[REDACTED\\])[^\\s"'&,;]+`, 'gi'),
    (_m, head) => `${head}${REDACTED}`,
  ],
  // --access-key-secret VALUE (aliyun CLI style flags)
  [
    new RegExp(`(--${KEY_PATTERN}\\s+)(?!\\[REDACTED\\])[^\\s"']+`, 'gi'),
    (_m, head) => `${head}${REDACTED}`,
  ],
  // Authorization header, any scheme (ROA "acs AKID:sig", V3 "ACS3-HMAC-SHA256 Credential=...",
  // Bearer, Basic): everything up to the end of the line or the closing quote goes.
  [/(\bauthorization["']?\s*[:=]\s*["']?)[^"'\r\n]+/gi, (_m, head) => `${head}${REDACTED}`],
  // RPC-style request signatures: Signature=... in query strings, and Signature=... inside a V3
  // Authorization value that was logged without its header name.
  [/(\bSignature\s*=\s*)(?!\[REDACTED\])[^\s&,;"']+/g, (_m, head) => `${head}${REDACTED}`],
  // STS security tokens start with "CAIS" and are long base64: catch them even without a key.
  [/\bCAIS[A-Za-z0-9+/=_-]{20,}/g, REDACTED],
];

/**
 * Removes secrets from a piece of text. `knownSecrets` are exact values the caller knows to be
 * secret (e.g. a secret it just read from the keychain); they are removed wherever they appear.
 */
export function redactText(text: string, knownSecrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    // Very short values would shred ordinary words; real secrets are long.
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of TEXT_RULES) {
    out = out.replace(pattern, replacement as (substring: string, ...args: string[]) => string);
  }
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
    if (isSecretKey(key)) {
      out[key] = REDACTED;
      continue;
    }
    try {
      out[key] = redactValue((value as Record<string, unknown>)[key], knownSecrets, seen);
    } catch {
      out[key] = '[Unreadable]';
    }
  }
  return out;
}
