// Does a vSwitch's network ACL let the probe out and its replies back in? Addendum C3: ACLs are
// stateless, entries are evaluated in the returned order (system entries included) and the
// first match wins; whatever matches nothing is denied, so an ACL with no entries denies all.
// Replies from 100.64.0.0/10 arrive on the client's ephemeral ports, 1024-65535.
// DNS to the VPC's own DNS servers is always allowed by the ACL's fixed cloud-service rule, so
// only the HTTPS probe is evaluated here.
import type { NetworkAclAttributes, NetworkAclEntry } from '../../cloud/vpc';
import { cidrCoverage } from './cidr';
import type { Coverage } from './cidr';
import {
  combineCoverage,
  EPHEMERAL_PORTS,
  HTTPS_PROBE,
  portCoverage,
  protocolMatches,
  worst,
} from './probes';
import type { Probe, Verdict } from './probes';

export type AclDecision =
  | 'explicitAccept'
  | 'explicitDrop'
  /** No entry covers the whole target: denied by the ACL's implicit default. */
  | 'implicitDeny'
  /** The ACL has no entries in this direction at all. */
  | 'empty'
  | 'partialDrop'
  | 'partialAccept';

export interface AclDirectionEvaluation {
  direction: 'egress' | 'ingress';
  verdict: Verdict;
  decision: AclDecision;
  entry: NetworkAclEntry | null;
  caveat: NetworkAclEntry | null;
  reason: string;
}

export interface AclEvaluation {
  networkAclId: string;
  verdict: Verdict;
  egress: AclDirectionEvaluation;
  ingress: AclDirectionEvaluation;
  /** Set when the ACL is being changed or (un)bound right now: re-check later. */
  inFlux: string | null;
  reason: string;
}

type PolicyKind = 'accept' | 'drop' | 'unknown';

function policyOf(entry: NetworkAclEntry): PolicyKind {
  const p = entry.policy.trim().toLowerCase();
  return p === 'accept' || p === 'drop' ? p : 'unknown';
}

/** An entry's fields with no words between them, for evidence in either language. */
export function aclEntryFacts(entry: NetworkAclEntry): string {
  const name = entry.name ? ` "${entry.name}"` : '';
  return [
    `${entry.entryId ?? '—'}${name}`,
    entry.policy,
    `${entry.protocol} ${entry.port}`,
    entry.cidr ?? '?',
  ].join(' · ');
}

export function describeAclEntry(entry: NetworkAclEntry): string {
  const name = entry.name ? ` "${entry.name}"` : '';
  return `${entry.entryId ?? 'entry without id'}${name} (${entry.policy}, ${entry.protocol} ${entry.port}, ${entry.cidr ?? '?'}${entry.entryType === 'system' ? ', system' : ''})`;
}

function entryCoverage(
  entry: NetworkAclEntry,
  probe: Probe,
  ports: readonly [number, number],
): Coverage {
  if ((entry.ipVersion ?? '').toLowerCase() === 'ipv6' || (entry.cidr ?? '').includes(':')) {
    return 'none';
  }
  if (!protocolMatches(entry.protocol, probe)) return 'none';
  const port = portCoverage(entry.port, ports);
  // An unreadable address (a prefix-list reference?) cannot be placed: uncertain.
  const address = cidrCoverage(entry.cidr, probe.target);
  if (port === 'none' || address === 'none') return 'none';
  return combineCoverage(address, port);
}

