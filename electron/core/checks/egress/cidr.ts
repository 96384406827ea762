// IPv4 CIDR arithmetic for the egress check. Pure and strict: anything that is not a plain
// dotted-quad with an optional /0-32 prefix is rejected (null), so the evaluators can treat an
// unreadable destination as "cannot tell" instead of guessing a match.

export interface Cidr {
  /** Network address as an unsigned 32-bit number (host bits cleared). */
  base: number;
  /** Prefix length, 0-32. */
  prefix: number;
}

/** The range Alibaba Cloud reserves for its own services, KMS's VPC endpoint included (A7). */
export const ALIBABA_SERVICES_CIDR = '100.64.0.0/10';

function mask(prefix: number): number {
  // `<< 32` is a no-op in JS, so /0 needs its own case.
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Parses "a.b.c.d/n" or a bare "a.b.c.d" (= /32). Host bits are cleared, as the cloud does. */
export function parseCidr(text: string | null | undefined): Cidr | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const octets = [m[1], m[2], m[3], m[4]].map(Number);
  if (octets.some((o) => o > 255)) return null;
  const prefix = m[5] === undefined ? 32 : Number(m[5]);
  if (prefix > 32) return null;
  const ip = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  return { base: (ip & mask(prefix)) >>> 0, prefix };
}

export function formatCidr(cidr: Cidr): string {
  const b = cidr.base;
  return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${cidr.prefix}`;
}

function toCidr(value: string | Cidr): Cidr | null {
  return typeof value === 'string' ? parseCidr(value) : value;
}

/** True when every address of `inner` is inside `outer`. False if either is unreadable. */
export function cidrContains(outer: string | Cidr, inner: string | Cidr): boolean {
  const a = toCidr(outer);
  const b = toCidr(inner);
  if (!a || !b || a.prefix > b.prefix) return false;
  return (b.base & mask(a.prefix)) >>> 0 === a.base;
}

/** True when the two ranges share at least one address. For CIDRs that means one contains the other. */
export function cidrOverlaps(x: string | Cidr, y: string | Cidr): boolean {
  return cidrContains(x, y) || cidrContains(y, x);
}

/** How a rule's range relates to the range we need to reach. */
export type Coverage = 'full' | 'partial' | 'none' | 'unreadable';

export function cidrCoverage(ruleCidr: string | null | undefined, target: string): Coverage {
  const rule = parseCidr(ruleCidr);
  if (!rule) return 'unreadable';
  if (cidrContains(rule, target)) return 'full';
  return cidrOverlaps(rule, target) ? 'partial' : 'none';
}
