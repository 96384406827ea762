import { EXIT } from '../exit-codes';
import type { CommandSpec } from './types';

export const infoCommand: CommandSpec = {
  name: 'info',
  async run(ctx) {
    const info = await ctx.core.api['app.info']({});
    if (ctx.json) ctx.printJson(info);
    else
      ctx.print(
        [
          `${info.name} ${info.version} (${info.platform}/${info.arch})`,
          `${ctx.t.fleetText.dataFolder} ${info.dataDir}`,
          `${ctx.t.fleetText.secretStore} ${info.secretStore}`,
        ].join('\n'),
      );
    return EXIT.ok;
  },
};
