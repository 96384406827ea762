// Where the app keeps its files. The CLI must find the same folder as the desktop app, which is
// Electron's `userData`: <appData>/<productName>. We compute it the way Electron does so that the
// core never needs to import Electron.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'ACK Secret Guard';
export const DATA_DIR_ENV = 'ACK_SG_DATA_DIR';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  }
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

/** An explicit choice wins, then the environment variable, then the desktop app's folder. */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env[DATA_DIR_ENV];
  return path.resolve(chosen && chosen.trim() !== '' ? chosen : defaultDataDir(env));
}
