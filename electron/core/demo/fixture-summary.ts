// What the demo's simulated cloud holds, counted as the fleet will list it, for the welcome page
// ("three accounts and 14 Edge Pro clusters"). Derived from the fixture the simulator loads and
// the fleet's own rules (checks/edition.ts, the profiles the window asks for), never a constant:
// the fixture also has an Edge Basic cluster and two ACK (Default) Pro clusters, which the
// window's fleet does not list (it lists Edge Pro; ACK Pro only on request, CLI --include-ack-pro).
import type { DemoCloudSummary } from '../../contract';
import { simulatorModule } from './simulator-module';
import { editionOf, supportsSecretEncryption } from '../checks/edition';
import { fleetProfiles } from '../fleet/classify';

let cached: DemoCloudSummary | null = null;

export async function demoCloudSummary(): Promise<DemoCloudSummary> {
  if (cached) return cached;
  const fixture = (await simulatorModule()).loadFixture('demo');
  const regions = new Set(fixture.regions.map((r) => r.regionId));
  const profiles: readonly string[] = fleetProfiles(false);
  const listed = fixture.accounts
    .flatMap((a) => a.clusters)
    .filter(
      (c) =>
        regions.has(c.regionId) &&
        profiles.includes(c.profile) &&
        supportsSecretEncryption(editionOf(c.clusterType, c.profile, c.clusterSpec)),
    );
  cached = { accounts: fixture.accounts.length, clusters: listed.length };
  return cached;
}
