import type { AppNotice, CoreApi } from '../../contract';
import type { CoreContext } from '../context';
import { readAppInfo } from './info';

const KEPT_NOTICES = 20;

export function createAppApi(ctx: CoreContext, isDemo: () => boolean): Pick<CoreApi, 'app.info'> {
  // Notices are events; a window that opens later must still see them, so the latest are kept.
  const notices: AppNotice[] = [];
  ctx.events.on('app.notice', (notice) => {
    notices.push(notice);
    if (notices.length > KEPT_NOTICES) notices.shift();
  });
  return {
    'app.info': async () =>
      readAppInfo({
        version: ctx.version,
        dataDir: ctx.dataDir,
        platform: ctx.platform,
        arch: ctx.arch,
        isDemo,
        notices: () => [...notices],
      }),
  };
}
