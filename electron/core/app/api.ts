import type { CoreApi } from '../../contract';
import type { CoreContext } from '../context';
import { readAppInfo } from './info';

export function createAppApi(ctx: CoreContext, isDemo: () => boolean): Pick<CoreApi, 'app.info'> {
  return {
    'app.info': async () =>
      readAppInfo({
        version: ctx.version,
        dataDir: ctx.dataDir,
        platform: ctx.platform,
        arch: ctx.arch,
        isDemo,
      }),
  };
}
