// A private Secret Service for the CLI processes the bench starts (`check` reads its AccessKey
// from the OS keychain): scripts/with-keyring.sh around a process that only holds the session
// open, whose bus address the CLI children are given. Stopped (its process group) at the end.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface PrivateKeyring {
  /** What a child process needs to reach this keyring. */
  env: NodeJS.ProcessEnv;
  stop(): void;
}

export async function startPrivateKeyring(): Promise<PrivateKeyring> {
  const child = spawn(
    'bash',
    ['scripts/with-keyring.sh', 'bash', '-c', 'echo "$DBUS_SESSION_BUS_ADDRESS"; exec sleep 3600'],
    { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
  );
  const address = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`with-keyring.sh exited (${code})`)));
  });
  return {
    env: { DBUS_SESSION_BUS_ADDRESS: address },
    stop: () => {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    },
  };
}
