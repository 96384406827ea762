// The one CoreContext for tests: a fresh data folder (or the one given, to build a second core on
// the same folder as a restart does), a real event hub and cloud limits, real time. What the
// context was asked to clean up runs, newest first, in dispose().
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CloudLimits } from '../../electron/core/cloud/session';
import { createContext } from '../../electron/core/context';
import type { CoreContext } from '../../electron/core/context';
import { EventHub } from '../../electron/core/events';

export interface TestContext {
  ctx: CoreContext;
  dataDir: string;
  /** Runs the context's clean-ups (newest first). */
  dispose(): Promise<void>;
}

export function testContext(
  options: { dataDir?: string; prefix?: string; events?: EventHub } = {},
): TestContext {
  const dataDir =
    options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), `ack-sg-${options.prefix ?? 'test'}-`));
  const cleanups: (() => Promise<void> | void)[] = [];
  const ctx = createContext({
    dataDir,
    version: 'test',
    platform: process.platform,
    arch: process.arch,
    events: options.events ?? new EventHub(),
    cloudLimits: new CloudLimits(),
    env: {},
    now: Date.now,
    onDispose: (c) => void cleanups.push(c),
  });
  return {
    ctx,
    dataDir,
    async dispose() {
      for (const c of cleanups.reverse()) await c();
    },
  };
}
