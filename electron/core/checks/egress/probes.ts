// What "the KMS plugin can reach KMS" means in packets, and the small matching helpers both
// evaluators share (protocol, port ranges, verdict ordering).
import { ALIBABA_SERVICES_CIDR } from './cidr';
import type { Coverage } from './cidr';

export type Verdict = 'pass' | 'warn' | 'fail';

export interface Probe {
  /** Short key used in evidence ("https", "dns"). */
  key: string;
  protocol: 'tcp' | 'udp';
  port: number;
  /** Where the packets go. */
  target: string;
  label: string;
}

/**
 * The plugin calls kms-vpc.<region>.aliyuncs.com over HTTPS (docs/alibaba-cloud-api.md §9.5);
 * its address is somewhere in 100.64.0.0/10 and not published, so the whole /10 must be
 * reachable.
 */
export const HTTPS_PROBE: Probe = {
  key: 'https',
  protocol: 'tcp',
  port: 443,
  target: ALIBABA_SERVICES_CIDR,
  label: 'TCP 443 to 100.64.0.0/10',
};

/**
 * Name resolution of kms-vpc.<region>.aliyuncs.com through the VPC's DNS servers
 * (100.100.2.136 and 100.100.2.138, inside 100.100.2.128/28). That the managed plugin resolves
 * through them is an inference (A7), so a blocked DNS probe makes the check warn, never fail.
 */
export const DNS_PROBE: Probe = {
  key: 'dns',
  protocol: 'udp',
  port: 53,
  target: '100.100.2.128/28',
  label: 'UDP 53 to the VPC DNS servers 100.100.2.128/28',
};

/** Return traffic of a TCP connection lands on the client's ephemeral port (C3). */
export const EPHEMERAL_PORTS: readonly [number, number] = [1024, 65535];

const ORDER: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };

export function worst(...verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((a, b) => (ORDER[b] > ORDER[a] ? b : a), 'pass');
}

/** "ALL"/"all" matches every protocol; otherwise a case-insensitive name match. */
export function protocolMatches(ruleProtocol: string | null | undefined, probe: Probe): boolean {
  const p = (ruleProtocol ?? '').trim().toLowerCase();
  return p === 'all' || p === '-1' || p === probe.protocol;
}

/** Parses "-1/-1" (all), "443/443", "1/65535". Null when unreadable. */
export function parsePortRange(text: string | null | undefined): [number, number] | null {
  const t = (text ?? '').trim();
  if (t === '' || t === '-1/-1' || t === '-1') return [0, 65535];
  const m = /^(\d{1,5})(?:\/(\d{1,5}))?$/.exec(t);
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (lo > hi || hi > 65535) return null;
  return [lo, hi];
}

export function portCoverage(
  range: string | null | undefined,
  need: readonly [number, number],
): Coverage {
  const r = parsePortRange(range);
  if (!r) return 'unreadable';
  if (r[0] <= need[0] && need[1] <= r[1]) return 'full';
  return r[0] <= need[1] && need[0] <= r[1] ? 'partial' : 'none';
}

/** Combines the coverage of two dimensions (addresses and ports) of one rule. */
export function combineCoverage(a: Coverage, b: Coverage): Coverage {
  if (a === 'none' || b === 'none') return 'none';
  if (a === 'unreadable' || b === 'unreadable') return 'unreadable';
  return a === 'full' && b === 'full' ? 'full' : 'partial';
}
