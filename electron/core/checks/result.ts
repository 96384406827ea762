// Small constructors for check results, and the mapping from a cloud failure to `unknown` or
// `manual`: a check that could not look says why, it never guesses.
import type {
  ChangeAction,
  CheckFix,
  CheckId,
  CheckResult,
  EvidenceValue,
} from '../../contract/types/checks';
import { CloudError } from '../cloud/errors';
import { messageOf } from '../../contract';

type Evidence = Record<string, EvidenceValue>;

export const pass = (id: CheckId, summary: string, evidence: Evidence = {}): CheckResult => ({
  id,
  status: 'pass',
  summary,
  evidence,
  fix: null,
});

export const fail = (
  id: CheckId,
  summary: string,
  evidence: Evidence,
  fix: CheckFix,
): CheckResult => ({
  id,
  status: 'fail',
  summary,
  evidence,
  fix,
});

export const warn = (
  id: CheckId,
  summary: string,
  evidence: Evidence,
  fix?: CheckFix,
): CheckResult => ({
  id,
  status: 'warn',
  summary,
  evidence,
  fix: fix ?? null,
});

/** The check could not be made: a permission gap becomes `unknown` with what to do instead. */
export function couldNotCheck(
  id: CheckId,
  what: string,
  error: unknown,
  manual?: CheckFix,
): CheckResult {
  const cloud = error instanceof CloudError ? error : null;
  const evidence: Evidence = {
    errorCode: cloud?.cloud.cloudCode ?? (error instanceof Error ? error.name : 'error'),
    requestId: cloud?.cloud.requestId ?? null,
    message: messageOf(error),
  };
  if (cloud?.kind === 'permission') {
    return {
      id,
      status: manual ? 'manual' : 'unknown',
      summary: `Could not check ${what}: the caller may not read it (${cloud.cloud.cloudCode ?? 'permission denied'}).`,
      evidence,
      fix: manual ?? null,
    };
  }
  if (cloud?.kind === 'unavailable' || cloud?.kind === 'badAnswer') {
    // Its own sentence says what is wrong and what to do (cloud/endpoints.ts, cloud/paging.ts).
    return {
      id,
      status: 'unknown',
      summary: `Could not check ${what}: ${cloud.message}`,
      evidence,
      fix: null,
    };
  }
  return {
    id,
    status: 'unknown',
    summary: `Could not check ${what}: ${cloud ? `${cloud.kind} error` : 'unexpected error'}. Try again.`,
    evidence,
    fix: manual ?? null,
  };
}

/**
 * The checks a change must be able to confirm, per action: the ones whose failure loses data or
 * cannot be undone. Enabling with a key that does not exist or is not Enabled, or changing a
 * cluster that is not running, can leave the cluster unable to read its Secrets; disabling with a
 * key that is not Enabled strands the cluster mid-change (ACK decrypts every Secret with it).
 * An `unknown` or `manual` here blocks: "could not confirm" is not "fine".
 */
export const MUST_CONFIRM: Readonly<Record<ChangeAction, readonly CheckId[]>> = {
  enable: ['cluster.state', 'key.exists', 'key.state'],
  disable: ['cluster.state', 'key.state'],
};

export interface Readiness {
  ready: boolean;
  /** MUST_CONFIRM checks that could not be made (unknown, manual, or missing). */
  unconfirmed: CheckId[];
}

/** The check looked and saw (pass, or a warning about what it saw); fail blocks on its own. */
const looked = (status: CheckResult['status']) => status === 'pass' || status === 'warn';

/**
 * The safety rule of the checklist, the one place it is decided (run.ts, batch plans, the CLI's
 * exit code and the window all read its answer). Ready when:
 * - no check fails;
 * - every MUST_CONFIRM check of the action could be made (pass or warn);
 * - at least one check could be made at all (a checklist of nothing but unknown is no checklist).
 * Any other warning, `unknown` or `manual` is shown with what to look at and the engineer
 * decides.
 */
export function readiness(
  action: ChangeAction,
  checks: readonly Pick<CheckResult, 'id' | 'status'>[],
): Readiness {
  const unconfirmed = MUST_CONFIRM[action].filter((id) => {
    const check = checks.find((c) => c.id === id);
    return !check || (check.status !== 'fail' && !looked(check.status));
  });
  const noFail = checks.every((c) => c.status !== 'fail');
  const anyLooked = checks.some((c) => looked(c.status));
  return { ready: noFail && anyLooked && unconfirmed.length === 0, unconfirmed };
}
