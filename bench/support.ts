// Shared pieces of the benchmark: an in-memory keychain (the OS keychain is not what is
// measured), a call recorder, small statistics, and the one results table.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { SecretStore } from '../electron/core/accounts/secret-store';
import type { AccountSecrets } from '../electron/core/accounts/types';
import type { CallInfo, CloudLimits } from '../electron/core/cloud/session';

export class MemorySecretStore implements SecretStore {
  private readonly items = new Map<string, AccountSecrets>();
  async get(id: string): Promise<AccountSecrets | null> {
    return this.items.get(id) ?? null;
  }
  async set(id: string, secrets: AccountSecrets): Promise<void> {
    this.items.set(id, { ...secrets });
  }
  async delete(id: string): Promise<boolean> {
    return this.items.delete(id);
  }
}

/** One attempt as the session's onCall saw it, with its real start and end (ms). */
export interface RecordedCall extends CallInfo {
  start: number;
  end: number;
  /** Calls of this account holding a slot when this one ended (itself included). */
  accountInFlight: number;
  /** Calls of every account holding a slot when this one ended. */
  globalInFlight: number;
  /** The overall limit in force when this one ended (it follows the loop during a refresh). */
  globalLimit: number;
}

/** Records every cloud call attempt of a core (createCore accounts.session.onCall). */
export class CallRecorder {
  calls: RecordedCall[] = [];
  /** The core's limits (set once the core exists): read while the call still holds its slot. */
  limits: CloudLimits | null = null;
  on = (info: CallInfo): void => {
    const end = performance.now();
    this.calls.push({
      ...info,
      start: end - info.ms,
      end,
      accountInFlight: this.limits?.forAccount(info.accountKey).running ?? 0,
      globalInFlight: this.limits?.global.running ?? 0,
      globalLimit: this.limits?.global.limit ?? 0,
    });
  };
  reset(): void {
    this.calls = [];
  }
  since(t: number): RecordedCall[] {
    return this.calls.filter((c) => c.start >= t);
  }
}

export function byAccount(calls: RecordedCall[]): Map<string, RecordedCall[]> {
  const out = new Map<string, RecordedCall[]>();
  for (const c of calls) out.set(c.accountKey, [...(out.get(c.accountKey) ?? []), c]);
  return out;
}

/**
 * Most calls of one account holding a limiter slot at once. Exact: the count only drops when a
 * call ends, and each call reports it just before giving its slot back. (Sweeping start/end
 * times instead over-counts: onCall's durations are whole milliseconds.)
 */
export function peakAccountInFlight(calls: RecordedCall[]): number {
  return Math.max(0, ...calls.map((c) => c.accountInFlight));
}

export function peakGlobalInFlight(calls: RecordedCall[]): number {
  return Math.max(0, ...calls.map((c) => c.globalInFlight));
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** How many times each timed figure is measured (BENCH_RUNS, default 3): median, min and max. */
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function spread(values: number[]): Spread {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values,
  };
}

/** "median of 3 (min 1.1, max 1.3)": every timing in the table says how it was taken. */
export function spreadNote(s: Spread, unit = 'ms', digits = 0): string {
  const f = (v: number) => v.toFixed(digits);
  return s.runs.length === 1
    ? `1 run`
    : `median of ${s.runs.length} (min ${f(s.min)}, max ${f(s.max)} ${unit})`;
}

/** A full collection, so RSS figures start from what is really live (the bench's own heap). */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The machine's load averages (1, 5, 15 min) and cores: other work skews every figure. */
export function machineLoad(): { loadAvg: number[]; cpus: number } {
  return { loadAvg: os.loadavg().map((v) => Math.round(v * 100) / 100), cpus: os.cpus().length };
}

// ---- results --------------------------------------------------------------------------------

export interface Figure {
  group: string;
  name: string;
  value: number | null;
  unit: string;
  /** e.g. "<= 1.3x critical path"; empty for figures that are only reported. */
  target: string;
  /** value / limit for "lower is better" targets, limit / value for "higher is better". */
  ratio: number | null;
  pass: boolean | null;
  note?: string;
}

