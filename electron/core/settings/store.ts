// settings.json in the data folder: read once at start (small, and the limits are needed before
// the first call), written atomically on every change. An unreadable file is moved aside and the
// defaults are used, with a notice: settings are preferences, never worth refusing to start.
import { readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { message } from '../../contract';
import type { Message, ValidatedInput } from '../../contract';
import { inputSchemas } from '../../contract/schemas';
import { DEFAULT_SETTINGS } from '../../contract/types/settings';
import type { AppSettings } from '../../contract/types/settings';
import { writeFileAtomic } from '../util/atomic-file';

export const SETTINGS_FILE = 'settings.json';

/** A partial update, exactly as settings.update takes it (the contract's schema). */
const patchSchema = inputSchemas['settings.update'];
export type SettingsPatch = ValidatedInput<'settings.update'>;

export function applyPatch(current: AppSettings, patch: SettingsPatch): AppSettings {
  return {
    cloud: { ...current.cloud, ...patch.cloud },
    changes: { ...current.changes, ...patch.changes },
  };
}

export class SettingsStore {
  readonly file: string;
  private value: AppSettings;
  /** Set when the file could not be used at start (the caller tells the user). */
  readonly problem: Message | null;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, SETTINGS_FILE);
    const loaded = this.load();
    this.value = loaded.settings;
    this.problem = loaded.problem;
  }

  get current(): AppSettings {
    return structuredClone(this.value);
  }

  private load(): { settings: AppSettings; problem: Message | null } {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return { settings: structuredClone(DEFAULT_SETTINGS), problem: null }; // none yet
    }
    try {
      const stored = patchSchema.parse(JSON.parse(text).settings);
      return { settings: applyPatch(DEFAULT_SETTINGS, stored), problem: null };
    } catch {
      const aside = `${this.file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      try {
        renameSync(this.file, aside);
      } catch {
        // leave it; the next save replaces it
      }
      return {
        settings: structuredClone(DEFAULT_SETTINGS),
        problem: message('notice.settingsUnreadable', { aside }),
      };
    }
  }

  async update(patch: SettingsPatch): Promise<AppSettings> {
    const next = applyPatch(this.value, patch);
    await writeFileAtomic(
      this.file,
      `${JSON.stringify({ schemaVersion: 1, settings: next }, null, 2)}\n`,
    );
    this.value = next;
    return this.current;
  }
}
