// The key guard: sweeps the keys the fleet's encrypted clusters use (after every fleet refresh
// when the shell asks for it, and on demand), keeps the last report, tells every subscriber
// (`keys.report`), and tells the user once per new critical finding (`keys.critical`).
import type { FleetSnapshot } from '../../contract/types/fleet';
import type {
  KeyFinding,
  KeyFixAction,
  KeyFixResult,
  KeyHealthReport,
} from '../../contract/types/key-guard';
import type { AuditAction } from '../../contract/types/audit';
import type { AuditRecorder } from '../audit/recorder';
import type { CloudSession } from '../cloud/session';
import type { CoreContext } from '../context';
import { reaches } from '../../contract/reachable';
import { blastRadius, keyInUse } from './blast-radius';
import { fixKey } from './fixes';
import { byUrgency, sweep } from './health';
import type { GroupResult } from './health';
import { NotifiedStore } from './notified';
import { WhoDidItCache } from './who-did-it';
import { realClock } from '../util/clock';
import type { Clock } from '../util/clock';

export interface KeyGuardDeps {
  snapshot(): Promise<FleetSnapshot | null>;
  sessionFor(accountId: string): Promise<CloudSession>;
  audit: AuditRecorder;
  describeAccount(
    accountId: string,
  ): Promise<{ accountName: string; cloudAccountId: string | null }>;
  /** After a fix: read the key's region again so the snapshot's key health follows. */
  refreshSoon?(accountId: string, regionId: string): void;
  /** The account's clock: a simulated one (the demo) marks its findings' times as simulated. */
  clockFor?(accountId: string): Clock;
}

const AUDIT_ACTION: Record<KeyFixAction, Extract<AuditAction, `fix.${string}`>> = {
  'enable-key': 'fix.enableKey',
  'cancel-key-deletion': 'fix.cancelKeyDeletion',
  'enable-deletion-protection': 'fix.enableDeletionProtection',
};

/** The key group a finding id belongs to (ids are kind|owner|region|key|instance). */
const groupOf = (findingId: string) => findingId.split('|').slice(1, 4).join('|');

export function emptyReport(): KeyHealthReport {
  return {
    checkedAt: null,
    fleetFetchedAt: null,
    keys: [],
    findings: [],
    critical: 0,
    warnings: 0,
    problems: [],
  };
}