export class Results {
  readonly figures: Figure[] = [];
  readonly details: Record<string, unknown> = {};
  /** The load when the run started: a busy machine makes every figure worse. */
  readonly loadAtStart = machineLoad();
  readonly startedAt = new Date().toISOString();
  /** The previous full run's figures (bench/results/previous.json once this one is written). */
  private readonly previous: Map<string, Figure>;

  constructor(
    private readonly dir = path.resolve('bench/results'),
    /** A run of some groups (BENCH_GROUPS): compared with the last such run, else the last full one. */
    private readonly partial = false,
  ) {
    this.previous = new Map();
    for (const name of partial ? ['partial.json', 'latest.json'] : ['latest.json']) {
      const file = path.join(dir, name);
      if (!existsSync(file)) continue;
      try {
        const before = JSON.parse(readFileSync(file, 'utf8')) as { figures?: Figure[] };
        for (const f of before.figures ?? []) {
          const key = `${f.group}|${f.name}`;
          if (!this.previous.has(key)) this.previous.set(key, f);
        }
      } catch {
        // an unreadable previous run has nothing to compare with
      }
    }
  }

  /** A figure with a target "value <= limit" (or ">= limit" when higherIsBetter). */
  check(
    group: string,
    name: string,
    value: number,
    unit: string,
    limit: number,
    target: string,
    options: { higherIsBetter?: boolean; note?: string } = {},
  ): void {
    // A target of 0 (no failures, no long tasks) has no meaningful ratio.
    const ratio = limit === 0 ? null : options.higherIsBetter ? limit / value : value / limit;
    const pass = options.higherIsBetter ? value >= limit : value <= limit;
    this.figures.push({
      group,
      name,
      value,
      unit,
      target,
      ratio,
      pass,
      ...(options.note ? { note: options.note } : {}),
    });
  }

  report(group: string, name: string, value: number | null, unit: string, note?: string): void {
    this.figures.push({
      group,
      name,
      value,
      unit,
      target: '',
      ratio: null,
      pass: null,
      ...(note ? { note } : {}),
    });
  }

  error(group: string, error: unknown): void {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.figures.push({
      group,
      name: 'ERROR',
      value: null,
      unit: '',
      target: '',
      ratio: null,
      pass: false,
      note: message.split('\n').slice(0, 4).join(' | '),
    });
  }

  /** By group (1..5), in the order measured within a group. */
  sorted(): Figure[] {
    return [...this.figures].sort((a, b) => a.group.localeCompare(b.group));
  }

  table(): string {
    const fmt = (v: number | null) =>
      v === null
        ? '-'
        : Math.abs(v) >= 100
          ? v.toFixed(0)
          : Math.abs(v) >= 10
            ? v.toFixed(1)
            : v.toFixed(2);
    const rows = this.sorted().map((f) => {
      const before = this.previous.get(`${f.group}|${f.name}`);
      return [
        f.group,
        f.name,
        before ? `${fmt(before.value)} ${before.unit}`.trim() : '',
        `${fmt(f.value)} ${f.unit}`.trim(),
        f.target || '(reported)',
        f.ratio === null ? '' : `${f.ratio.toFixed(2)}`,
        f.pass === null ? '' : f.pass ? 'pass' : 'MISS',
      ];
    });
    const head = ['group', 'figure', 'previous', 'value', 'target', 'ratio', 'result'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
    return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
  }

  /**
   * A full run becomes latest.json and the run before it previous.json (the README's before ->
   * after); a run of some groups (BENCH_GROUPS) writes partial.json, the one before it
   * partial-previous.json, and leaves the full runs alone.
   */
  write(partial = this.partial): string {
    mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, partial ? 'partial.json' : 'latest.json');
    const before = partial ? 'partial-previous.json' : 'previous.json';
    if (existsSync(file)) renameSync(file, path.join(this.dir, before));
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          startedAt: this.startedAt,
          machine: {
            cpus: os.cpus().length,
            cpuModel: os.cpus()[0]?.model ?? null,
            memoryGb: Math.round(os.totalmem() / 2 ** 30),
            node: process.version,
            platform: `${process.platform}-${process.arch}`,
            loadAvgAtStart: this.loadAtStart.loadAvg,
            loadAvgAtEnd: machineLoad().loadAvg,
          },
          figures: this.sorted(),
          details: this.details,
        },
        null,
        2,
      )}\n`,
    );
    return file;
  }
}
