// Cores over a simulated cloud, built the way the app builds them (createCore), with an in-memory
// keychain and every cloud call recorded.
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accountsOf } from '../electron/core/accounts';
import { createCore } from '../electron/core/service';
import type { Core, CoreOptions } from '../electron/core/service';
import { fleetAccessKey } from '../simulator/src/fixtures/generate';
import { CallRecorder, MemorySecretStore } from './support';

export interface BenchCore {
  core: Core;
  recorder: CallRecorder;
  /** The data folder and keychain this core uses. */
  ws: Workspace;
}

/** What several cores over the same data folder share: the folder and the keychain. */
export interface Workspace {
  dataDir: string;
  secrets: MemorySecretStore;
}

export function workspace(prefix: string): Workspace {
  return {
    dataDir: mkdtempSync(path.join(os.tmpdir(), `ack-sg-bench-${prefix}-`)),
    secrets: new MemorySecretStore(),
  };
}

export function benchCore(
  ws: Workspace,
  options: Pick<CoreOptions, 'cloudLimits' | 'clockFor'> = {},
): BenchCore {
  const recorder = new CallRecorder();
  const core = createCore({
    dataDir: ws.dataDir,
    version: '0.1.0-bench',
    // No ACK_SG_ENDPOINT from the outside: each account names the simulator.
    env: {},
    ...options,
    accounts: { secretStore: ws.secrets, session: { onCall: recorder.on } },
  });
  recorder.limits = core.context.cloudLimits;
  return { core, recorder, ws };
}

/**
 * The same accounts (file and keychain) in a new data folder without a snapshot, so a refresh
 * of some accounts is not merged with what an earlier run saw of the others.
 */
export function freshFolder(ws: Workspace): Workspace {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-bench-run-'));
  const accounts = path.join(ws.dataDir, 'accounts.json');
  if (existsSync(accounts)) copyFileSync(accounts, path.join(dataDir, 'accounts.json'));
  return { dataDir, secrets: ws.secrets };
}

/** Adds the generated fleet's accounts (root AccessKeys) to a core; each add is verified live. */
export async function addFleetAccounts(core: Core, count: number, endpoint: string) {
  const accounts = accountsOf(core.context);
  const added = [];
  for (let i = 0; i < count; i++) {
    const key = fleetAccessKey(i);
    added.push(
      await accounts.add({
        kind: 'access-key',
        name: `fleet-${String(i).padStart(3, '0')}`,
        accessKeyId: key.id,
        accessKeySecret: key.secret,
        network: { endpoint },
      }),
    );
  }
  return added;
}

/** The generator's key of a region (index 0 is Enabled and already used by encrypted clusters). */
export function regionKeyOf(clusterId: string, index = 0): string {
  // Cluster ids are c<account:4><region:4><cluster:6>f…; key ids key-fleet<account:4><region:3><k:4>.
  const account = clusterId.slice(1, 5);
  const region = clusterId.slice(6, 9);
  return `key-fleet${account}${region}${String(index).padStart(4, '0')}`;
}
