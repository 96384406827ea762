// The data folder must be the user's alone, and the files appended to in it (journal, audit log,
// log files) are never opened through a symlink planted in their place.
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../electron/core/audit';
import { createFileLogger } from '../../../electron/core/log/file-log';
import { Journal } from '../../../electron/core/operations/journal';
import { dataDirProblem } from '../../../electron/core/paths';
import { appendJsonLine } from '../../../electron/core/util/jsonl';
import { runMain } from '../../support/cli-in-process';

let root: string;
let outside: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-folder-'));
  outside = path.join(root, 'victim.txt');
  writeFileSync(outside, 'untouched\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const posix = process.platform !== 'win32';

describe.runIf(posix)('the data folder', () => {
  it('is fine when it is ours alone, or does not exist yet', () => {
    const dir = path.join(root, 'data');
    expect(dataDirProblem(dir)).toBeNull();
    mkdirSync(dir, { mode: 0o700 });
    expect(dataDirProblem(dir)).toBeNull();
  });

  it('is refused when another user owns it', () => {
    const dir = path.join(root, 'data');
    mkdirSync(dir, { mode: 0o700 });
    const someoneElse = statSync(dir).uid + 4242;
    expect(dataDirProblem(dir, 'linux', someoneElse)).toMatchObject({
      severity: 'refuse',
      message: expect.stringMatching(/belongs to another user/),
    });
  });

  it('is warned about when the group or everyone may write into it; the CLI says so', async () => {
    const dir = path.join(root, 'data');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    expect(dataDirProblem(dir)).toMatchObject({
      severity: 'warn',
      message: expect.stringMatching(/chmod 700/),
    });
    const run = await runMain(['--data-dir', dir, 'info']);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/^warning: The data folder .* can be written by other users/m);
  });

  it('a file in place of the folder is refused by the CLI', async () => {
    const file = path.join(root, 'not-a-folder');
    writeFileSync(file, '');
    const run = await runMain(['--data-dir', file, 'info']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/is not a folder/);
  });
});

describe.runIf(posix)('appended files never follow a planted symlink', () => {
  it('the JSON-lines writer (journal, audit log) refuses with ELOOP', async () => {
    const file = path.join(root, 'operations.jsonl');
    symlinkSync(outside, file);
    await expect(appendJsonLine(file, { a: 1 })).rejects.toMatchObject({ code: 'ELOOP' });
    expect(readFileSync(outside, 'utf8')).toBe('untouched\n');
  });

  it('the journal and the audit log report it as a storage error and write nothing', async () => {
    symlinkSync(outside, path.join(root, 'operations.jsonl'));
    symlinkSync(outside, path.join(root, 'audit.jsonl'));
    const journal = new Journal(root);
    await expect(
      journal.append({
        v: 1,
        type: 'observed',
        opId: 'x',
        at: 1,
        phase: 'updating',
        clusterState: 'updating',
      }),
    ).rejects.toMatchObject({ code: 'storage', message: expect.stringContaining('(ELOOP)') });
    const audit = new AuditLog(root);
    await expect(
      audit.append({
        action: 'encryption.enable',
        phase: 'requested',
        result: 'accepted',
        accountId: 'a',
        accountName: 'A',
        cloudAccountId: null,
        clusterId: 'c',
        clusterName: 'c',
        regionId: 'cn-hangzhou',
        keyId: 'key-1',
        operationId: 'op',
        requestId: null,
        error: null,
      } as never),
    ).rejects.toMatchObject({ code: 'storage' });
    expect(readFileSync(outside, 'utf8')).toBe('untouched\n');
  });

  it('the log file does not write through a symlink', () => {
    const logs = path.join(root, 'logs');
    mkdirSync(logs);
    symlinkSync(outside, path.join(logs, 'main.log'));
    const log = createFileLogger({ dir: logs });
    log.error('something went wrong');
    expect(readFileSync(outside, 'utf8')).toBe('untouched\n');
    expect(lstatSync(path.join(logs, 'main.log')).isSymbolicLink()).toBe(true);
  });
});