function evaluateDirection(
  aclId: string,
  direction: 'egress' | 'ingress',
  entries: NetworkAclEntry[],
  probe: Probe,
): AclDirectionEvaluation {
  const ports: readonly [number, number] =
    direction === 'egress' ? [probe.port, probe.port] : EPHEMERAL_PORTS;
  const what =
    direction === 'egress'
      ? `outbound ${probe.label}`
      : `inbound replies from ${probe.target} to ports ${ports[0]}-${ports[1]}`;
  const result = (
    verdict: Verdict,
    decision: AclDecision,
    entry: NetworkAclEntry | null,
    caveat: NetworkAclEntry | null,
    reason: string,
  ): AclDirectionEvaluation => ({ direction, verdict, decision, entry, caveat, reason });

  if (entries.length === 0) {
    return result(
      'fail',
      'empty',
      null,
      null,
      `${aclId} has no ${direction} entries, so it denies all ${what}.`,
    );
  }
  let partlyDropped: NetworkAclEntry | null = null;
  let partlyAccepted: NetworkAclEntry | null = null;
  for (const entry of entries) {
    const coverage = entryCoverage(entry, probe, ports);
    if (coverage === 'none') continue;
    const policy = policyOf(entry);
    if (coverage === 'full' && policy !== 'unknown') {
      if (policy === 'accept') {
        if (partlyDropped) {
          return result(
            'warn',
            'partialDrop',
            entry,
            partlyDropped,
            `In ${aclId}, ${describeAclEntry(partlyDropped)} drops part of the ${what} before ${describeAclEntry(entry)} accepts them.`,
          );
        }
        return result(
          'pass',
          'explicitAccept',
          entry,
          null,
          `In ${aclId}, ${describeAclEntry(entry)} accepts ${what}.`,
        );
      }
      if (partlyAccepted) {
        return result(
          'warn',
          'partialAccept',
          entry,
          partlyAccepted,
          `In ${aclId}, only part of the ${what} is accepted (${describeAclEntry(partlyAccepted)}) before ${describeAclEntry(entry)} drops the rest.`,
        );
      }
      return result(
        'fail',
        'explicitDrop',
        entry,
        null,
        `In ${aclId}, ${describeAclEntry(entry)} drops ${what}.`,
      );
    }
    if (policy !== 'accept') partlyDropped ??= entry;
    if (policy !== 'drop') partlyAccepted ??= entry;
  }
  if (partlyAccepted) {
    return result(
      'warn',
      'partialAccept',
      null,
      partlyAccepted,
      `In ${aclId}, only part of the ${what} is accepted (${describeAclEntry(partlyAccepted)}); the rest matches no entry and is denied.`,
    );
  }
  return result(
    'fail',
    'implicitDeny',
    null,
    null,
    `In ${aclId}, no entry accepts ${what}, so they are denied.`,
  );
}

/**
 * Evaluates one network ACL for the HTTPS probe: outbound to the target and the replies back.
 * `vSwitchId`, when given, is looked up in the ACL's bound resources to spot a binding change.
 */
export function evaluateNetworkAcl(
  acl: Pick<NetworkAclAttributes, 'networkAclId' | 'status' | 'egress' | 'ingress'> &
    Partial<Pick<NetworkAclAttributes, 'resources'>>,
  options: { probe?: Probe; vSwitchId?: string } = {},
): AclEvaluation {
  const probe = options.probe ?? HTTPS_PROBE;
  const id = acl.networkAclId;
  const egress = evaluateDirection(id, 'egress', acl.egress, probe);
  const ingress = evaluateDirection(id, 'ingress', acl.ingress, probe);
  let inFlux: string | null = null;
  if (acl.status && acl.status.toLowerCase() === 'modifying') {
    inFlux = `${id} is being modified (Status Modifying); the entries in force may differ, check again when it is Available.`;
  } else {
    const binding = options.vSwitchId
      ? acl.resources?.find((r) => r.resourceId === options.vSwitchId)
      : undefined;
    if (binding && binding.status && binding.status.toUpperCase() !== 'BINDED') {
      inFlux = `${id} is ${binding.status.toLowerCase()} vSwitch ${options.vSwitchId}; check again when the change has ended.`;
    }
  }
  // An ACL in flux is never a pass; a fail stays a fail (what we read already blocks).
  const verdict = worst(egress.verdict, ingress.verdict, inFlux ? 'warn' : 'pass');
  const reasons = [egress, ingress].filter((d) => d.verdict !== 'pass').map((d) => d.reason);
  if (inFlux) reasons.push(inFlux);
  const reason =
    reasons.length > 0
      ? reasons.join(' ')
      : `${id} accepts ${probe.label} and the replies (${egress.entry ? describeAclEntry(egress.entry) : ''}; ${ingress.entry ? describeAclEntry(ingress.entry) : ''}).`;
  return { networkAclId: id, verdict, egress, ingress, inFlux, reason };
}
