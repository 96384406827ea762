// The proof for a new cluster, the source document's way: encrypt and decrypt events of the
// AliyunCSManagedSecurityRole service role with the cluster's key, after it became running. The
// record filters are the change proof's own (verify/evidence.ts, verify/verify.ts).
import { messageOf } from '../../contract/message-of';
import type { CreationProof } from '../../contract/types/provision';
import { lookupAllEvents } from '../cloud/actiontrail';
import type { TrailEvent } from '../cloud/actiontrail';
import { isOffered } from '../cloud/endpoints';
import { CloudError } from '../cloud/errors';
import type { CloudSession } from '../cloud/session';
import { ENABLE_EVIDENCE_DEADLINE_MS } from '../verify/decide';
import { clusterEvents, countsForKey, eventMs, isServiceRoleEvent } from '../verify/evidence';
import { MAX_PAGES, isOtherClustersCall } from '../verify/verify';

/** Look again this long after a pending proof (ActionTrail shows events up to 10 minutes late). */
export const PROOF_RECHECK_MS = 60_000;
const CLOCK_SKEW_MS = 2 * 60_000;

export interface CreationProofInput {
  clusterId: string;
  regionId: string;
  keyId: string;
  /** When the cluster was seen running, in the cloud's clock. */
  runningAt: Date;
  /** Now, in the cloud's clock. */
  now: Date;
}

export async function proveCreation(
  session: CloudSession,
  input: CreationProofInput,
): Promise<CreationProof> {
  const checkedAt = input.now.toISOString();
  const empty = { createEventId: null, encrypt: 0, decrypt: 0, failed: 0, checkedAt };
  if (!isOffered('actiontrail', input.regionId)) {
    return {
      ...empty,
      status: 'unavailable',
      summary: `ActionTrail has no endpoint in ${input.regionId}, so the proof cannot be read there; meta_data shows the key.`,
      nextCheckAfter: null,
    };
  }
  const start = new Date(input.runningAt.getTime() - CLOCK_SKEW_MS);
  try {
    const created = await lookupAllEvents(
      session,
      {
        regionId: input.regionId,
        startTime: new Date(start.getTime() - 24 * 3600_000),
        endTime: input.now,
        attributes: [
          { key: 'EventName', value: 'CreateCluster' },
          { key: 'ResourceName', value: input.clusterId },
        ],
      },
      2,
    );
    const createEvent = created.events.find((e) => e.eventName === 'CreateCluster') ?? null;
    let role: TrailEvent[] = [];
    for (const eventName of ['Encrypt', 'Decrypt']) {
      const found = await lookupAllEvents(
        session,
        {
          regionId: input.regionId,
          startTime: start,
          endTime: input.now,
          attributes: [
            { key: 'ServiceName', value: 'Kms' },
            { key: 'EventName', value: eventName },
          ],
        },
        MAX_PAGES,
      );
      role.push(
        ...found.events.filter(
          (e) =>
            e.eventName === eventName &&
            isServiceRoleEvent(e) &&
            countsForKey(e, input.keyId) &&
            !isOtherClustersCall(e, input.clusterId) &&
            eventMs(e) >= start.getTime(),
        ),
      );
    }
    role = clusterEvents([...new Map(role.map((e) => [e.eventId, e])).values()], input.clusterId);
    const counts = {
      createEventId: createEvent?.eventId ?? null,
      encrypt: role.filter((e) => e.eventName === 'Encrypt').length,
      decrypt: role.filter((e) => e.eventName === 'Decrypt').length,
      failed: role.filter((e) => e.errorCode).length,
      checkedAt,
    };
    const ok = role.filter((e) => !e.errorCode).length;
    if (ok > 0) {
      return {
        ...counts,
        status: 'verified',
        summary: `ActionTrail shows ${counts.encrypt} Encrypt and ${counts.decrypt} Decrypt calls by AliyunCSManagedSecurityRole with key ${input.keyId} since the cluster became running.`,
        nextCheckAfter: null,
      };
    }
    const waited = input.now.getTime() - input.runningAt.getTime();
    if (waited < ENABLE_EVIDENCE_DEADLINE_MS) {
      return {
        ...counts,
        status: 'pending',
        summary:
          'No service-role KMS calls with the key yet; ActionTrail shows events up to 10 minutes late.',
        nextCheckAfter: new Date(input.now.getTime() + PROOF_RECHECK_MS).toISOString(),
      };
    }
    return {
      ...counts,
      status: 'not-verified',
      summary:
        counts.failed > 0
          ? `The service role's KMS calls with key ${input.keyId} failed (${counts.failed}); check the key is Enabled.`
          : `No KMS call by AliyunCSManagedSecurityRole with key ${input.keyId} in the ${Math.round(waited / 60_000)} minutes since the cluster became running.`,
      nextCheckAfter: null,
    };
  } catch (error) {
    const cloud = error instanceof CloudError ? error : null;
    return {
      ...empty,
      status: 'unavailable',
      summary: `ActionTrail could not be read (${cloud?.cloud.cloudCode ?? cloud?.kind ?? 'error'}): ${messageOf(error)}`,
      nextCheckAfter: null,
    };
  }
}
