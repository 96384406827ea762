// The local audit log, <dataDir>/audit.jsonl: one JSON object per line, append-only.
//
// Writers: the app and the CLI may append at the same time. Each entry is one complete line
// written with a single write(2) on a descriptor opened with O_APPEND, then fsync'd. With
// O_APPEND the kernel moves to the end and writes under the file's lock, so lines from
// different processes never interleave (true on local file systems; not promised on NFS/SMB).
//
// Crashes: a process killed mid-write can leave a torn last line with no newline. Readers report
// it in `problems` and keep everything else. Before appending, a writer that finds the file not
// ending in a newline first writes one, so the torn fragment does not swallow the new entry. (Two
// writers doing that at once, or one doing it while another's line is in flight, only leave an
// empty line, which readers skip.)
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { GuardError, message } from '../../contract';
import type { AuditEntry, AuditFilter, AuditListResult } from '../../contract/types/audit';
import { appendJsonLine } from '../util/jsonl';
import { normaliseEntry, parseEntry } from './entry';
import type { AuditEntryInput } from './entry';

export const AUDIT_FILE_NAME = 'audit.jsonl';
const NEWLINE = 0x0a;

function storageError(file: string, verb: string, error: unknown): GuardError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new GuardError('storage', message('error.storage.auditLog', { file, verb, code }), {
    file,
    errno: code,
  });
}

function timeBound(value: string | Date | undefined, field: string): number | null {
  if (value === undefined) return null;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new GuardError('validation', `Audit filter "${field}" must be an ISO 8601 time.`);
  }
  return ms;
}

/** A predicate for the filter's fields, checked once up front. */
function matcher(filter: AuditFilter): (e: AuditEntry) => boolean {
  const since = timeBound(filter.since, 'since');
  const until = timeBound(filter.until, 'until');
  return (e) => {
    if (filter.accountId !== undefined && e.accountId !== filter.accountId) return false;
    if (filter.clusterId !== undefined && e.clusterId !== filter.clusterId) return false;
    if (filter.action !== undefined && e.action !== filter.action) return false;
    if (filter.result !== undefined && e.result !== filter.result) return false;
    if (since !== null || until !== null) {
      const t = Date.parse(e.time);
      if (since !== null && t < since) return false;
      if (until !== null && t > until) return false;
    }
    return true;
  };
}

/**
 * Parses one line. A line that is not JSON may be a torn fragment glued to a whole entry (a crash
 * before the tail repair existed, or a foreign writer): the entry after the last `{"id":` is
 * salvaged when it parses.
 */
function parseLine(text: string): { entry: AuditEntry | null; problem: string | null } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const at = text.lastIndexOf('{"id":');
    if (at > 0) {
      const salvaged = parseLine(text.slice(at));
      if (salvaged.entry) {
        return {
          entry: salvaged.entry,
          problem: `${at} characters of an incomplete entry before it were skipped`,
        };
      }
    }
    return { entry: null, problem: 'is not valid JSON; skipped' };
  }
  const parsed = parseEntry(value);
  return typeof parsed === 'string'
    ? { entry: null, problem: `is not an audit entry (${parsed}); skipped` }
    : { entry: parsed, problem: null };
}

export class AuditLog {
  readonly file: string;

  constructor(readonly dataDir: string) {
    this.file = path.join(dataDir, AUDIT_FILE_NAME);
  }

  /** Appends one entry durably; returns it as written (with id and time filled in). */
  async append(input: AuditEntryInput): Promise<AuditEntry> {
    const entry = normaliseEntry(input);
    try {
      await appendJsonLine(this.file, entry);
    } catch (error) {
      throw storageError(this.file, 'written', error);
    }
    return entry;
  }

  /**
   * Entries matching the filter, newest first by default (file order reversed), at most `limit`
   * of them; unreadable lines are reported in `problems` and skipped. Reads the file as a stream,
   * so a large log does not have to fit in memory.
   */
  async list(filter: AuditFilter = {}): Promise<AuditListResult> {
    const limit = filter.limit;
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
      throw new GuardError('validation', 'Audit filter "limit" must be a positive integer.');
    }
    const order = filter.order ?? 'newest-first';
    const matches = matcher(filter);
    const entries: AuditEntry[] = [];
    const problems: string[] = [];
    let lineNo = 0;
    // oldest-first with a limit stops reading early (later problems are then not reported).
    let stopped = false;

    const take = (bytes: Buffer, terminated: boolean) => {
      lineNo += 1;
      const text = bytes.toString('utf8');
      if (text.trim() === '') return;
      const { entry, problem } = parseLine(text);
      if (!terminated) {
        problems.push(
          entry
            ? `line ${lineNo}: has no line end (a write was cut short); the entry was kept`
            : `line ${lineNo}: is incomplete (the app or CLI stopped while writing it); skipped`,
        );
      } else if (problem) {
        problems.push(`line ${lineNo}: ${problem}`);
      }
      if (!entry || !matches(entry)) return;
      entries.push(entry);
      // Newest first with a limit only needs the last `limit` matches: trim as we go.
      if (limit !== undefined && order === 'newest-first' && entries.length > 2 * limit) {
        entries.splice(0, entries.length - limit);
      }
    };

    try {
      let pending: Buffer[] = [];
      for await (const chunk of createReadStream(this.file, { highWaterMark: 64 * 1024 })) {
        const buf = chunk as Buffer;
        let from = 0;
        let nl = buf.indexOf(NEWLINE, from);
        while (nl !== -1) {
          pending.push(buf.subarray(from, nl));
          take(Buffer.concat(pending), true);
          pending = [];
          from = nl + 1;
          nl = buf.indexOf(NEWLINE, from);
        }
        if (from < buf.length) pending.push(buf.subarray(from));
        if (order === 'oldest-first' && limit !== undefined && entries.length >= limit) {
          stopped = true;
          break;
        }
      }
      if (!stopped && pending.length > 0) take(Buffer.concat(pending), false);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] };
      throw storageError(this.file, 'read', error);
    }

    if (order === 'newest-first') {
      entries.reverse();
      return { entries: limit === undefined ? entries : entries.slice(0, limit), problems };
    }
    return { entries: limit === undefined ? entries : entries.slice(0, limit), problems };
  }
}
