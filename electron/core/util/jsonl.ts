// Append-only JSON-lines files (operation journal, audit log). Each record is one write(2) of a
// complete line on a file opened with O_APPEND, then fsync: concurrent appenders (the app and the
// CLI) never interleave inside a line, and a record we returned from is on disk. Reading keeps
// every good line and reports the bad ones: a torn last line (a crash mid-write) or a corrupt one.
import { constants } from 'node:fs';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from './atomic-file';

const NEWLINE = 0x0a;

/**
 * O_RDWR | O_APPEND | O_CREAT (append-only writes, reads for the tail check) and O_NOFOLLOW: a
 * symlink planted where a journal, audit log or log file should be (someone else's write access
 * to the data folder) makes the open fail with ELOOP instead of appending to the file it points
 * at. Windows has no O_NOFOLLOW (and no such symlinks for ordinary users).
 */
export const APPEND_NO_FOLLOW =
  constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0);

/**
 * Writes a newline if the file's last byte is not one (a torn line left by a crash). Another
 * process's append still under way can look the same; the newline then lands after it (appends
 * are serialised), leaving an empty line that readers skip — never a split record.
 */
async function terminateTornTail(handle: FileHandle): Promise<void> {
  const { size } = await handle.stat();
  if (size === 0) return;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  if (last[0] !== NEWLINE) await handle.write(Buffer.from('\n'));
}

/**
 * Appends one record as one line, durably. Errors are the file system's (callers say what the
 * file is for). JSON.stringify escapes newlines inside strings, so a record is exactly one line.
 */
export async function appendJsonLine(file: string, record: unknown): Promise<void> {
  const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const existed = await stat(file).then(
    () => true,
    () => false,
  );
  const handle = await open(file, APPEND_NO_FOLLOW, 0o600);
  try {
    await terminateTornTail(handle);
    // One write(2) of the whole line (no position: the kernel appends).
    const { bytesWritten } = await handle.write(line, 0, line.length);
    if (bytesWritten !== line.length) {
      // A short write (disk full, quota): end the fragment so the next line stays readable.
      await handle.write(Buffer.from('\n')).catch(() => undefined);
      throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
    }
    await handle.sync();
  } finally {
    await handle.close().catch(() => undefined);
  }
  if (!existed) await fsyncDir(dir).catch(() => undefined);
}

export interface JsonLines<T> {
  records: T[];
  /** Human sentences about lines that were skipped (line numbers are 1-based). */
  problems: string[];
}

export async function readJsonLines<T>(
  file: string,
  isRecord: (value: unknown) => value is T,
): Promise<JsonLines<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], problems: [] };
    throw error;
  }
  const records: T[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  lines.forEach((line, index) => {
    const last = index === lines.length - 1;
    if (line.trim() === '') return;
    try {
      const value: unknown = JSON.parse(line);
      if (isRecord(value)) records.push(value);
      else
        problems.push(
          `${path.basename(file)} line ${index + 1}: not a record of the expected shape; skipped.`,
        );
    } catch {
      problems.push(
        last && !endsWithNewline
          ? `${path.basename(file)} line ${index + 1}: the last line is incomplete (the app stopped while writing it); skipped, the rest is kept.`
          : `${path.basename(file)} line ${index + 1}: not valid JSON; skipped, the rest is kept.`,
      );
    }
  });
  return { records, problems };
}
