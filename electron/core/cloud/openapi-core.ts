// @alicloud/openapi-core (the signing client every SDK extends) and @darabonba/typescript (its
// runtime), loaded by the first call that needs them (sdk.ts's loadOnce), as each product's SDK
// is: together ~150 ms of start-up that a command making no cloud call (`clusters list
// --cached`, `audit`, `--help`) paid for nothing. Type-only imports stay static.
import type * as OpenApiModule from '@alicloud/openapi-core';
import type * as DaraModule from '@darabonba/typescript';
import { loadOnce, sdkClient } from './sdk';

export interface OpenApiCore {
  /** The generic client class (callApi), the base of every product SDK's client. */
  OpenApi: typeof OpenApiModule.default;
  $OpenApiUtil: typeof OpenApiModule.$OpenApiUtil;
  $dara: typeof DaraModule;
}

let loaded: OpenApiCore | undefined;
const load = loadOnce(async () => {
  const [openApi, dara] = await Promise.all([
    import('@alicloud/openapi-core'),
    import('@darabonba/typescript'),
  ]);
  loaded = { OpenApi: sdkClient(openApi.default), $OpenApiUtil: openApi.$OpenApiUtil, $dara: dara };
});

export async function openApiCore(): Promise<OpenApiCore> {
  await load();
  return loaded!;
}
