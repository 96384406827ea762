// Which critical key findings the user has been told about, on disk in the data folder, so a
// restart does not notify again for a key that is still disabled. A finding that a later sweep
// saw resolved (the key was read and no longer has it) is forgotten: if it comes back, it is news.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../util/atomic-file';

const FILE = 'key-guard-notified.json';
/** Far more than any fleet has critical findings; bounds the file if sweeps misbehave. */
const MAX_REMEMBERED = 5_000;

interface Stored {
  schemaVersion: 1;
  /** Finding id -> when the user was told (ISO 8601). */
  notified: Record<string, string>;
}

export class NotifiedStore {
  private notified: Map<string, string> | null = null;
  /** Saves run one after another (two sweeps ending together must not interleave writes). */
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  get file(): string {
    return path.join(this.dataDir, FILE);
  }

  private async load(): Promise<Map<string, string>> {
    if (this.notified) return this.notified;
    let map = new Map<string, string>();
    try {
      const stored = JSON.parse(await readFile(this.file, 'utf8')) as Stored;
      if (stored?.schemaVersion === 1 && typeof stored.notified === 'object' && stored.notified)
        map = new Map(
          Object.entries(stored.notified).filter(
            (e): e is [string, string] => typeof e[1] === 'string',
          ),
        );
    } catch {
      // Missing or unreadable: at worst the user is told once more.
    }
    this.notified ??= map;
    return this.notified;
  }

  /**
   * The ids among `critical` not told before (now remembered as told), after forgetting the
   * ones a sweep saw resolved.
   */
  async takeNew(
    critical: string[],
    resolved: (id: string) => boolean,
    at: string,
  ): Promise<string[]> {
    const map = await this.load();
    let forgot = 0;
    for (const id of [...map.keys()])
      if (!critical.includes(id) && resolved(id)) {
        map.delete(id);
        forgot += 1;
      }
    const fresh = critical.filter((id) => !map.has(id));
    for (const id of fresh) map.set(id, at);
    while (map.size > MAX_REMEMBERED) map.delete(map.keys().next().value!);
    if (fresh.length > 0 || forgot > 0) {
      const data: Stored = { schemaVersion: 1, notified: Object.fromEntries(map) };
      this.saving = this.saving
        .catch(() => undefined)
        .then(() => writeFileAtomic(this.file, JSON.stringify(data)));
      try {
        await this.saving;
      } catch {
        // Not written: remembered in memory for this run; after a restart the user may be told again.
      }
    }
    return fresh;
  }
}
