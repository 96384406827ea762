// @ts-check
// The application id has one home, electron-builder.yml (`appId`): the Windows installer gives
// the Start menu shortcut that AppUserModelId, and the main process must use the same one
// (app.setAppUserModelId) or Windows shows no notifications. The build and the unit tests read
// it from there and put it in as the constant __APP_ID__.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** appId of electron-builder.yml in `root`. */
export function readAppId(root = process.cwd()) {
  const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
  const appId = config?.appId;
  if (typeof appId !== 'string' || !/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(appId)) {
    throw new Error(`electron-builder.yml: appId must be a reverse-DNS id, found ${appId}`);
  }
  return appId;
}
