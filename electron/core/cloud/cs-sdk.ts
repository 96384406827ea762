// The Container Service SDK (@alicloud/cs20151215) and its client class, loaded by the first
// call that needs them (sdk.ts), for cs.ts, cs-encryption.ts and cs-create.ts.
import type * as CsModule from '@alicloud/cs20151215';
import { loadOnce, sdkClient } from './sdk';

let $Cs: typeof CsModule;
let Cs: typeof CsModule.default;
const load = loadOnce(async () => {
  $Cs = await import('@alicloud/cs20151215');
  Cs = sdkClient($Cs.default);
});

export async function csSdk(): Promise<{ $Cs: typeof CsModule; Cs: typeof CsModule.default }> {
  await load();
  return { $Cs, Cs };
}
