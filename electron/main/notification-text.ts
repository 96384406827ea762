// Text shown in a desktop notification (and its in-window fallback) comes partly from the cloud
// (cluster names) and from the user (account names). The OS draws it outside our page and its
// CSP: no control characters (line breaks, escape sequences) and no bidirectional overrides that
// could make one name read as another, and a bounded length.
// (The CLI escapes terminal output on its own; this is the main process's small equivalent for
// OS notification text, which is plain text with no escaping syntax to target.)

/** C0 and C1 controls, DEL, and the Unicode bidi embedding/override/isolate/mark characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Plain, single-line text of at most `max` characters (code points), "…" when clipped. */
export function plainNotificationText(raw: string, max = 120): string {
  const text = String(raw).replace(UNSAFE, ' ').replace(/\s+/gu, ' ').trim();
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
