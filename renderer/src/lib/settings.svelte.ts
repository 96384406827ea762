// Preferences that belong to this window only (theme, default regions, language): kept in
// localStorage, never anything secret. Settings the core would own (polling, concurrency,
// endpoints, proxy) appear in the Settings screen only when the contract has an operation for
// them; per-account endpoint and proxy live on the account itself.
import { i18n, LOCALES } from './i18n/index.svelte';
import type { Locale } from './i18n/index.svelte';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'ack-secret-guard.settings.v1';

interface Stored {
  theme?: ThemeChoice;
  locale?: Locale;
  defaultRegions?: string[];
}

function read(): Stored {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Stored) : {};
  } catch {
    return {};
  }
}

class Settings {
  theme = $state<ThemeChoice>('system');
  defaultRegions = $state<string[]>([]);

  load(): void {
    const stored = read();
    if (stored.theme === 'light' || stored.theme === 'dark') this.theme = stored.theme;
    if (Array.isArray(stored.defaultRegions))
      this.defaultRegions = stored.defaultRegions.filter((r) => typeof r === 'string');
    if (stored.locale && (LOCALES as readonly string[]).includes(stored.locale))
      i18n.setLocale(stored.locale);
    this.applyTheme();
  }

  setTheme(theme: ThemeChoice): void {
    this.theme = theme;
    this.applyTheme();
    this.save();
  }

  setLocale(locale: Locale): void {
    i18n.setLocale(locale);
    this.save();
  }

  setDefaultRegions(regions: string[]): void {
    this.defaultRegions = regions;
    this.save();
  }

  private applyTheme(): void {
    if (typeof document === 'undefined') return;
    const root = document.documentElement;
    if (this.theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', this.theme);
  }

  private save(): void {
    try {
      globalThis.localStorage?.setItem(
        KEY,
        JSON.stringify({
          theme: this.theme,
          locale: i18n.locale,
          defaultRegions: this.defaultRegions,
        } satisfies Stored),
      );
    } catch {
      // Storage may be unavailable (private mode, quota): preferences then last for this session.
    }
  }
}

export const settings = new Settings();
