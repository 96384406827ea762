// The precondition checklist shown before every change.
import type { Message } from '../messages';

export const CHECK_IDS = [
  'cluster.edition',
  'cluster.state',
  'cluster.cooldown',
  'cluster.encryption',
  'key.exists',
  'key.region',
  'key.spec',
  'key.usage',
  'key.state',
  'key.rotation',
  'key.creator',
  'key.deletionProtection',
  'role.csManagedSecurity',
  'caller.kmsCryptoAdmin',
  'caller.clusterRbac',
  'network.kmsEgress',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'unknown' | 'manual';
export type ChangeAction = 'enable' | 'disable';

/** An in-app fix the user can take (with confirmation), when the app can do it. */
export type FixAction =
  'authorize-service-role' | 'enable-deletion-protection' | 'enable-key' | 'cancel-key-deletion';

export interface CheckFix {
  /** What to do, in English (logs, `--json`): `messages` in English, joined. */
  hint: string;
  /** What to do, as messages for either language (one sentence each). */
  messages?: Message[];
  /** The part worth copying (a rule, a command, a policy name, a key id), language-neutral. */
  copy?: string;
  /** Where to do it by hand (an https URL on an Alibaba Cloud console or doc host). */
  consoleUrl?: string;
  action?: FixAction;
}

export type EvidenceValue = string | number | boolean | null;

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  /** One English sentence for logs and `--json`: `message` in English. */
  summary: string;
  /** The specific summary as a message, for the window and the CLI in either language. */
  message?: Message;
  /** What was observed: field values and the request ids of the calls that saw them. */
  evidence: Record<string, EvidenceValue>;
  /** How to fix it; null when there is nothing to do (always present: `check --json` promises it). */
  fix: CheckFix | null;
}

export interface Checklist {
  clusterId: string;
  accountId: string;
  regionId: string;
  action: ChangeAction;
  /** The key's id (an alias or ARN in the request is resolved to it in the cluster's region). */
  keyId: string | null;
  /** How the request named the key, when not by its id: an alias (alias/…) or a key ARN. */
  keyRef?: string;
  /**
   * True when no check fails, the checks whose failure loses data or cannot be undone could be
   * made (see `unconfirmed`), and something could be checked at all (core/checks/result.ts).
   */
  ready: boolean;
  /** The must-confirm checks that could not be made: "could not confirm …" blocks the change. */
  unconfirmed: CheckId[];
  checkedAt: string;
  checks: CheckResult[];
}
