// The pieces every preflight check is made of: its input (what the cloud said about the region),
// an item with evidence and a fix, and the wording of a check the cloud would not answer.
import type { CheckResult } from '../../contract/types/checks';
import type { ClusterSpec, PreflightCheck, PreflightId } from '../../contract/types/provision';
import { formatMessage } from '../../contract';
import type { Message } from '../../contract';
import { couldNotCheck, fixOf } from '../checks/result';
import type { FixSpec } from '../checks/result';
import type { KubernetesVersion } from '../cloud/cs-create';
import type { CloudSession } from '../cloud/session';
import type { VSwitchInfo, VpcInfo } from '../cloud/vpc';

export interface PreflightInput {
  session: CloudSession;
  accountId: string;
  spec: ClusterSpec;
  now: number;
  /** What the cloud said about the network and versions (or the error it gave). */
  vpcs: VpcInfo[] | Error;
  vswitches: VSwitchInfo[] | Error;
  versions: KubernetesVersion[] | Error;
}

export type Evidence = PreflightCheck['evidence'];
/** An item worded like a checklist result: its summary and fix as messages, English beside. */
export const item = (
  id: PreflightId,
  status: PreflightCheck['status'],
  msg: Message,
  evidence: Evidence = {},
  fix: FixSpec | null = null,
): PreflightCheck => ({
  id,
  status,
  summary: formatMessage(msg, 'en'),
  message: msg,
  evidence,
  fix: fix ? fixOf(fix) : null,
});

/** A checklist result whose id is also a preflight id. */
export const asPreflight = (r: CheckResult): PreflightCheck => ({ ...r, id: r.id as PreflightId });

/** The cloud would not answer: `unknown` (or `manual` for a permission gap), never a guess. */
export function cloudFailure(
  id: PreflightId,
  what: string,
  error: unknown,
  manual?: FixSpec,
): PreflightCheck {
  // couldNotCheck words the result; its id is replaced with the preflight's own.
  return { ...couldNotCheck('key.exists', what, error, manual), id };
}
