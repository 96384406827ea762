// @ts-check
// `npm start`: builds and launches the desktop app (`electron-vite preview`) when there is an
// Electron binary. Where there is none (Electron 45 fetches it on first use, which needs its
// release host), it says so in one line, names what works without it, and exits 1, instead of
// the electron package's download attempt and stack trace.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const NO_ELECTRON_LINE =
  "npm start: the desktop app cannot start here: there is no Electron binary (node_modules/electron/dist is missing; fetch it with `npx install-electron` where Electron's release host is reachable, or set ELECTRON_EXEC_PATH). Without it these still work: the command line (npm run cli -- --help), the tests (npm test) and the window in your browser with the demo account (npm run demo:web).";

const binary = electronBinary({ root });
if (!binary) {
  process.stderr.write(`${NO_ELECTRON_LINE}\n`);
  process.exit(1);
}

// electron-vite's command, found through its package.json (its exports hide the bin file).
const require = createRequire(path.join(root, 'package.json'));
const manifestFile = require.resolve('electron-vite/package.json');
/** @type {{ bin: Record<string, string> }} */
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const cli = path.join(path.dirname(manifestFile), manifest.bin['electron-vite'] ?? '');

const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  // The binary found here is the one electron-vite starts (it reads ELECTRON_EXEC_PATH first).
  env: { ...process.env, ELECTRON_EXEC_PATH: binary },
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
