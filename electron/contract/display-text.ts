// Cloud- and file-supplied text (cluster and account names, key aliases, error messages) is shown
// to people in terminals and desktop notifications. Left raw, it could carry terminal escapes
// (ANSI colours, OSC 8 links and window titles, cursor moves), a carriage return that rewrites
// the line before it, or bidi controls that show text in another order than it is stored. Pure:
// the CLI, the main process (notifications) and the window can all use it.

// C0 controls but tab and newline, DEL, C1 controls (8-bit CSI/OSC), the bidi embedding,
// override and isolate controls, the Arabic letter mark, LRM/RLM, and the line/paragraph
// separators (which some terminals and notification daemons treat as line breaks).
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text safe to print in a terminal: every control and bidi character becomes a visible \uXXXX
 * (tabs and newlines stay). The same form is a valid escape inside JSON strings, so JSON output
 * passed through it still parses to the same values.
 */
export function escapeTerminalText(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * One line of plain text for a desktop notification (and its in-window fallback). The OS draws it
 * outside our page and has no escaping syntax to target, so every control and bidi character
 * becomes a space, runs of white space fold into one, and the text is clipped to `max`
 * characters (code points, never a split surrogate pair), with "…" where it was cut.
 */
export function escapeNotificationText(text: string, max = 200): string {
  const flat = String(text).replace(UNSAFE, ' ').replace(/\s+/gu, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
