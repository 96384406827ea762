// Preferences that belong to this window only (theme, default regions, language): kept in
// localStorage, never anything secret. Settings the core would own (polling, concurrency,
// endpoints, proxy) appear in the Settings screen only when the contract has an operation for
// them; per-account endpoint and proxy live on the account itself.
import { i18n, LOCALES } from './i18n/index.svelte';
import type { Locale } from './i18n/index.svelte';
import { DEFAULT_LAYOUT, readLayout } from './fleet/columns';
import type { ColumnLayout } from './fleet/columns';
import { readPanelWidth } from './fleet/split';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'ack-secret-guard.settings.v1';

interface Stored {
  theme?: ThemeChoice;
  locale?: Locale;
  defaultRegions?: string[];
  /** The fleet table's column widths and hidden columns (lib/fleet/columns.ts). */
  fleetColumns?: ColumnLayout;
  /** The cluster panel's width beside the fleet table, px (lib/fleet/split.ts). */
  panelWidth?: number | null;
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
  fleetColumns = $state.raw<ColumnLayout>(DEFAULT_LAYOUT);
  panelWidth = $state<number | null>(null);

  load(): void {
    const stored = read();
    this.fleetColumns = readLayout(stored.fleetColumns);
    this.panelWidth = readPanelWidth(stored.panelWidth);
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

  setFleetColumns(layout: ColumnLayout): void {
    this.fleetColumns = layout;
    this.save();
  }

  setPanelWidth(width: number | null): void {
    this.panelWidth = width;
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
          fleetColumns: this.fleetColumns,
          panelWidth: this.panelWidth,
        } satisfies Stored),
      );
    } catch {
      // Storage may be unavailable (private mode, quota): preferences then last for this session.
    }
  }
}

export const settings = new Settings();
