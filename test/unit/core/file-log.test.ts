import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../electron/core/log/file-log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = () => new Date('2026-01-02T03:04:05.000Z');

describe('file logger', () => {
  it('writes one redacted line per record into logs/main.log', () => {
    const logs = path.join(dir, 'logs');
    const log = createFileLogger({ dir: logs, now: at });
    log.info('started');
    log.error('call failed\nforged line', {
      request: { accessKeySecret: 'wJalrXUtnFEMIK7MDENG', url: '/?Signature=abc&x=1' },
    });
    const text = readFileSync(path.join(logs, 'main.log'), 'utf8');
    expect(text.split('\n')).toEqual([
      '2026-01-02T03:04:05.000Z INFO  started',
      '2026-01-02T03:04:05.000Z ERROR call failed\\nforged line {"request":{"accessKeySecret":"[REDACTED]","url":"/?Signature=[REDACTED]&x=1"}}',
      '',
    ]);
    expect(text).not.toContain('wJalrXUtnFEMIK7MDENG');
  });

  it('scrubs values registered as known secrets', () => {
    const log = createFileLogger({ dir, now: at });
    log.addKnownSecret('my-very-secret-value');
    log.warn('echo my-very-secret-value back', { nested: ['my-very-secret-value'] });
    expect(readFileSync(log.file, 'utf8')).not.toContain('my-very-secret-value');
  });

  it('rotates at the size limit and keeps only the newest three old files', () => {
    const log = createFileLogger({ dir, maxBytes: 200, keep: 3, now: at });
    for (let i = 0; i < 40; i += 1) log.info(`line ${i} ${'x'.repeat(50)}`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['main.log', 'main.log.1', 'main.log.2', 'main.log.3']);
    for (const file of files) {
      expect(readFileSync(path.join(dir, file)).length).toBeLessThanOrEqual(200);
    }
    // The newest line is in the live file, older ones in .1, .2, .3 in order.
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain('line 39 ');
    const firstOf = (f: string) =>
      Number(/line (\d+)/.exec(readFileSync(path.join(dir, f), 'utf8'))![1]);
    expect(firstOf('main.log.1')).toBeGreaterThan(firstOf('main.log.2'));
    expect(firstOf('main.log.2')).toBeGreaterThan(firstOf('main.log.3'));
    expect(firstOf('main.log.3')).toBeGreaterThan(0); // line 0 has been dropped
  });

  it('continues an existing file and counts its size', () => {
    writeFileSync(path.join(dir, 'main.log'), 'y'.repeat(190));
    const log = createFileLogger({ dir, maxBytes: 200, now: at });
    log.info('after restart');
    expect(readFileSync(path.join(dir, 'main.log.1'), 'utf8')).toBe('y'.repeat(190));
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain('after restart');
  });

  it('never throws when the folder cannot be written', () => {
    const blocker = path.join(dir, 'file-not-dir');
    writeFileSync(blocker, '');
    const log = createFileLogger({ dir: path.join(blocker, 'logs') });
    expect(() => log.error('still fine')).not.toThrow();
  });
});
