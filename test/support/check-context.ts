// A CheckContext over a given session, for tests that run one check (or its reads) without a
// whole checklist: the cluster, key and action are placeholders unless the test names them.
import { BatchCache, CheckContext } from '../../electron/core/checks/context';
import type { CheckInput } from '../../electron/core/checks/context';
import type { CloudSession } from '../../electron/core/cloud/session';

export function checkContextFor(
  session: CloudSession,
  regionId: string,
  input: Partial<CheckInput> = {},
  batch: BatchCache = new BatchCache(),
): CheckContext {
  return new CheckContext(
    {
      session,
      accountId: 'test-account',
      clusterId: 'c-test',
      regionId,
      action: 'enable',
      keyId: null,
      now: Date.now(),
      ...input,
    },
    batch,
  );
}
