// keys.list through the composed core on the demo cloud: each key says whether it is recommended
// (contract/key-recommendation.ts), counting the clusters of the fleet snapshot that use it, and
// the list names the one key to preselect only when exactly one is recommended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/service';
import { DEMO } from '../../../simulator';
import { makeCore } from '../accounts/helpers';
import { MemorySecretStore, tempDir } from '../../unit/accounts/fakes';

let core: Core;
let retail: string;

beforeAll(async () => {
  core = makeCore({
    dataDir: tempDir('ack-sg-keyrec-'),
    accounts: { secretStore: new MemorySecretStore() },
  });
  // demo.start adds demo-retail's root AccessKey among its accounts.
  const { accounts } = await core.api['demo.start']({});
  retail = accounts.find((a) => a.identity?.accountId === DEMO.accounts.retail.id)!.id;
  await core.api['fleet.refresh']({});
});
afterAll(() => core.dispose());

describe('keys.list recommends', () => {
  it('the keys this account already uses here; with two of them, none is preselected', async () => {
    const list = await core.api['keys.list']({ accountId: retail, regionId: 'cn-hangzhou' });
    const why = Object.fromEntries(list.keys.map((k) => [k.keyId, k.recommendation]));
    expect(why[DEMO.keys.protectedInUse]).toBe('used-here');
    expect(why[DEMO.keys.cooldownInUse]).toBe('used-here');
    expect(why[DEMO.keys.valid]).toBe('protection-off');
    expect(why[DEMO.keys.rotation]).toBe('ineligible');
    // In use, but pending deletion: never recommended.
    expect(why[DEMO.keys.pendingDeletion]).toBe('ineligible');
    expect(list.recommendedKeyId).toBeNull();
  });

  it('an unused key once deletion protection is on, and preselects it when it is the only one', async () => {
    const before = await core.api['keys.list']({ accountId: retail, regionId: 'cn-shanghai' });
    expect(before.keys.find((k) => k.keyId === DEMO.keys.otherRegion)?.recommendation).toBe(
      'protection-off',
    );
    expect(before.recommendedKeyId).toBeNull();
    await core.api['fixes.enableDeletionProtection']({
      accountId: retail,
      regionId: 'cn-shanghai',
      keyId: DEMO.keys.otherRegion,
    });
    const after = await core.api['keys.list']({ accountId: retail, regionId: 'cn-shanghai' });
    expect(after.keys.find((k) => k.keyId === DEMO.keys.otherRegion)?.recommendation).toBe(
      'protected-unused',
    );
    expect(after.recommendedKeyId).toBe(DEMO.keys.otherRegion);
  });
});
