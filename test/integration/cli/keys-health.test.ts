// `keys health` exit codes for a clean fleet (0), a warning-only one (6) and a critical one (5);
// `keys fix` refuses without a terminal or --yes; `clusters list` shows key health, with the
// deletion date of a key pending deletion, in text and JSON. In-process over the real keychain.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../simulator';
import { cliHarness } from '../../support/cli-harness';

const { cli, sim } = cliHarness({
  prefix: 'keys-cli',
  regions: ['cn-hangzhou', 'cn-beijing'],
});

describe('keys health', () => {
  it('exits 5 with a critical finding, 6 with warnings only, 0 when clean', async () => {
    // The demo fleet as shipped: a key disabled in Beijing and one pending deletion.
    const critical = await cli(['--json', 'keys', 'health']);
    expect(critical.code, critical.err).toBe(5);
    const report = JSON.parse(critical.out) as {
      status: string;
      findings: { kind: string; keyId: string; clusters: { clusterId: string }[] }[];
    };
    expect(report.status).toBe('critical');
    expect(
      report.findings.find((f) => f.kind === 'key-pending-deletion')?.clusters[0]?.clusterId,
    ).toBe(DEMO.clusters.pendingDeletionKeyInUse);

    // clusters list says so too, with the date.
    const listed = await cli(['--json', 'clusters', 'list', '--cached']);
    const rows = (
      JSON.parse(listed.out) as {
        clusters: {
          clusterId: string;
          key: { health: string; deleteDate: string | null } | null;
        }[];
      }
    ).clusters;
    const row = (id: string) => rows.find((c) => c.clusterId === id);
    expect(row(DEMO.clusters.pendingDeletionKeyInUse)?.key?.health).toBe('pending-deletion');
    expect(row(DEMO.clusters.pendingDeletionKeyInUse)?.key?.deleteDate).toMatch(/^\d{4}-/);
    expect(row(DEMO.clusters.disabledKeyInUse)?.key?.health).toBe('disabled');
    expect(row(DEMO.clusters.happy)?.key).toBeNull();
    const text = await cli(['clusters', 'list', '--cached']);
    const line = (id: string) => text.out.split('\n').find((l) => l.startsWith(id)) ?? '';
    expect(line(DEMO.clusters.pendingDeletionKeyInUse)).toMatch(
      /pending-deletion \(deleted \d{4}-/,
    );
    expect(line(DEMO.clusters.disabledKeyInUse)).toMatch(/\bdisabled\b/);

    // Fixes without a terminal need --yes; nothing changes without it.
    const refused = await cli(['keys', 'fix', DEMO.keys.pendingDeletion, '--cancel-deletion']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/add --yes/);
    expect(sim().control.key(DEMO.keys.pendingDeletion)?.state).toBe('PendingDeletion');
    for (const [key, flag] of [
      [DEMO.keys.pendingDeletion, '--cancel-deletion'],
      [DEMO.keys.disabledInUse, '--enable'],
    ] as const) {
      const fixed = await cli(['keys', 'fix', key, flag, '--yes']);
      expect(fixed.code, fixed.err).toBe(0);
    }

    // Keys work again, but two have no deletion protection: warnings only.
    const warnings = await cli(['keys', 'health']);
    expect(warnings.code, warnings.out + warnings.err).toBe(6);
    expect(warnings.out).toMatch(/deletion-protection-off/);

    for (const key of [DEMO.keys.pendingDeletion, DEMO.keys.disabledInUse]) {
      const fixed = await cli(['keys', 'fix', key, '--deletion-protection', '--yes']);
      expect(fixed.code, fixed.err).toBe(0);
    }
    const clean = await cli(['keys', 'health']);
    expect(clean.code, clean.out + clean.err).toBe(0);
    expect(clean.out).toMatch(/0 critical, 0 warnings/);
  });
});