export class KeyGuard {
  private report: KeyHealthReport = emptyReport();
  private readonly byGroup = new Map<string, GroupResult>();
  private readonly whoDidIt: WhoDidItCache;
  private readonly notified: NotifiedStore;
  /** Sweeps run one at a time; requests arriving meanwhile share the next one. */
  private current: Promise<unknown> = Promise.resolve();
  private next: { scope: Set<string> | null; promise: Promise<KeyHealthReport> } | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly deps: KeyGuardDeps,
  ) {
    this.whoDidIt = new WhoDidItCache(ctx.now);
    this.notified = new NotifiedStore(ctx.dataDir);
  }

  /** The last report (empty before the first sweep). */
  last(): KeyHealthReport {
    return this.report;
  }

  /** Sweeps the keys used by these accounts' clusters (all when absent). */
  sweep(accountIds?: string[]): Promise<KeyHealthReport> {
    const scope = accountIds ? new Set(accountIds) : null;
    if (this.next) {
      if (!scope) this.next.scope = null;
      else if (this.next.scope) for (const id of scope) this.next.scope.add(id);
      return this.next.promise;
    }
    const entry = { scope, promise: Promise.resolve(this.report) };
    entry.promise = this.current
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.run(entry.scope);
      });
    this.next = entry;
    this.current = entry.promise;
    return entry.promise;
  }

  /** Resolves when no sweep is running or waiting. */
  async idle(): Promise<void> {
    await this.current.catch(() => undefined);
  }

  private async run(scope: Set<string> | null): Promise<KeyHealthReport> {
    const snapshot = await this.deps.snapshot();
    const groups = blastRadius(snapshot?.clusters ?? []);
    // An account's keys are those of every cluster it reaches, acting through it or not.
    const reached = scope
      ? new Set(
          (snapshot?.clusters ?? [])
            .filter((c) => [...scope].some((id) => reaches(c, id)))
            .map((c) => c.clusterId),
        )
      : null;
    const chosen = reached
      ? groups.filter((g) => g.clusters.some((c) => reached.has(c.clusterId)))
      : groups;
    const previous = new Map(this.report.findings.map((f) => [f.id, f]));
    const results = (
      await sweep(chosen, {
        sessionFor: (accountId) => this.deps.sessionFor(accountId),
        now: this.ctx.now,
        whoDidIt: this.whoDidIt,
        firstSeen: (id) => previous.get(id)?.firstSeenAt,
      })
    ).map((r) => ({ ...r, findings: r.findings.map((f) => this.withClock(f)) }));
    const present = new Set(groups.map((g) => g.id));
    for (const id of this.byGroup.keys()) if (!present.has(id)) this.byGroup.delete(id);
    for (const r of results) this.byGroup.set(r.groupId, r);
    const findings = [...this.byGroup.values()].flatMap((r) => r.findings).sort(byUrgency);
    const checkedAt = new Date(this.ctx.now()).toISOString();
    this.report = {
      checkedAt,
      fleetFetchedAt: snapshot?.fetchedAt ?? null,
      keys: groups.map(keyInUse),
      findings,
      critical: findings.filter((f) => f.severity === 'critical').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      problems: [...this.byGroup.values()].flatMap((r) => r.problems),
    };
    this.whoDidIt.keepOnly(new Set(findings.map((f) => f.id)));
    const read = new Set(results.filter((r) => r.read).map((r) => r.groupId));
    const critical = findings.filter((f) => f.severity === 'critical');
    const fresh = new Set(
      await this.notified.takeNew(
        critical.map((f) => f.id),
        // Resolved: its key was read now without it, or no cluster uses the key any more.
        (id) => read.has(groupOf(id)) || !present.has(groupOf(id)),
        checkedAt,
      ),
    );
    this.ctx.events.emit('keys.report', this.report);
    const news: KeyFinding[] = critical.filter((f) => fresh.has(f.id));
    if (news.length > 0) this.ctx.events.emit('keys.critical', { findings: news });
    return this.report;
  }

  /**
   * The rule for the simulated cloud's times (util/clock.ts): a finding of a demo account says
   * its clock, so the window labels its dates "simulated time" and counts down on that clock.
   */
  private withClock(finding: KeyFinding): KeyFinding {
    const clock = this.deps.clockFor?.(finding.accountId);
    if (!clock || clock === realClock) return finding;
    return {
      ...finding,
      simulatedClock: {
        cloudNow: new Date(clock.cloudNow()).toISOString(),
        realAt: new Date(this.ctx.now()).toISOString(),
        scale: clock.scale,
      },
    };
  }

  /** One fix, audited; the key's findings are swept again when this process has a report. */
  async fix(input: {
    accountId: string;
    regionId: string;
    keyId: string;
    action: KeyFixAction;
    dryRun?: boolean;
  }): Promise<KeyFixResult> {
    // A dry run reads the key and changes nothing: nothing to audit, refresh or sweep.
    if (input.dryRun)
      return fixKey(
        await this.deps.sessionFor(input.accountId),
        input.regionId,
        input.keyId,
        input.action,
        {
          dryRun: true,
        },
      );
    const who = await this.deps.describeAccount(input.accountId);
    const result = await this.deps.audit.fix(
      AUDIT_ACTION[input.action],
      { accountId: input.accountId, ...who, regionId: input.regionId, keyId: input.keyId },
      async () =>
        fixKey(
          await this.deps.sessionFor(input.accountId),
          input.regionId,
          input.keyId,
          input.action,
        ),
    );
    if (result.changed) this.deps.refreshSoon?.(input.accountId, input.regionId);
    if (this.report.checkedAt !== null) await this.sweep([input.accountId]);
    return result;
  }
}
