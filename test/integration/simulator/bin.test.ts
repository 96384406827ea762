// The simulator's own command line (out/simulator/bin.js, built by `npm run build`): --help is the
// new user's way to the demo AccessKeys, and bad options say what was wrong instead of a stack.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCredentials } from '../../../simulator/src/fixtures/demo';

const BIN = path.resolve('out/simulator/bin.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });

describe('simulator command line', () => {
  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error('out/simulator/bin.js is missing: run `npm run build`.');
  });

  it('--help lists the options and every active demo AccessKey with its secret and account', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    expect(stdout).toContain('--no-page-caps');
    const active = demoCredentials().filter((k) => k.status === 'Active');
    expect(active.length).toBeGreaterThan(0);
    for (const key of active) {
      const line = stdout.split('\n').find((l) => l.includes(key.accessKeyId));
      expect(line, key.accessKeyId).toBeDefined();
      expect(line).toContain(key.accessKeySecret);
      expect(line).toContain(key.accountName);
    }
    // The example command names the first key and the CLI's real flags.
    expect(stdout).toContain(`--access-key-id ${active[0]!.accessKeyId} --secret-stdin`);
    expect(stdout).toContain('export ACK_SG_ENDPOINT=http://127.0.0.1:8790');
  });

  it('refuses an unknown option with its name and exit 2', () => {
    const { status, stderr } = run('--prot', '1');
    expect(status).toBe(2);
    expect(stderr).toContain('--prot');
    expect(stderr).not.toContain('    at ');
  });

  it('refuses a port that is not a port', () => {
    const { status, stderr } = run('--port', 'eighty');
    expect(status).toBe(2);
    expect(stderr).toContain('--port must be a whole number from 0 to 65535, not "eighty"');
  });
});
