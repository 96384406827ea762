// The cross-process lock on preparing a change of one cluster. OperationsService holds it from
// the journal's conflict check until the intent is written, so that the app and the CLI (or two
// CLIs) cannot both pass the check while the other is still running the checklist and both ask
// the cloud for the same change. The loser is refused at once: it does not wait for a checklist
// that may take seconds and would then find the change already started.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { GuardError, message } from '../../contract';
import { acquireLock, describeHolder } from '../util/lock';
import type { HeldLock } from '../util/lock';

export const LOCKS_DIR = 'locks';
/** The holder refreshes its sign of life this often... */
const HEARTBEAT_MS = 5_000;
/** ...and a lock silent for this long is taken over (a holder on another host that died). */
const STALE_MS = 60_000;

/** A file name for any cluster id: readable when it is safe, hashed when it is not. */
function fileName(clusterId: string): string {
  if (/^[A-Za-z0-9_-]{1,100}$/.test(clusterId)) return `cluster-${clusterId}.lock`;
  return `cluster-${createHash('sha256').update(clusterId).digest('hex').slice(0, 32)}.lock`;
}

export function changeLockFile(dataDir: string, clusterId: string): string {
  return path.join(dataDir, LOCKS_DIR, fileName(clusterId));
}

/** Takes the cluster's change lock, or throws a conflict error at once. */
export function lockClusterChange(
  dataDir: string,
  clusterId: string,
  clusterName: string,
): Promise<HeldLock> {
  return acquireLock(changeLockFile(dataDir, clusterId), {
    timeoutMs: 0,
    staleMs: STALE_MS,
    heartbeatMs: HEARTBEAT_MS,
    busy: (holder) =>
      new GuardError(
        'conflict',
        message('error.change.beingPrepared', {
          name: clusterName,
          holder: describeHolder(holder),
        }),
        { clusterId },
      ),
  });
}
