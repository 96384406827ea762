// Faults on demand. A rule matches a product and/or action (or everything), fires for the next
// `count` matching calls or with probability `rate`, and either delays the answer (latency,
// combinable with any other fault) or replaces it. `failUpdate` is different: it does not touch
// the HTTP exchange but makes the next encryption change on a cluster end in `updating_failed`.
import { z } from 'zod';

export const FaultKinds = [
  'latency',
  'throttle',
  'error500',
  'error503',
  'html502',
  'reset',
  'hang',
  'failUpdate',
  'ignoreKeyAtCreate',
] as const;
export type FaultKind = (typeof FaultKinds)[number];

export const FaultRuleSchema = z.object({
  kind: z.enum(FaultKinds),
  /** cs | kms | ram | sts | actiontrail | ecs | vpc; omit for all products. */
  product: z.enum(['cs', 'kms', 'ram', 'sts', 'actiontrail', 'ecs', 'vpc']).optional(),
  /** Action name, e.g. DescribeClusterDetail; omit for all actions. */
  action: z.string().optional(),
  /** Only calls about this region (RPC RegionId, or CS region_id); omit for all regions. */
  regionId: z.string().optional(),
  /** failUpdate only: the cluster it applies to (else any). */
  clusterId: z.string().optional(),
  /** Fire for this many matching calls, then retire. Default: 1 unless `rate` is given. */
  count: z.number().int().min(1).optional(),
  /** Fire with this probability on each matching call (no retirement). */
  rate: z.number().min(0).max(1).optional(),
  /** latency: extra real milliseconds. */
  ms: z.number().min(0).optional(),
  /** throttle: value of x-acs-retry-after (milliseconds: the SDK uses it as its retry delay). */
  retryAfterMs: z.number().int().min(0).optional(),
  /** Override of the error code / HTTP status. */
  code: z.string().optional(),
  status: z.number().int().min(400).max(599).optional(),
});
export type FaultRule = z.input<typeof FaultRuleSchema>;
export type ActiveFault = z.output<typeof FaultRuleSchema> & { id: string; fired: number };

/** Small seeded PRNG so a `rate` fault sequence is reproducible with a seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private rules: ActiveFault[] = [];
  private next = 1;
  private rand: () => number;

  constructor(seed = 42) {
    this.rand = mulberry32(seed);
  }

  seed(seed: number): void {
    this.rand = mulberry32(seed);
  }

  add(rule: FaultRule): ActiveFault {
    const parsed = FaultRuleSchema.parse(rule);
    const f: ActiveFault = { ...parsed, id: `fault-${this.next++}`, fired: 0 };
    if (f.count === undefined && f.rate === undefined) f.count = 1;
    this.rules.push(f);
    return f;
  }

  remove(id: string): boolean {
    const n = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== n;
  }

  clear(): void {
    this.rules = [];
  }

  list(): ActiveFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  private fire(r: ActiveFault): boolean {
    if (r.rate !== undefined && r.count === undefined) {
      if (this.rand() >= r.rate) return false;
    } else if (r.rate !== undefined && this.rand() >= r.rate) return false;
    r.fired++;
    if (r.count !== undefined && r.fired >= r.count) this.remove(r.id);
    return true;
  }

  /** Faults that apply to one HTTP call: total added latency and at most one replacement. */
  forCall(
    product: string,
    action: string,
    regionId?: string,
  ): { latencyMs: number; fault?: ActiveFault } {
    let latencyMs = 0;
    let fault: ActiveFault | undefined;
    for (const r of [...this.rules]) {
      if (r.kind === 'failUpdate' || r.kind === 'ignoreKeyAtCreate') continue;
      if (r.product && r.product !== product) continue;
      if (r.action && r.action !== action) continue;
      if (r.regionId && r.regionId !== regionId) continue;
      if (r.kind === 'latency') {
        if (this.fire(r)) latencyMs += r.ms ?? 1000;
      } else if (!fault && this.fire(r)) fault = r;
    }
    return { latencyMs, fault };
  }

  /**
   * Consumes an ignoreKeyAtCreate rule, if any: the next CreateCluster accepts
   * encryption_provider_key and creates the cluster without it (a cloud that ignores the key at
   * create for Edge; docs/alibaba-cloud-api.md §4.8).
   */
  takeIgnoreKeyAtCreate(): ActiveFault | undefined {
    const r = this.rules.find((x) => x.kind === 'ignoreKeyAtCreate');
    return r && this.fire(r) ? r : undefined;
  }

  /** Consumes a failUpdate rule for this cluster, if any. */
  takeFailUpdate(clusterId: string): ActiveFault | undefined {
    const r = this.rules.find(
      (x) => x.kind === 'failUpdate' && (!x.clusterId || x.clusterId === clusterId),
    );
    return r && this.fire(r) ? r : undefined;
  }
}
