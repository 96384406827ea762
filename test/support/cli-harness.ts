// The set-up every in-process CLI test shares: a simulator, a fresh data folder, the demo
// Retail AccessKey saved as an account over the real keychain before the tests (and removed
// after them), and `cli(argv, stdin)` running main() against that folder.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO, startSimulator } from '../../simulator';
import type { Simulator } from '../../simulator';
import { runMain } from './cli-in-process';
import type { CliResult } from './cli-in-process';
import { addDemoAccessKey } from './demo-account-args';

/** What runMain takes besides argv: stdin's text, the environment (LANG), a terminal or not. */
export type CliOptions = Parameters<typeof runMain>[1];

export interface CliHarness {
  dataDir: string;
  /** main() against the harness's data folder; a string is stdin's text. */
  cli: (argv: string[], options?: string | CliOptions) => Promise<CliResult>;
  /** The running simulator (set in beforeAll). */
  sim: () => Simulator;
}

export function cliHarness(options: {
  prefix: string;
  regions: string[];
  timeScale?: number;
  /** After the account is added (e.g. a first `clusters list`). */
  setUp?: (cli: CliHarness['cli']) => Promise<void>;
}): CliHarness {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `ack-sg-${options.prefix}-`));
  const cli: CliHarness['cli'] = (argv, options = '') =>
    runMain(
      ['--data-dir', dataDir, ...argv],
      typeof options === 'string' ? { stdin: options } : options,
    );
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator({
      fixture: 'demo',
      port: 0,
      ...(options.timeScale ? { timeScale: options.timeScale } : {}),
    });
    const add = addDemoAccessKey({
      name: 'Retail',
      accessKeyId: DEMO.accessKeys.retailRoot,
      endpoint: sim.url,
      regions: options.regions,
    });
    const added = await cli(add.argv, add.stdin);
    expect(added.code, added.err).toBe(0);
    await options.setUp?.(cli);
  });
  afterAll(async () => {
    await cli(['accounts', 'remove', 'Retail']).catch(() => undefined);
    await sim?.stop();
  });
  return {
    dataDir,
    cli,
    sim: () => {
      if (!sim) throw new Error('the simulator starts in beforeAll');
      return sim;
    },
  };
}
