// The saved account the user picked to act through, per cluster reached by several saved
// accounts (merge.ts, rule 1). Kept in a small file of its own so the choice survives a restart
// and every refresh; an unreadable file is only a lost preference (the rule's default applies).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../util/atomic-file';

const FILE = 'fleet-act-through.json';
const SCHEMA_VERSION = 1;

interface StoredPicks {
  schemaVersion: number;
  /** clusterKey (merge.ts) -> our account id. */
  picks: Record<string, string>;
}

export class ActThroughPicks {
  private picks: Map<string, string> | null = null;
  /** Moves with every change: the merged snapshot is made again when it does. */
  version = 0;

  constructor(private readonly dataDir: string) {}

  get file(): string {
    return path.join(this.dataDir, FILE);
  }

  async load(): Promise<(key: string) => string | undefined> {
    if (!this.picks) {
      this.picks = new Map();
      try {
        const stored = JSON.parse(await readFile(this.file, 'utf8')) as StoredPicks;
        if (stored.schemaVersion === SCHEMA_VERSION && stored.picks) {
          for (const [key, accountId] of Object.entries(stored.picks))
            if (typeof accountId === 'string') this.picks.set(key, accountId);
        }
      } catch {
        // Missing or unreadable: no picks, the default rule chooses.
      }
    }
    const picks = this.picks;
    return (key) => picks.get(key);
  }

  async pick(key: string, accountId: string): Promise<void> {
    await this.load();
    this.picks!.set(key, accountId);
    this.version += 1;
    const stored: StoredPicks = {
      schemaVersion: SCHEMA_VERSION,
      picks: Object.fromEntries(this.picks!),
    };
    await writeFileAtomic(this.file, JSON.stringify(stored));
  }
}
