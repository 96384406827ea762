// Runs the BUILT command line (out/cli/index.js) as a real child process, for tests that need a
// separate process: one that is killed mid-change, or two that race.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CLI = path.resolve('out/cli/index.js');

export function assertCliBuilt(): void {
  if (!existsSync(CLI))
    throw new Error('out/cli/index.js is missing: run `npm run build` first (npm test does).');
}

export interface CliRun {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  done: Promise<number | null>;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += String(c)));
  child.stderr!.on('data', (c) => (stderr += String(c)));
  child.stdin!.end(stdin ?? '');
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => ({ stdout, stderr }), done };
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv, stdin?: string) {
  const run = startCli(args, env, stdin);
  const code = await run.done;
  return { code, ...run.output() };
}
