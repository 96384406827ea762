// A reference evaluation of "can the control plane reach 100.64.0.0/10" (docs/alibaba-cloud-api.md
// §9.5). The simulator does not use it to answer API calls; it exists so the demo fixture can prove
// it contains both passing and failing security groups and ACLs, and so the app team has a second
// opinion to compare their check against.

export const KMS_RANGE = '100.64.0.0/10';

interface Cidr {
  base: number;
  bits: number;
}

export function parseCidr(s: string): Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(s.trim());
  if (!m) return undefined;
  const o = m.slice(1, 5).map(Number);
  if (o.some((x) => x > 255)) return undefined;
  const bits = m[5] === undefined ? 32 : Number(m[5]);
  if (bits > 32) return undefined;
  const ip = ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0;
  return { base: (ip & mask(bits)) >>> 0, bits };
}

const mask = (bits: number) => (bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);

/** outer ⊇ inner */
export function cidrContains(outer: string, inner: string): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(inner);
  if (!a || !b || a.bits > b.bits) return false;
  return (b.base & mask(a.bits)) >>> 0 === a.base;
}

export function cidrOverlaps(x: string, y: string): boolean {
  return cidrContains(x, y) || cidrContains(y, x);
}

function portCovers(range: string, port: number): boolean {
  if (range === '-1/-1' || range === '') return true;
  const [lo, hi] = range.split('/').map(Number);
  return lo !== undefined && hi !== undefined && lo <= port && port <= hi;
}

export type Verdict = 'pass' | 'fail' | 'warn';
export interface Probe {
  protocol: 'TCP' | 'UDP';
  port: number;
}

export interface SgRule {
  policy: 'Accept' | 'Drop';
  priority: number;
  protocol: string;
  portRange: string;
  destCidr: string;
}

/** Security group egress towards 100.64.0.0/10 (C2). */
export function evaluateSecurityGroupEgress(
  sg: { type: 'normal' | 'enterprise'; egress: SgRule[] },
  probe: Probe,
): Verdict {
  const rules = sg.egress
    .filter(
      (r) =>
        (r.protocol.toUpperCase() === 'ALL' || r.protocol.toUpperCase() === probe.protocol) &&
        portCovers(r.portRange, probe.port),
    )
    .filter((r) => parseCidr(r.destCidr))
    .sort(
      (a, b) =>
        a.priority - b.priority || (a.policy === 'Drop' ? -1 : 1) - (b.policy === 'Drop' ? -1 : 1),
    );
  let partialDrop = false;
  let partialAccept = false;
  for (const r of rules) {
    if (cidrContains(r.destCidr, KMS_RANGE)) {
      if (r.policy === 'Drop') return 'fail';
      return partialDrop ? 'warn' : 'pass';
    }
    if (cidrOverlaps(r.destCidr, KMS_RANGE)) {
      if (r.policy === 'Drop') partialDrop = true;
      else partialAccept = true;
    }
  }
  if (sg.type === 'enterprise') return partialAccept ? 'warn' : 'fail';
  if (partialDrop) return 'warn';
  // Basic group: implicit allow when it has no custom rules; with only Accept rules that miss
  // the range it is unclear whether the implicit allow still applies (C2), hence warn.
  return sg.egress.some((r) => r.policy === 'Accept') ? 'warn' : 'pass';
}

export interface AclEntry {
  policy: 'accept' | 'drop';
  protocol: string;
  port: string;
  cidr: string;
}

function firstMatch(
  entries: AclEntry[],
  protocol: string,
  portOk: (p: string) => boolean,
  cidrOk: (c: string) => boolean,
): AclEntry | undefined {
  return entries.find(
    (e) =>
      (e.protocol === 'all' || e.protocol === protocol.toLowerCase()) &&
      portOk(e.port) &&
      cidrOk(e.cidr),
  );
}

/** Network ACL: egress to the range and ingress of replies from it, first match wins (C3). */
export function evaluateNetworkAcl(
  acl: { egress: AclEntry[]; ingress: AclEntry[] } | undefined,
  probe: Probe,
): Verdict {
  if (!acl) return 'pass'; // no ACL bound
  const out = firstMatch(
    acl.egress,
    probe.protocol,
    (p) => portCovers(p, probe.port),
    (c) => cidrOverlaps(c, KMS_RANGE),
  );
  if (!out || out.policy === 'drop' || !cidrContains(out.cidr, KMS_RANGE)) return 'fail';
  const back = firstMatch(
    acl.ingress,
    probe.protocol,
    (p) => p === '-1/-1' || (portCovers(p, 1024) && portCovers(p, 65535)),
    (c) => cidrOverlaps(c, KMS_RANGE),
  );
  if (!back || back.policy === 'drop' || !cidrContains(back.cidr, KMS_RANGE)) return 'fail';
  return 'pass';
}
