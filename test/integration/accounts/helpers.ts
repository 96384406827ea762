// Shared setup for the accounts integration tests: the simulator, a core over a temp data folder
// and the REAL Secret Service (these tests run inside scripts/with-keyring.sh), and secret-tool.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createCore } from '../../../electron/core/service';
import type { Core, CoreOptions } from '../../../electron/core/service';
import { demoCredentials, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { tempDir } from '../../unit/accounts/fakes';

const run = promisify(execFile);

export async function startSim(
  options: Parameters<typeof startSimulator>[0] = {},
): Promise<Simulator> {
  return startSimulator({ fixture: 'demo', port: 0, ...options });
}

export function demoSecret(accessKeyId: string): string {
  const c = demoCredentials().find((x) => x.accessKeyId === accessKeyId);
  if (!c) throw new Error(`no demo credential ${accessKeyId}`);
  return c.accessKeySecret;
}

export function makeCore(extra: Partial<CoreOptions> = {}): Core {
  return createCore({
    dataDir: tempDir(),
    version: '0.0.0-test',
    // No ACK_SG_ENDPOINT from the outside world: each account names the simulator itself.
    env: {},
    ...extra,
    accounts: {
      session: { retry: { maxAttempts: 1 }, timeouts: { connectMs: 3000, readMs: 5000 } },
      keychainTimeoutMs: 5000,
      ...extra.accounts,
    },
  });
}

/** The keychain item of an account, read with secret-tool (independent of our code). */
export async function secretToolLookup(accountId: string): Promise<string | null> {
  try {
    const { stdout } = await run('secret-tool', [
      'lookup',
      'service',
      'ack-secret-guard',
      'username',
      accountId,
    ]);
    return stdout;
  } catch {
    // secret-tool exits 1 when nothing matches.
    return null;
  }
}

/** Every file under a folder, with its contents. */
export function readTree(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ file: p, text: readFileSync(p, 'latin1') });
    }
  };
  walk(dir);
  return out;
}
