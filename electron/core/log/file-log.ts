// A small rotating log file shared by the desktop app and the CLI: <dataDir>/logs/<name>.log,
// rotated at a size limit, keeping a few old files. Every line goes through the redaction rules,
// so a secret handed to the logger by mistake still never reaches the disk. Writes are
// synchronous on purpose: the volume is low, and a line written just before a crash must land.
import fs from 'node:fs';
import path from 'node:path';
import { APPEND_NO_FOLLOW } from '../util/jsonl';
import { redactText, redactValue, registerKnownSecret } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, details?: unknown): void;
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
  /**
   * Exact values to scrub from every later line (e.g. a secret just read from the keychain).
   * The same process-wide registry as registerKnownSecret: every redaction honours it.
   */
  addKnownSecret(value: string): void;
  readonly file: string;
}

export interface FileLoggerOptions {
  /** The folder for log files, e.g. <dataDir>/logs. Created (owner-only) when missing. */
  dir: string;
  /** Base name; the live file is <name>.log and old ones <name>.log.1 ... <name>.log.<keep>. */
  name?: string;
  /** Rotate once the live file would grow past this many bytes. */
  maxBytes?: number;
  /** How many rotated files to keep. */
  keep?: number;
  now?: () => Date;
  /** Also echo lines here (e.g. stderr in development); gets the redacted line. */
  echo?: (line: string) => void;
}

export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024;
export const DEFAULT_KEPT_LOGS = 3;

/** Renames <file>.(n-1) -> <file>.n ... <file> -> <file>.1, dropping the oldest. */
export function rotateLogFiles(file: string, keep: number): void {
  fs.rmSync(`${file}.${keep}`, { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    if (fs.existsSync(`${file}.${n}`)) fs.renameSync(`${file}.${n}`, `${file}.${n + 1}`);
  }
  if (keep >= 1 && fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
  else fs.rmSync(file, { force: true });
}

export function formatLine(
  at: Date,
  level: LogLevel,
  message: string,
  details: unknown,
  knownSecrets: readonly string[],
): string {
  let line = `${at.toISOString()} ${level.toUpperCase().padEnd(5)} ${redactText(message, knownSecrets)}`;
  if (details !== undefined) {
    let rendered: string;
    try {
      rendered = JSON.stringify(redactValue(details, knownSecrets)) ?? String(details);
    } catch {
      rendered = '[unserialisable details]';
    }
    // Second pass over the serialised form: catches secrets inside values that only become
    // recognisable once quoted (e.g. a header map rendered as text).
    line += ` ${redactText(rendered, knownSecrets)}`;
  }
  // One record per line: a multi-line message must not be able to forge further records.
  return `${line.replace(/\r?\n/g, '\\n').replace(/\r/g, '\\r')}\n`;
}

export function createFileLogger(options: FileLoggerOptions): Logger {
  const name = options.name ?? 'main';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  const keep = options.keep ?? DEFAULT_KEPT_LOGS;
  const now = options.now ?? (() => new Date());
  const file = path.join(options.dir, `${name}.log`);
  let size: number | null = null;

  function write(level: LogLevel, message: string, details: unknown): void {
    const line = formatLine(now(), level, message, details, []);
    options.echo?.(line.trimEnd());
    try {
      if (size === null) {
        fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
        size = fs.existsSync(file) ? fs.statSync(file).size : 0;
      }
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) {
        rotateLogFiles(file, keep);
        size = 0;
      }
      // Never through a symlink planted in the log's place (see APPEND_NO_FOLLOW).
      const fd = fs.openSync(file, APPEND_NO_FOLLOW, 0o600);
      try {
        fs.writeSync(fd, line);
      } finally {
        fs.closeSync(fd);
      }
      size += bytes;
    } catch {
      // Logging must never take the app down (full disk, read-only folder); forget the size so
      // the next line tries again from what is on disk.
      size = null;
    }
  }

  return {
    file,
    debug: (message, details) => write('debug', message, details),
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
    addKnownSecret: registerKnownSecret,
  };
}
