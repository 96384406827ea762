// Times and durations as a person reads them in a terminal: local time to the second, with the
// zone (a field engineer compares them with the console and with colleagues elsewhere).

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2026-12-01 20:03:04 +08:00" in the machine's zone (or "-" when there is no time). */
export function localTime(at: string | number | Date | null | undefined): string {
  if (at === null || at === undefined) return '-';
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return String(at);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${zone}`
  );
}

/** "45s", "4m 05s", "1h 02m": enough to see that a wait moves, never milliseconds. */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${pad(seconds % 60)}s`;
  return `${Math.floor(minutes / 60)}h ${pad(minutes % 60)}m`;
}

const UNIT_MS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/**
 * `--since`: a duration back from now (`30m`, `24h`, `7d`, `2w`) or a date: `2026-12-01` (local
 * midnight), `2026-12-01T08:00[:00]` (local time) or with a zone (`Z`, `+08:00`). Returns the
 * instant as ISO 8601, or null when the text is neither (the caller says what it takes).
 */
export function sinceInstant(text: string, now: number): string | null {
  const value = text.trim();
  const span = /^(\d{1,6})\s*([smhdw])$/i.exec(value);
  if (span) return new Date(now - Number(span[1]) * UNIT_MS[span[2]!.toLowerCase()]!).toISOString();
  const date = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const local = new Date(y, m - 1, d);
    // 2026-02-31 would roll over to March: refuse it rather than guess.
    if (local.getFullYear() !== y || local.getMonth() !== m - 1 || local.getDate() !== d)
      return null;
    return local.toISOString();
  }
  if (/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:?\d\d)?$/i.test(value)) {
    const at = Date.parse(value.replace(' ', 'T'));
    return Number.isNaN(at) ? null : new Date(at).toISOString();
  }
  return null;
}
