// The app slice of the contract: what this app is, and the notices a window opened later must
// still see (those of the start among them: the data folder, an unreadable settings file).
import type { AppNotice, CoreApi, DemoCloudSummary, Message } from '../../contract';
import type { CoreContext } from '../context';
import { dataDirProblem } from '../paths';
import { readAppInfo } from './info';

const KEPT_NOTICES = 20;

export interface AppService {
  /** The latest notices, oldest first (app.info hands them to a window that opens later). */
  notices(): AppNotice[];
}

export interface AppDeps {
  /** app.info's `demo`: a demo account is saved. */
  isDemo: () => boolean;
  /** app.info's `demoCloud`: what the demo's simulated cloud holds (the welcome page says it). */
  demoCloud: () => Promise<DemoCloudSummary>;
  /** Why settings.json could not be used at start, if so (the settings room knows). */
  settingsProblem: Message | null;
}

export function createAppApi(
  ctx: CoreContext,
  deps: AppDeps,
): { api: Pick<CoreApi, 'app.info'>; service: AppService } {
  // Notices are events; a window that opens later must still see them, so the latest are kept.
  const kept: AppNotice[] = [];
  ctx.events.on('app.notice', (notice) => {
    kept.push(notice);
    if (kept.length > KEPT_NOTICES) kept.shift();
  });
  const service: AppService = { notices: () => [...kept] };

  // A data folder others may write into, or that another user owns: every start says so (the
  // CLI refuses the latter before it gets here; the window shows this notice).
  const folderProblem = dataDirProblem(ctx.dataDir);
  if (folderProblem) {
    ctx.notice(folderProblem.severity === 'refuse' ? 'error' : 'warning', folderProblem.msg);
  }
  if (deps.settingsProblem) ctx.notice('warning', deps.settingsProblem);
  return {
    api: {
      'app.info': () =>
        readAppInfo({
          version: ctx.version,
          dataDir: ctx.dataDir,
          platform: ctx.platform,
          arch: ctx.arch,
          isDemo: deps.isDemo,
          demoCloud: deps.demoCloud,
          notices: service.notices,
        }),
    },
    service,
  };
}
