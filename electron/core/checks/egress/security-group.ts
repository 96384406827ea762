// Does a security group let the probe out? Addendum C2: lower priority number wins, Drop beats
// Accept at equal priority, the first rule covering the whole target decides; rules covering
// only part of it (or that cannot be read, like prefix lists) make the answer uncertain (warn)
// because the exact KMS address inside 100.64.0.0/10 is not published. With no deciding rule a
// basic (`normal`) group allows egress and an advanced (`enterprise`) group denies it.
import type { SecurityGroupEgressRule, SecurityGroupType } from '../../cloud/ecs';
import { cidrCoverage } from './cidr';
import type { Coverage } from './cidr';
import { combineCoverage, portCoverage, protocolMatches } from './probes';
import type { Probe, Verdict } from './probes';

export type SgDecision =
  /** A rule covering the whole target accepts it. */
  | 'explicitAccept'
  /** A rule covering the whole target drops it. */
  | 'explicitDrop'
  /** Basic group, no egress rules at all: allowed by default. */
  | 'implicitAllow'
  /** Advanced group, nothing accepts the target: denied by default. */
  | 'implicitDeny'
  /** Part of the target is dropped before anything accepts it. */
  | 'partialDrop'
  /** Only part of the target is accepted before it is dropped (or denied by default). */
  | 'partialAccept'
  /** Basic group whose Accept rules miss the target: whether the implicit allow still holds is unconfirmed (C2). */
  | 'basicUnconfirmed'
  /** The group type is neither normal nor enterprise and the two readings disagree. */
  | 'typeUnknown';

export interface SgEvaluation {
  probe: Probe;
  verdict: Verdict;
  decision: SgDecision;
  /** The rule covering the whole target that decided, if any. */
  rule: SecurityGroupEgressRule | null;
  /** The partial or unreadable rule that made the answer uncertain, if any. */
  caveat: SecurityGroupEgressRule | null;
  /** One sentence saying why. */
  reason: string;
}

export interface SecurityGroupInput {
  securityGroupId: string;
  type: SecurityGroupType | null;
  rules: SecurityGroupEgressRule[];
}

type PolicyKind = 'accept' | 'drop' | 'unknown';

function policyOf(rule: SecurityGroupEgressRule): PolicyKind {
  const p = rule.policy.trim().toLowerCase();
  if (p === 'accept' || p === '') return 'accept';
  return p === 'drop' ? 'drop' : 'unknown';
}

/** Short human description of a rule, e.g. "sgr-1 (priority 1, Drop, ALL -1/-1 to 0.0.0.0/0)". */
export function describeSgRule(rule: SecurityGroupEgressRule): string {
  const dest =
    rule.destCidrIp ??
    (rule.destPrefixListId
      ? `prefix list ${rule.destPrefixListId}${rule.destPrefixListName ? ` (${rule.destPrefixListName})` : ''}`
      : (rule.ipv6DestCidrIp ?? rule.destGroupId ?? '?'));
  const ports = rule.portRangeListId ? `port list ${rule.portRangeListId}` : rule.portRange;
  return `${rule.ruleId ?? 'rule without id'} (priority ${rule.priority}, ${rule.policy}, ${rule.ipProtocol} ${ports} to ${dest})`;
}

/**
 * A rule's fields with no words between them, for evidence in either language:
 * "sgr-1 · 1 · Drop · ALL -1/-1 · 0.0.0.0/0" (id, priority, action, protocol and ports, destination).
 */
export function sgRuleFacts(rule: SecurityGroupEgressRule): string {
  const dest =
    rule.destCidrIp ?? rule.destPrefixListId ?? rule.ipv6DestCidrIp ?? rule.destGroupId ?? '?';
  const ports = rule.portRangeListId ?? rule.portRange;
  return [rule.ruleId ?? '—', rule.priority, rule.policy, `${rule.ipProtocol} ${ports}`, dest].join(
    ' · ',
  );
}

/** How much of the probe a rule covers; 'none' for rules that cannot concern it. */
export function sgRuleCoverage(rule: SecurityGroupEgressRule, probe: Probe): Coverage {
  if (!protocolMatches(rule.ipProtocol, probe)) return 'none';
  let destination: Coverage;
  if (rule.destCidrIp) {
    destination = cidrCoverage(rule.destCidrIp, probe.target);
  } else if (rule.destPrefixListId) {
    // Resolving a prefix list needs DescribePrefixListAttributes (not researched): cannot tell.
    destination = 'unreadable';
  } else {
    // IPv6-only rules, and rules towards another security group's members (DestGroupId),
    // never concern the IPv4 service range.
    return 'none';
  }
  const ports: Coverage = rule.portRangeListId
    ? 'unreadable'
    : portCoverage(rule.portRange, [probe.port, probe.port]);
  // A port range that misses the probe port excludes the rule even if the address is unreadable.
  if (ports === 'none' || destination === 'none') return 'none';
  return combineCoverage(destination, ports);
}

