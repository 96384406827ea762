// A ProvisionService over the simulator's demo accounts with a fast simulated clock, for
// integration tests of new clusters (the core wires the same parts for the app).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Simulator } from '../../simulator';
import type { CreationView } from '../../electron/contract';
import { AuditLog } from '../../electron/core/audit';
import { AuditRecorder } from '../../electron/core/audit/recorder';
import { CloudLimits } from '../../electron/core/cloud/session';
import { createContext } from '../../electron/core/context';
import type { CoreContext } from '../../electron/core/context';
import { EventHub } from '../../electron/core/events';
import { ProvisionService } from '../../electron/core/provision/service';
import { scaledClock } from '../../electron/core/util/clock';
import { simDirectory } from './sim-directory';

export interface ProvisionHarness {
  ctx: CoreContext;
  provision: ProvisionService;
  audit: AuditLog;
  progress: CreationView[];
  dataDir: string;
  dispose(): Promise<void>;
}

export function provisionHarness(
  sim: Simulator,
  options: { timeScale: number; dataDir?: string },
): ProvisionHarness {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'ack-sg-create-'));
  const cleanups: (() => Promise<void> | void)[] = [];
  const ctx: CoreContext = createContext({
    dataDir,
    version: 'test',
    platform: process.platform,
    arch: process.arch,
    events: new EventHub(),
    cloudLimits: new CloudLimits(),
    env: {},
    now: Date.now,
    onDispose: (c) => void cleanups.push(c),
  });
  const progress: CreationView[] = [];
  ctx.events.on('creation.progress', (view) => progress.push(view));
  const audit = new AuditLog(dataDir);
  const provision = new ProvisionService(ctx, {
    directory: simDirectory(sim),
    audit: new AuditRecorder(ctx, audit, async () => null),
    clockFor: () => scaledClock(options.timeScale, () => sim.control.now()),
  });
  return {
    ctx,
    provision,
    audit,
    progress,
    dataDir,
    async dispose() {
      await provision.dispose();
      for (const c of cleanups.reverse()) await c();
    },
  };
}
