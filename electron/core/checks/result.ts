// Small constructors for check results, and the mapping from a cloud failure to `unknown` or
// `manual`: a check that could not look says why, it never guesses.
import type { CheckFix, CheckId, CheckResult, EvidenceValue } from '../../contract/types/checks';
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
 * The safety rule of the checklist: a change may go ahead when no check fails. A warning, a
 * check that could not be made (`unknown`) or one left to the engineer (`manual`) is shown with
 * what to look at, but does not block: the engineer decides.
 */
export function isReady(checks: readonly Pick<CheckResult, 'status'>[]): boolean {
  return checks.every((c) => c.status !== 'fail');
}