function sortRules(rules: SecurityGroupEgressRule[]): SecurityGroupEgressRule[] {
  const rank = (r: SecurityGroupEgressRule) => (policyOf(r) === 'accept' ? 1 : 0);
  // Array.prototype.sort is stable, so the cloud's order breaks the remaining ties.
  return [...rules].sort((a, b) => a.priority - b.priority || rank(a) - rank(b));
}

function evaluateAs(
  group: SecurityGroupInput,
  type: SecurityGroupType,
  probe: Probe,
): SgEvaluation {
  const id = group.securityGroupId;
  const kind = type === 'normal' ? 'basic (normal)' : 'advanced (enterprise)';
  let partlyDropped: SecurityGroupEgressRule | null = null;
  let partlyAccepted: SecurityGroupEgressRule | null = null;
  const result = (
    verdict: Verdict,
    decision: SgDecision,
    rule: SecurityGroupEgressRule | null,
    caveat: SecurityGroupEgressRule | null,
    reason: string,
  ): SgEvaluation => ({ probe, verdict, decision, rule, caveat, reason });

  for (const rule of sortRules(group.rules)) {
    const coverage = sgRuleCoverage(rule, probe);
    if (coverage === 'none') continue;
    const policy = policyOf(rule);
    if (coverage === 'full' && policy !== 'unknown') {
      if (policy === 'accept') {
        if (partlyDropped) {
          return result(
            'warn',
            'partialDrop',
            rule,
            partlyDropped,
            `In ${id}, ${describeSgRule(partlyDropped)} drops part of ${probe.target} before ${describeSgRule(rule)} accepts ${probe.label}; the KMS address may be in the dropped part.`,
          );
        }
        return result(
          'pass',
          'explicitAccept',
          rule,
          null,
          `In ${id}, ${describeSgRule(rule)} accepts ${probe.label}.`,
        );
      }
      if (partlyAccepted) {
        return result(
          'warn',
          'partialAccept',
          rule,
          partlyAccepted,
          `In ${id}, only part of ${probe.target} is accepted (${describeSgRule(partlyAccepted)}) before ${describeSgRule(rule)} drops the rest; the KMS address may be in the dropped part.`,
        );
      }
      return result(
        'fail',
        'explicitDrop',
        rule,
        null,
        `In ${id}, ${describeSgRule(rule)} drops ${probe.label}.`,
      );
    }
    // Covers part of the target, or cannot be read: it may or may not let the KMS address out.
    if (policy !== 'accept') partlyDropped ??= rule;
    if (policy !== 'drop') partlyAccepted ??= rule;
  }

  if (type === 'enterprise') {
    if (partlyAccepted) {
      return result(
        'warn',
        'partialAccept',
        null,
        partlyAccepted,
        `${id} is an ${kind} group: only ${describeSgRule(partlyAccepted)} accepts part of ${probe.target} and the rest is denied by default; the KMS address may be in the denied part.`,
      );
    }
    return result(
      'fail',
      'implicitDeny',
      null,
      null,
      `${id} is an ${kind} group and no outbound rule accepts ${probe.label}, so it is denied by default.`,
    );
  }
  if (partlyDropped) {
    return result(
      'warn',
      'partialDrop',
      null,
      partlyDropped,
      `In ${id}, ${describeSgRule(partlyDropped)} drops part of ${probe.target}; the KMS address may be in the dropped part.`,
    );
  }
  const someAccept = group.rules.find((r) => policyOf(r) === 'accept') ?? null;
  if (someAccept) {
    // C2: the implicit allow is documented for basic groups "without custom rules"; whether it
    // survives custom Accept rules that miss the target is unconfirmed.
    return result(
      'warn',
      'basicUnconfirmed',
      null,
      someAccept,
      `${id} is a ${kind} group with outbound Accept rules, none covering ${probe.label}; whether the default outbound allow still applies is unconfirmed.`,
    );
  }
  return result(
    'pass',
    'implicitAllow',
    null,
    null,
    `${id} is a ${kind} group and nothing drops ${probe.label}, so it is allowed by default.`,
  );
}

/** Evaluates one probe against a security group's egress rules. */
export function evaluateSecurityGroup(group: SecurityGroupInput, probe: Probe): SgEvaluation {
  if (group.type) return evaluateAs(group, group.type, probe);
  // Type missing or unrecognised: answer only if both readings agree.
  const basic = evaluateAs(group, 'normal', probe);
  const advanced = evaluateAs(group, 'enterprise', probe);
  if (basic.verdict === advanced.verdict) return basic;
  return {
    probe,
    verdict: 'warn',
    decision: 'typeUnknown',
    rule: null,
    caveat: null,
    reason: `The type of ${group.securityGroupId} is unknown and the answer depends on it (basic: ${basic.verdict}, advanced: ${advanced.verdict}).`,
  };
}
