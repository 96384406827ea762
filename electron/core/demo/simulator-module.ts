// The simulator, loaded when the demo first needs it (its fixture, its server), not with the
// core: its modules and the zod schemas they build at load were ~35 ms of every CLI command's
// and the app's start, a demo or not. Type-only imports stay static.
import type * as SimulatorModule from '../../../simulator';
import { loadOnce } from '../cloud/sdk';

let loaded: typeof SimulatorModule | undefined;
const load = loadOnce(async () => {
  loaded = await import('../../../simulator');
});

export async function simulatorModule(): Promise<typeof SimulatorModule> {
  await load();
  return loaded!;
}
