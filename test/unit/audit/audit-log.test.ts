// The audit log: append and list with filters, what survives a crash (torn last line, corrupt
// middle line), that nothing secret reaches the file, and that concurrent appenders (many
// AuditLog instances in this process plus a real child process) never interleave a line.
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GuardError } from '../../../electron/contract';
import type { AuditEntry } from '../../../electron/contract/types/audit';
import { AUDIT_FILE_NAME, AuditLog } from '../../../electron/core/audit';
import type { AuditEntryInput } from '../../../electron/core/audit';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/append-child.mjs');

function input(overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    accountId: 'acc-retail',
    accountName: 'Retail',
    cloudAccountId: '1000000000000001',
    clusterId: 'c-happy',
    clusterName: 'edge-pro-hz-plain',
    regionId: 'cn-hangzhou',
    action: 'encryption.enable',
    phase: 'requested',
    keyId: 'key-hzz6demovalid000000001',
    requestId: null,
    result: 'accepted',
    error: null,
    operationId: 'op-1',
    ...overrides,
  };
}

describe('AuditLog', () => {
  let dir: string;
  let log: AuditLog;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'audit-'));
    log = new AuditLog(path.join(dir, 'data'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lists nothing (and no problems) before the first append', async () => {
    expect(await log.list()).toEqual({ entries: [], problems: [] });
  });

  it('appends one JSON line per entry, private to the user, and reads them back newest first', async () => {
    const first = await log.append(input({ time: '2026-01-01T00:00:00.000Z' }));
    const second = await log.append(
      input({ phase: 'ended', result: 'succeeded', requestId: 'REQ-1', id: 'fixed-id' }),
    );
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.time).toBe('2026-01-01T00:00:00.000Z');
    expect(second.id).toBe('fixed-id');
    expect(Date.parse(second.time)).not.toBeNaN();

    const raw = await readFile(log.file, 'utf8');
    expect(log.file).toBe(path.join(dir, 'data', AUDIT_FILE_NAME));
    const lines = raw.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual(first);
    if (process.platform !== 'win32') {
      expect((await stat(log.file)).mode & 0o777).toBe(0o600);
    }

    const { entries, problems } = await log.list();
    expect(problems).toEqual([]);
    expect(entries).toEqual([second, first]);
    expect((await log.list({ order: 'oldest-first' })).entries).toEqual([first, second]);
  });

  it('filters by account, cluster, action, result and time, and limits to the newest', async () => {
    const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m)).toISOString();
    await log.append(input({ time: at(1) }));
    await log.append(input({ time: at(2), phase: 'ended', result: 'succeeded' }));
    await log.append(
      input({ time: at(3), clusterId: 'c-other', action: 'encryption.disable', keyId: null }),
    );
    await log.append(
      input({
        time: at(4),
        accountId: 'acc-factory',
        accountName: 'Factory',
        clusterId: null,
        clusterName: null,
        action: 'fix.authorizeServiceRole',
        phase: 'ended',
        result: 'failed',
        error: { code: 'NoPermission', message: 'RAM said no' },
      }),
    );
    await log.append(input({ time: at(5), action: 'batch.apply', result: 'cancelled' }));

    const times = (r: { entries: AuditEntry[] }) => r.entries.map((e) => e.time);
    expect(times(await log.list({ accountId: 'acc-factory' }))).toEqual([at(4)]);
    expect(times(await log.list({ clusterId: 'c-happy' }))).toEqual([at(5), at(2), at(1)]);
    expect(times(await log.list({ action: 'encryption.disable' }))).toEqual([at(3)]);
    expect(times(await log.list({ result: 'failed' }))).toEqual([at(4)]);
    expect(times(await log.list({ since: at(2), until: new Date(at(4)) }))).toEqual([
      at(4),
      at(3),
      at(2),
    ]);
    expect(times(await log.list({ limit: 2 }))).toEqual([at(5), at(4)]);
    expect(times(await log.list({ limit: 2, order: 'oldest-first' }))).toEqual([at(1), at(2)]);
    expect(
      times(await log.list({ clusterId: 'c-happy', action: 'encryption.enable', limit: 1 })),
    ).toEqual([at(2)]);

    await expect(log.list({ limit: 0 })).rejects.toMatchObject({ code: 'validation' });
    await expect(log.list({ since: 'yesterday' })).rejects.toMatchObject({ code: 'validation' });
  });

  it('refuses malformed entries with a validation error', async () => {
    const bad = [
      input({ action: 'encryption.rotate' as never }),
      input({ result: 'maybe' as never }),
      input({ phase: 'started' as never }),
      input({ accountId: '' }),
      input({ time: 'not a time' }),
      input({ clusterId: 42 as never }),
      input({ error: { code: '', message: 'x' } }),
    ];
    for (const entry of bad) {
      const error = await log.append(entry).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GuardError);
      expect((error as GuardError).code).toBe('validation');
    }
    expect((await log.list()).entries).toEqual([]);
  });

  it('never writes a secret: unknown fields are dropped and error messages are redacted', async () => {
    const sneaky = {
      ...input({
        phase: 'ended',
        result: 'failed',
        error: {
          code: 'InvalidAccessKeyId.NotFound',
          message:
            'call failed: AccessKeySecret=demo-secret-retail-root-0001 SecurityToken: CAISabcdefghijklmnopqrstuvwxyz0123456789',
        },
      }),
      accessKeySecret: 'demo-secret-should-not-appear',
      credentials: { securityToken: 'CAIS-nope' },
    } as AuditEntryInput;
    const written = await log.append(sneaky);
    const raw = await readFile(log.file, 'utf8');
    expect(raw).not.toContain('demo-secret');
    expect(raw).not.toContain('CAIS');
    expect(raw).not.toContain('accessKeySecret');
    expect(raw).not.toContain('credentials');
    expect(written.error?.message).toContain('[REDACTED]');
    expect(Object.keys(written).sort()).toEqual(
      [
        'id',
        'time',
        'accountId',
        'accountName',
        'cloudAccountId',
        'clusterId',
        'clusterName',
        'regionId',
        'action',
        'phase',
        'keyId',
        'requestId',
        'result',
        'error',
        'operationId',
      ].sort(),
    );
  });

  it('keeps a multi-line error message on one line', async () => {
    await log.append(
      input({ result: 'failed', error: { code: 'X', message: 'line one\nline two\r\n' } }),
    );
    const raw = await readFile(log.file, 'utf8');
    expect(raw.split('\n')).toHaveLength(2);
    expect((await log.list()).entries[0]?.error?.message).toBe('line one\nline two\r\n');
  });

  it('reports a torn last line (a crash mid-write), keeps the rest, and appends cleanly after it', async () => {
    const a = await log.append(input({ operationId: 'op-a' }));
    const b = await log.append(input({ operationId: 'op-b' }));
    const whole = `${JSON.stringify({ ...b, id: 'torn', operationId: 'op-torn' })}\n`;
    await appendFile(log.file, whole.slice(0, 60)); // what a killed writer leaves behind

    let listed = await log.list();
    expect(listed.entries.map((e) => e.operationId)).toEqual(['op-b', 'op-a']);
    expect(listed.problems).toEqual([
      'line 3: is incomplete (the app or CLI stopped while writing it); skipped',
    ]);

    // The next writer ends the fragment first, so its own line stays whole.
    const c = await log.append(input({ operationId: 'op-c' }));
    listed = await log.list();
    expect(listed.entries.map((e) => e.id)).toEqual([c.id, b.id, a.id]);
    expect(listed.problems).toEqual(['line 3: is not valid JSON; skipped']);
  });

  it('keeps a complete last entry whose newline was cut off, and says so', async () => {
    const a = await log.append(input());
    const raw = await readFile(log.file, 'utf8');
    await writeFile(log.file, raw.slice(0, -1));
    const listed = await log.list();
    expect(listed.entries).toEqual([a]);
    expect(listed.problems).toEqual([
      'line 1: has no line end (a write was cut short); the entry was kept',
    ]);
  });

  it('reports corrupt middle lines and keeps every entry around them', async () => {
    const a = await log.append(input({ operationId: 'op-a' }));
    await appendFile(log.file, 'garbage that is not json\n');
    await appendFile(log.file, '{"id":"x","time":"2026-01-01T00:00:00Z"}\n'); // JSON, not an entry
    await appendFile(log.file, '\n'); // an empty line is not a problem
    const b = await log.append(input({ operationId: 'op-b' }));
    // A torn fragment glued to a whole entry (e.g. written by a tool without the tail repair).
    const c = { ...b, id: 'glued', operationId: 'op-c' };
    await appendFile(log.file, `{"id":"half","acc${JSON.stringify(c)}\n`);

    const listed = await log.list();
    expect(listed.entries.map((e) => e.id)).toEqual(['glued', b.id, a.id]);
    expect(listed.problems).toEqual([
      'line 2: is not valid JSON; skipped',
      'line 3: is not an audit entry (missing or invalid "accountId"); skipped',
      'line 6: 17 characters of an incomplete entry before it were skipped',
    ]);
  });

  it('wraps file system failures in a storage error', async () => {
    // The data "folder" is a file: mkdir fails.
    await writeFile(path.join(dir, 'not-a-dir'), 'x');
    const broken = new AuditLog(path.join(dir, 'not-a-dir'));
    const error = await broken.append(input()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuardError);
    expect((error as GuardError).code).toBe('storage');
    expect((error as GuardError).message).toContain('audit.jsonl');
  });

  it('never interleaves lines from concurrent appenders: many instances here and a child process', async () => {
    await log.append(input({ operationId: 'seed' })); // the file exists before the race
    const perRound = 150;
    const child = spawn(process.execPath, [CHILD, log.file, String(perRound), 'child'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    const waiters: { word: string; count: number; resolve: () => void }[] = [];
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      for (const w of [...waiters]) {
        if (output.split(w.word).length - 1 >= w.count) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    });
    const said = (word: string, count: number) =>
      new Promise<void>((resolve) => {
        if (output.split(word).length - 1 >= count) resolve();
        else waiters.push({ word, count, resolve });
      });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await said('ready', 1);

    const instances = Array.from({ length: 8 }, () => new AuditLog(log.dataDir));
    const long = 'y'.repeat(1500);
    const ours: Awaited<ReturnType<AuditLog['append']>>[] = [];
    // Two rounds; in each, the child and 8 instances here append at the same time. Both rounds
    // hold lines of both writers, so the file interleaves them whatever the scheduling.
    for (const round of [0, 1]) {
      child.stdin.write('go\n');
      const appended = Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          instances[i % instances.length]!.append(
            input({
              operationId: `op-${round}-${i}`,
              phase: 'ended',
              result: 'failed',
              error: { code: 'Filler', message: long },
            }),
          ),
        ),
      );
      ours.push(...(await appended));
      await said('wrote', round + 1);
    }
    child.stdin.write('end\n');
    expect(await exited).toBe(0);
    const childCount = 2 * perRound;

    const raw = await readFile(log.file, 'utf8');
    expect(raw.endsWith('\n')).toBe(true);
    // An appender that looks at the file's last byte while another process's write is under way
    // may add a newline of its own: an empty line, which readers skip. Never a split entry.
    const lines = raw.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1 + 240 + childCount);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();

    const listed = await log.list({ order: 'oldest-first' });
    expect(listed.problems).toEqual([]);
    expect(listed.entries).toHaveLength(1 + 240 + childCount);
    const ids = new Set(listed.entries.map((e) => e.id));
    expect(ids.size).toBe(listed.entries.length);
    for (const e of ours) expect(ids.has(e.id)).toBe(true);
    for (let i = 0; i < childCount; i++) expect(ids.has(`child-${i}`)).toBe(true);
    // Both writers' lines are interleaved in the file (not one block after the other).
    const order = listed.entries.map((e) => (e.id.startsWith('child-') ? 'c' : 'p')).join('');
    expect(order.slice(1)).toMatch(/c.*p.*c|p.*c.*p/);
  });
});
