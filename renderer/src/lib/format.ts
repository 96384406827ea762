// Small formatting helpers shared by the screens. Dates are shown in the user's locale; ids stay
// as the cloud writes them.
import { regionLabel } from '$contract';
import { i18n, t } from './i18n/index.svelte';

// toLocaleString builds a new formatter on every call; scrolling the fleet table formats two
// dates per row per frame, so one Intl.DateTimeFormat per language and style is kept instead.
const STYLES = {
  dateTime: {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  },
  date: { year: 'numeric', month: '2-digit', day: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: keyof typeof STYLES): Intl.DateTimeFormat {
  const key = `${i18n.locale}|${style}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(i18n.locale, STYLES[style])));
  return f;
}

function format(when: string | number | null | undefined, style: keyof typeof STYLES): string {
  if (when === null || when === undefined || when === '') return '—';
  const date = new Date(when);
  if (Number.isNaN(date.getTime())) return String(when);
  return formatter(style).format(date);
}

/** A region as the console names it, beside its id: "华东1（杭州） cn-hangzhou"; unknown: the id. */
export const formatRegion = (regionId: string): string => regionLabel(regionId, i18n.locale);

export const formatDateTime = (iso: string | null | undefined): string => format(iso, 'dateTime');

/** A time of day in the UI language (never the browser's default locale). */
export const formatTime = (when: string | number | null | undefined): string =>
  format(when, 'time');

export const formatDate = (iso: string | null | undefined): string => format(iso, 'date');

/**
 * Builds the fleet table's date formatters now. The first Intl.DateTimeFormat of a language
 * loads its date data (measured: the largest single part of drawing the first rows, bench group
 * 4), so the window does it while its first requests cross, not when the snapshot is drawn.
 */
export function warmDateFormatters(): void {
  // One date each as well: the first format() of a formatter loads the time zone's rules
  // (traces of bench group 4: several ms inside the first rows' render otherwise).
  const now = Date.now();
  formatter('date').format(now);
  formatter('dateTime').format(now);
}

/** "12 s", "3 min", "2 h", "4 d" in the current language. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return t('time.seconds', { n: s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('time.minutes', { n: m });
  const h = Math.floor(m / 60);
  if (h < 48) return t('time.hours', { n: h });
  return t('time.days', { n: Math.floor(h / 24) });
}

export function formatAge(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return t('time.ago', { duration: formatDuration(now - at) });
}

/** Starts a download of text made here (no Node, no main process): Blob + a[download]. */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Console links open in the system browser (main process); only https Alibaba Cloud hosts. */
export function isConsoleUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      (parsed.hostname.endsWith('.aliyun.com') || parsed.hostname.endsWith('.alibabacloud.com'))
    );
  } catch {
    return false;
  }
}
