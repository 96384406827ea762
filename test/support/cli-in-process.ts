// Runs the CLI's main() in this process with captured streams (no child process, no build), for
// tests of its parsing, output and exit codes.
import { PassThrough } from 'node:stream';
import { main } from '../../electron/cli/main';
// main() loads these on demand (the built CLI's start-up). Loaded with this file instead, the
// transform of the core and the dictionaries is not paid inside the first test's time limit.
import '../../electron/cli/i18n';
import '../../electron/cli/run-command';
import '../../electron/core/service';
import '../../electron/core/validated-api';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function runMain(
  argv: string[],
  /** terminal: stdin says it is a TTY (the CLI then asks for confirmation on it). */
  options: { stdin?: string; env?: NodeJS.ProcessEnv; terminal?: boolean } = {},
): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  if (options.terminal) Object.assign(stdin, { isTTY: true });
  stdin.end(options.stdin ?? '');
  const code = await main(argv, { stdout, stderr, stdin, env: options.env ?? {} });
  return { code, out, err };
}
