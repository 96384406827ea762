// @ts-check
// Where the Electron binary of node_modules/electron is, or null when there is none, WITHOUT
// loading the electron package: its index.js starts a download when the binary is missing (and
// throws a stack trace when that fails). Looked up the way the tools that run it do:
// ELECTRON_EXEC_PATH (electron-vite), ELECTRON_OVERRIDE_DIST_PATH (electron's own index.js),
// else node_modules/electron/path.txt naming the file under node_modules/electron/dist/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {{ root: string, env?: NodeJS.ProcessEnv }} options root: the project folder
 * @returns {string | null} an existing file, or null
 */
export function electronBinary({ root, env = process.env }) {
  const electronDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const binary = env.ELECTRON_EXEC_PATH
    ? env.ELECTRON_EXEC_PATH
    : env.ELECTRON_OVERRIDE_DIST_PATH
      ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, named || 'electron')
      : named
        ? path.join(electronDir, 'dist', named)
        : null;
  return binary && existsSync(binary) ? binary : null;
}
