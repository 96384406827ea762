// Runs the Playwright _electron tests of the real shell, where an Electron binary exists.
// Where none can be had (no network to fetch it), says so in one line and exits 0 WITHOUT
// running or reporting any test as passed.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const electronDir = path.resolve('node_modules', 'electron');
const pathFile = path.join(electronDir, 'path.txt');
const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const binary = override
  ? path.join(override, existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron')
  : existsSync(pathFile)
    ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8'))
    : null;

if (!binary || !existsSync(binary)) {
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
