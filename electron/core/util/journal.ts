// One journal for every long-running cloud write (encryption changes, new clusters): an
// append-only JSON-lines file (util/jsonl.ts: one write(2) per record, fsync, torn and corrupt
// lines skipped and reported), written BEFORE the cloud is asked and at every step after, so a
// crash, a kill or a closed laptop loses nothing. Each kind of journal brings its record check and
// its fold (records -> current view per id); this class is the file, the same for all of them.
import path from 'node:path';
import { GuardError, message } from '../../contract';
import { appendJsonLine, readJsonLines } from './jsonl';

/** The widest range a JavaScript Date can hold (ms either side of 1970). */
const MAX_TIME_MS = 8.64e15;

/** Record-field checks shared by the journals' `isRecord`. */
export const isTime = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_TIME_MS;
export const isText = (v: unknown): v is string => typeof v === 'string';
export const isTextOrNull = (v: unknown): v is string | null => v === null || isText(v);

/**
 * The fields every journal record starts with (`v: 1`, its id, `at`, an optional `cloudAt`):
 * the record as a plain object when they are right, else null (the line is skipped).
 */
export function recordHead(value: unknown, idField: string): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (r.v !== 1 || !isText(r[idField]) || !isTime(r.at)) return null;
  if (r.cloudAt !== undefined && !isTime(r.cloudAt)) return null;
  return r;
}

/** `{code, message, requestId?}` as journaled with an ended record, or null. */
export function isRecordedError(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  return (
    isText(e.code) && isText(e.message) && (e.requestId === undefined || isTextOrNull(e.requestId))
  );
}

export interface JournalKind<R, E> {
  /** The file's name in the data folder (never changes: old journals must still be read). */
  file: string;
  /** What the journal is, for the storage error ("operation journal", "creation journal"). */
  what: string;
  /** What is not done when the journal cannot be written ("the change is not started"). */
  withoutIt: string;
  /**
   * Checks every field a record's type needs, so one bad line (a hand edit, a disk error, a
   * future version) is skipped and reported instead of breaking every later read.
   */
  isRecord: (value: unknown) => value is R;
  fold: (records: R[]) => Map<string, E>;
}

export class JsonlJournal<R, E> {
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly kind: JournalKind<R, E>,
  ) {
    this.file = path.join(dataDir, kind.file);
  }

  /** Appends one record durably; a storage failure says which file and what is not done. */
  async append(record: R): Promise<void> {
    try {
      await appendJsonLine(this.file, record);
    } catch (error) {
      throw new GuardError(
        'storage',
        message('error.storage.journal', {
          what: this.kind.what,
          file: this.file,
          code: (error as NodeJS.ErrnoException).code ?? 'error',
          withoutIt: this.kind.withoutIt,
        }),
      );
    }
  }

  async read(): Promise<{ entries: Map<string, E>; problems: string[] }> {
    const { records, problems } = await readJsonLines(this.file, this.kind.isRecord);
    return { entries: this.kind.fold(records), problems };
  }
}
