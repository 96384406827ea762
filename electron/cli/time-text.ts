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
