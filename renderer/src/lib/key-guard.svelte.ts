// The key guard as the window sees it: the last sweep's report (pushed as keys.report after every
// fleet refresh), the fixes behind the banner's buttons, and the banner's fold (kept here so it
// lasts the window's session, not just the fleet screen's visit).
import type { KeyFinding, KeyFixAction, KeyHealthReport } from '$contract';
import { call, subscribe } from './api';

/** The banner folded by the user, and the findings standing then (they stay folded away). */
export interface BannerFold {
  folded: boolean;
  seen: readonly string[];
}

export interface BannerView {
  expanded: boolean;
  /** Critical findings that came after the fold (announced on the folded line). */
  fresh: KeyFinding[];
}

/**
 * What the banner shows. Folding never hides news: the findings come worst first (the core's
 * byUrgency), so a new finding that is now the worst opens the banner again; a new one less bad
 * than a finding already folded away is announced on the folded line.
 */
export function bannerView(fold: BannerFold, critical: readonly KeyFinding[]): BannerView {
  if (!fold.folded) return { expanded: true, fresh: [] };
  const fresh = critical.filter((f) => !fold.seen.includes(f.id));
  const worst = critical[0];
  return { expanded: worst !== undefined && fresh.includes(worst), fresh };
}

class KeyGuardState {
  report = $state.raw<KeyHealthReport | null>(null);
  fold = $state.raw<BannerFold>({ folded: false, seen: [] });
  private started = false;

  get critical(): KeyFinding[] {
    return (this.report?.findings ?? []).filter((f) => f.severity === 'critical');
  }

  get banner(): BannerView {
    return bannerView(this.fold, this.critical);
  }

  /** Folds the banner over the findings standing now, or opens it. */
  setFolded(folded: boolean): void {
    this.fold = { folded, seen: folded ? this.critical.map((f) => f.id) : [] };
  }

  /** Listens for sweeps and reads the last report (idempotent). */
  start(): void {
    if (this.started) return;
    this.started = true;
    subscribe('keys.report', (report) => (this.report = report));
    void call('keys.health', { cached: true }).then(
      (report) => {
        if (!this.report || (report.checkedAt ?? '') > (this.report.checkedAt ?? ''))
          this.report = report;
      },
      () => undefined,
    );
  }

  /** Runs a fix (the core sweeps the account again and pushes the new report). */
  async fix(finding: KeyFinding, action: KeyFixAction): Promise<void> {
    await call('keys.fix', {
      accountId: finding.accountId,
      regionId: finding.regionId,
      keyId: finding.keyId,
      action,
    });
  }
}

export const keyGuard = new KeyGuardState();
