// The key guard as the window sees it: the last sweep's report (pushed as keys.report after every
// fleet refresh) and the fixes behind the banner's buttons.
import type { KeyFinding, KeyFixAction, KeyHealthReport } from '$contract';
import { call, subscribe } from './api';

class KeyGuardState {
  report = $state.raw<KeyHealthReport | null>(null);
  private started = false;

  get critical(): KeyFinding[] {
    return (this.report?.findings ?? []).filter((f) => f.severity === 'critical');
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
