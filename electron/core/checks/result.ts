// Small constructors for check results, and the mapping from a cloud failure to `unknown` or
// `manual`: a check that could not look says why, it never guesses. Every result carries its
// summary and fix as messages (either language); the English text beside them is derived here.
import type {
  ChangeAction,
  CheckFix,
  CheckId,
  CheckResult,
  CheckStatus,
  EvidenceValue,
  FixAction,
} from '../../contract/types/checks';
import { CloudError } from '../cloud/errors';
import { formatMessage, message, messageOf } from '../../contract';
import type { Message } from '../../contract';

type Evidence = Record<string, EvidenceValue>;

/** A fix as the checks write it: one message or several sentences, and where or how to act. */
export interface FixSpec {
  message: Message | Message[];
  consoleUrl?: string;
  action?: FixAction;
  /** The part worth copying: a rule, a command, a policy name, a key id. */
  copy?: string;
}

/** A fix in its wire form; one already in that form (the create preflight's) passes as it is. */
export function fixOf(spec: FixSpec | CheckFix): CheckFix {
  if (!('message' in spec)) return spec;
  const messages = Array.isArray(spec.message) ? spec.message : [spec.message];
  return {
    hint: messages.map((m) => formatMessage(m, 'en')).join(' '),
    messages,
    ...(spec.consoleUrl ? { consoleUrl: spec.consoleUrl } : {}),
    ...(spec.action ? { action: spec.action } : {}),
    ...(spec.copy ? { copy: spec.copy } : {}),
  };
}

export function result(
  id: CheckId,
  status: CheckStatus,
  msg: Message,
  evidence: Evidence,
  fix: FixSpec | CheckFix | null,
): CheckResult {
  return {
    id,
    status,
    summary: formatMessage(msg, 'en'),
    message: msg,
    evidence,
    fix: fix ? fixOf(fix) : null,
  };
}

export const pass = (id: CheckId, msg: Message, evidence: Evidence = {}): CheckResult =>
  result(id, 'pass', msg, evidence, null);

export const fail = (id: CheckId, msg: Message, evidence: Evidence, fix: FixSpec): CheckResult =>
  result(id, 'fail', msg, evidence, fix);

export const warn = (id: CheckId, msg: Message, evidence: Evidence, fix?: FixSpec): CheckResult =>
  result(id, 'warn', msg, evidence, fix ?? null);

/** The check could not be made: a permission gap becomes `unknown` with what to do instead. */
export function couldNotCheck(
  id: CheckId,
  what: string,
  error: unknown,
  manual?: FixSpec | CheckFix,
): CheckResult {
  const cloud = error instanceof CloudError ? error : null;
  const evidence: Evidence = {
    errorCode: cloud?.cloud.cloudCode ?? (error instanceof Error ? error.name : 'error'),
    requestId: cloud?.cloud.requestId ?? null,
    message: messageOf(error),
  };
  if (cloud?.kind === 'permission') {
    return result(
      id,
      manual ? 'manual' : 'unknown',
      message('check.notChecked.permission', {
        what,
        code: cloud.cloud.cloudCode ?? 'permission denied',
      }),
      evidence,
      manual ?? null,
    );
  }
  if (cloud?.kind === 'unavailable' || cloud?.kind === 'badAnswer') {
    // Its own sentence says what is wrong and what to do (cloud/endpoints.ts, cloud/paging.ts).
    return result(
      id,
      'unknown',
      message('check.notChecked.unavailable', { what, detail: cloud.message }),
      evidence,
      null,
    );
  }
  return result(
    id,
    'unknown',
    message('check.notChecked.error', {
      what,
      kind: cloud ? `${cloud.kind} error` : 'unexpected error',
    }),
    evidence,
    manual ?? null,
  );
}

/**
 * A key setting that cannot be looked at because the key itself is missing: one line, pointing
 * at key.exists (which says what to do), instead of the same cloud error on every key check.
 */
export function keyNotChecked(id: CheckId, keyId: string | null, regionId: string): CheckResult {
  return result(
    id,
    'unknown',
    keyId
      ? message('check.notChecked.keyMissing', { key: keyId, region: regionId })
      : message('check.notChecked.noKey'),
    { keyId, notCheckedBecause: 'key.exists' },
    null,
  );
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
