// Where the app keeps its files. The CLI must find the same folder as the desktop app, which is
// Electron's `userData`: <appData>/<productName>. We compute it the way Electron does so that the
// core never needs to import Electron.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatMessage, message } from '../contract/messages';
import type { Message } from '../contract/messages';

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

export interface DataDirProblem {
  /** refuse: another user owns the folder; warn: others may write into it. */
  severity: 'refuse' | 'warn';
  /** English (the CLI's stderr in English, logs); `msg` for the user's language. */
  message: string;
  msg: Message;
}

const problem = (severity: DataDirProblem['severity'], msg: Message): DataDirProblem => ({
  severity,
  message: formatMessage(msg, 'en'),
  msg,
});

/**
 * Is the data folder ours alone? It holds the journal, the audit log and the account list: a
 * folder owned by another user (who could read or replace them) is refused; one that the group
 * or everyone may write into (who could plant files or symlinks) is warned about. A folder that
 * does not exist yet is fine: it is created owner-only (0700). POSIX only: Windows keeps the
 * folder under the user's own profile with its ACLs.
 */
export function dataDirProblem(
  dir: string,
  platform: NodeJS.Platform = process.platform,
  uid: number | undefined = process.getuid?.(),
): DataDirProblem | null {
  if (platform === 'win32' || uid === undefined) return null;
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    return null;
  }
  if (!st.isDirectory())
    return problem('refuse', message('notice.dataDir.notFolder', { dir, env: DATA_DIR_ENV }));
  // root may use any folder (it can read them all anyway).
  if (st.uid !== uid && uid !== 0)
    return problem(
      'refuse',
      message('notice.dataDir.otherOwner', { dir, uid: st.uid, env: DATA_DIR_ENV }),
    );
  if ((st.mode & 0o022) !== 0)
    return problem(
      'warn',
      message('notice.dataDir.writable', { dir, mode: (st.mode & 0o777).toString(8) }),
    );
  return null;
}
