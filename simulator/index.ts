// Public entry of the simulator: start it, drive it, and build fixtures. Imported only by tests,
// bench and the app's demo wiring; it never imports from electron/ or renderer/.
import { Control } from './src/control';
import type { Fixture, FixtureInput } from './src/fixtures/schema';
import { startServer } from './src/http/server';
import type { PageCaps } from './src/paging';

export { Control, type KeyState, type WorldSummary } from './src/control';
export { FaultKinds, type FaultKind, type FaultRule, type ActiveFault } from './src/faults';
export {
  FixtureSchema,
  type Fixture,
  type FixtureInput,
  type ClusterState,
} from './src/fixtures/schema';
export { FixtureError, parseFixture } from './src/fixtures/validate';
export { FIXTURES, loadFixture } from './src/fixtures/load';
export { generateFleet, type FleetOptions } from './src/fixtures/generate';
export { DEMO, demoCredentials } from './src/fixtures/demo';
export {
  evaluateSecurityGroupEgress,
  evaluateNetworkAcl,
  cidrContains,
  cidrOverlaps,
} from './src/egress';
export { CONTROL_PREFIX } from './src/http/server';
export { RESOLUTION_MS, type ServingStats } from './src/serving-stats';
export { DEFAULT_PAGE_CAPS, PAGED_APIS, type PageCaps, type PagedApi } from './src/paging';

export interface StartOptions {
  /** A shipped fixture name ("demo") or a fixture object. Default "demo". */
  fixture?: string | FixtureInput | Fixture;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Simulated seconds per real second. Default 1. */
  timeScale?: number;
  /** Default 127.0.0.1. The control API answers loopback clients whatever the host. */
  host?: string;
  /** One line per request; default none. */
  log?: (line: string) => void;
  /**
   * Page-size caps of the listings: default DEFAULT_PAGE_CAPS (small, so tests page); some
   * changed, or `false` for none. reset() returns to these.
   */
  pageCaps?: Partial<PageCaps> | false;
}

export interface Simulator {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** host:port, what the SDK's Config.endpoint wants (with protocol 'http'). */
  endpoint: string;
  port: number;
  control: Control;
  stop(): Promise<void>;
}

export async function startSimulator(opts: StartOptions = {}): Promise<Simulator> {
  const control = new Control(opts.fixture ?? 'demo', opts.timeScale ?? 1, opts.pageCaps ?? {});
  const server = await startServer({
    port: opts.port ?? 0,
    host: opts.host ?? '127.0.0.1',
    control,
    log: opts.log,
  });
  return {
    url: server.url,
    endpoint: server.url.replace(/^http:\/\//, ''),
    port: server.port,
    control,
    stop: server.stop,
  };
}
