// Two fleet refreshes that overlap (issue 16 item 9: a cluster vanished from the demo's fleet).
// Starting the demo, a refresh of the accounts saved so far can still run when one of all three
// ends; the one ending last merged into the snapshot it had read at its start (none), so the
// rows of the other's accounts were lost: 13 clusters instead of 14, the factory role's gone.
// Core and simulator over HTTP; a latency fault holds the first refresh's one call.
import { afterEach, expect, it } from 'vitest';
import { demoOf } from '../../../electron/core/demo';
import type { Core } from '../../../electron/core/service';
import { DEMO } from '../../../simulator';
import { makeCore } from '../accounts/helpers';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose();
});

it('a refresh that ends last keeps the rows another refresh listed meanwhile', async () => {
  const core = makeCore();
  cores.push(core);
  const { accounts } = await core.api['demo.start']({});
  const retail = accounts.find((a) => a.kind === 'access-key')!;
  demoOf(core.context).sim!.control.addFault({
    kind: 'latency',
    product: 'cs',
    action: 'DescribeClustersV1',
    regionId: 'cn-wuhan-lr',
    ms: 1_500,
    count: 1,
  });
  // The slow one starts first (its only call is held), the full one ends first.
  const slow = core.api['fleet.refresh']({ accountIds: [retail.id], regionIds: ['cn-wuhan-lr'] });
  await new Promise((r) => setTimeout(r, 100));
  await core.api['fleet.refresh']({});
  const full = (await core.api['fleet.snapshot']({}))!;
  expect(full.clusters.map((c) => c.clusterId)).toContain(DEMO.clusters.factoryNoServiceRole);
  await slow;
  const last = (await core.api['fleet.snapshot']({}))!;
  expect(last.clusters.map((c) => c.clusterId).sort()).toEqual(
    full.clusters.map((c) => c.clusterId).sort(),
  );
  expect((await core.api['fleet.snapshot']({}))!.clusters).toHaveLength(full.clusters.length);
});
