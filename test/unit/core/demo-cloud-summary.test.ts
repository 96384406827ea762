// app.info's demoCloud: the demo fixture counted as the window's fleet lists it (Edge Pro only):
// the fixture's Edge Basic cluster and its two ACK (Default) Pro clusters are left out, as the
// fleet leaves them out. The integration test (demo.test.ts) checks it against a real refresh.
import { describe, expect, it } from 'vitest';
import { demoCloudSummary } from '../../../electron/core/demo/fixture-summary';
import { DEMO, loadFixture } from '../../../simulator';

describe('demoCloudSummary', () => {
  it('counts the fixture accounts and the Edge Pro clusters of its regions', async () => {
    const fixture = loadFixture('demo');
    const all = fixture.accounts.flatMap((a) => a.clusters);
    const left = all.filter((c) => c.profile !== 'Edge' || !c.clusterSpec.startsWith('ack.pro.'));
    expect(left.map((c) => c.id).sort()).toEqual(
      [DEMO.clusters.edgeBasic, DEMO.clusters.proDefault, DEMO.clusters.factoryProDefault].sort(),
    );
    expect(await demoCloudSummary()).toEqual({
      accounts: fixture.accounts.length,
      clusters: all.length - left.length,
    });
  });
});
