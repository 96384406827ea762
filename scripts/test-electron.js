// Runs the Playwright _electron tests of the real shell, where an Electron binary exists.
// Where none can be had (no network to fetch it), says so in one line and exits 0 WITHOUT
// running or reporting any test as passed.
import { spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.js';

const binary = electronBinary({ root: process.cwd() });

if (!binary) {
  console.log(
    'test:electron: SKIPPED, no test was run: no Electron binary on this machine ' +
      '(node_modules/electron/dist is missing; on a networked machine run `npx install-electron`).',
  );
  process.exit(0);
}

// npm and npx are .cmd files on Windows, which spawnSync only finds through a shell.
const shell = process.platform === 'win32';
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.electron.config.ts'], {
  stdio: 'inherit',
  shell,
  env: { ...process.env, ELECTRON_BINARY: binary },
});
process.exit(run.status ?? 1);
