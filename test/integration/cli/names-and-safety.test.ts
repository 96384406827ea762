// The CLI's names and safety rules, in-process against the simulator and the real keychain:
// clusters by id or name (an ambiguous name lists the candidates, exit 2), accounts by name,
// `audit --cluster NAME --since 24h`, confirmation of disable (after its checklist: not ready is
// never asked) and batch apply (typed on a terminal, --yes for scripts, refused without either),
// --dry-run that sends nothing (keys fix reads the key first), a plan's clusters by name, and a
// plan with nothing ready that exits 3 without suggesting to apply it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../simulator';
import { cliHarness } from '../../support/cli-harness';

const HAPPY = 'edge-pro-hz-plain';
const ENCRYPTED = 'edge-pro-hz-encrypted';
const TWIN = 'c0ffee00000000000000000000000aa01';

const { cli, dataDir, sim } = cliHarness({
  prefix: 'cli-names',
  regions: ['cn-hangzhou'],
  timeScale: 600,
  setUp: async (run) => expect((await run(['clusters', 'list'])).code).toBe(0),
});
const writes = () => sim().control.requestCount('cs/UpdateKMSEncryption');
const kmsWrites = () =>
  ['EnableKey', 'CancelKeyDeletion', 'SetDeletionProtection']
    .map((a) => sim().control.requestCount(`kms/${a}`))
    .reduce((a, b) => a + b, 0);

describe('clusters and accounts by name', () => {
  it('check takes a cluster name and an account name (any case)', async () => {
    const r = await cli(['check', HAPPY, '--key', DEMO.keys.valid, '--account', 'retail']);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain(`enable ${DEMO.clusters.happy} with ${DEMO.keys.valid}: ready`);
  });

  it('an unknown account name is a usage error naming it', async () => {
    const r = await cli(['check', HAPPY, '--disable', '--account', 'nobody']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('There is no account named "nobody"');
  });

  it('a name no cluster has (and no id could be) is refused, exit 2', async () => {
    const r = await cli(['status', 'no such cluster']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('No cluster has the id or name "no such cluster"');
  });
});

describe('--dry-run sends nothing', () => {
  it('enable --dry-run: the checklist and the exact request, in text and JSON', async () => {
    const before = writes();
    const text = await cli(['enable', HAPPY, '--key', 'alias/ack-secrets-hz', '--dry-run']);
    expect(text.code, text.out + text.err).toBe(0);
    expect(text.out).toContain(`CS UpdateKMSEncryption  PUT /clusters/${DEMO.clusters.happy}/kms`);
    expect(text.out).toContain(`{"disable_encryption":false,"kms_key_id":"${DEMO.keys.valid}"}`);
    expect(text.out).toContain('Dry run: nothing was sent.');
    const json = await cli(['--json', 'enable', HAPPY, '--key', DEMO.keys.valid, '--dry-run']);
    expect(JSON.parse(json.out)).toMatchObject({
      dryRun: true,
      sent: false,
      request: { action: 'UpdateKMSEncryption', body: { kms_key_id: DEMO.keys.valid } },
    });
    expect(writes()).toBe(before);
    expect(sim().control.cluster(DEMO.clusters.happy)?.encryption?.keyId ?? null).toBeNull();
  });

  it('disable --dry-run needs no confirmation and sends nothing', async () => {
    const before = writes();
    const r = await cli(['disable', ENCRYPTED, '--dry-run']);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain('{"disable_encryption":true}');
    expect(writes()).toBe(before);
  });

  it('keys fix --dry-run reads the key and prints the exact KMS request', async () => {
    const fix = [DEMO.keys.pendingDeletion, '--cancel-deletion', '--account', 'Retail'];
    const where = ['--region', 'cn-hangzhou', '--dry-run'];
    const reads = sim().control.requestCount('kms/DescribeKey');
    const before = kmsWrites();
    const audited = async () =>
      (JSON.parse((await cli(['--json', 'audit'])).out) as { entries: unknown[] }).entries.length;
    const entries = await audited();
    const r = await cli(['keys', 'fix', ...fix, ...where]);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain('The key now: PendingDeletion, deletion protection');
    expect(r.out).toContain('KMS CancelKeyDeletion  (cn-hangzhou)');
    expect(r.out).toContain(`{"KeyId":"${DEMO.keys.pendingDeletion}"}`);
    expect(r.out).toContain('Dry run: nothing was sent.');
    const json = await cli(['--json', 'keys', 'fix', ...fix, ...where]);
    expect(JSON.parse(json.out)).toMatchObject({
      dryRun: true,
      sent: false,
      key: { keyId: DEMO.keys.pendingDeletion, keyState: 'PendingDeletion' },
      request: { product: 'kms', action: 'CancelKeyDeletion', regionId: 'cn-hangzhou' },
    });
    expect(sim().control.requestCount('kms/DescribeKey')).toBeGreaterThan(reads);
    expect(kmsWrites()).toBe(before);
    expect(sim().control.key(DEMO.keys.pendingDeletion)?.state).toBe('PendingDeletion');
    // Not a change: nothing in the audit log.
    expect(await audited()).toBe(entries);
  });

  it('keys fix --dry-run of a key that is already fine: nothing to do, no request', async () => {
    const before = kmsWrites();
    const args = ['keys', 'fix', DEMO.keys.valid, '--enable', '--account', 'Retail'];
    const r = await cli([...args, '--region', 'cn-hangzhou', '--dry-run']);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain('The key now: Enabled');
    expect(r.out).toContain('Nothing to do: the key is already fixed');
    expect(r.out).not.toContain('KMS EnableKey');
    const json = await cli(['--json', ...args, '--region', 'cn-hangzhou', '--dry-run']);
    expect(JSON.parse(json.out)).toMatchObject({ request: null, refused: null });
    expect(kmsWrites()).toBe(before);
  });
});

describe('disable asks first', () => {
  it('refuses without a terminal and without --yes, before any change', async () => {
    const before = writes();
    const r = await cli(['disable', ENCRYPTED]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('without confirmation');
    expect(r.err).toContain('add --yes');
    expect(writes()).toBe(before);
  });

  it('not ready: the checklist is printed and nothing is asked or sent (exit 3)', async () => {
    const before = writes();
    const basic = DEMO.clusters.edgeBasic;
    const r = await cli(['disable', basic], { terminal: true, stdin: `${basic}\n` });
    expect(r.code, r.out + r.err).toBe(3);
    expect(r.out).toContain(`disable ${basic}: NOT ready`);
    expect(r.out).toMatch(/\[FAIL\] cluster\.edition/);
    expect(r.err).not.toContain('Type the cluster name');
    expect(r.err).toContain('nothing was asked and nothing was sent');
    expect(writes()).toBe(before);
  });

  it('on a terminal, a wrong name changes nothing (exit 2)', async () => {
    const before = writes();
    const r = await cli(['disable', ENCRYPTED], { terminal: true, stdin: 'edge-pro\n' });
    expect(r.code, r.out + r.err).toBe(2);
    // The checklist came first, ready, and only then the question.
    expect(r.out).toMatch(new RegExp(`^disable ${DEMO.clusters.encrypted}.*: ready$`, 'm'));
    expect(r.err).toContain(`Type the cluster name (${ENCRYPTED}) to go on`);
    expect(r.err).toContain('Not confirmed: nothing was changed.');
    expect(writes()).toBe(before);
  });

  it('on a terminal, the typed name goes on (by name, the change is sent by id)', async () => {
    const r = await cli(['disable', ENCRYPTED, '--wait'], {
      terminal: true,
      stdin: `${ENCRYPTED}\n`,
    });
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(
      new RegExp(`disable of ${ENCRYPTED} \\(${DEMO.clusters.encrypted}\\) succeeded`),
    );
  });
});

describe('audit by cluster name and --since', () => {
  it('takes a duration or a date, and says what it takes otherwise', async () => {
    const recent = await cli(['--json', 'audit', '--cluster', ENCRYPTED, '--since', '24h']);
    expect(recent.code, recent.err).toBe(0);
    const entries = (JSON.parse(recent.out) as { entries: { clusterId: string }[] }).entries;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.clusterId === DEMO.clusters.encrypted)).toBe(true);
    const future = await cli(['--json', 'audit', '--since', '2999-01-01']);
    expect(JSON.parse(future.out).entries).toEqual([]);
    for (const bad of ['yesterday', '2026-02-31', '24x']) {
      const r = await cli(['audit', '--since', bad]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--since takes a duration (30m, 24h, 7d) or a date');
    }
  });
});

describe('batch apply asks first; a plan with nothing ready exits 3', () => {
  const planFile = (plan: unknown) => {
    const file = path.join(dataDir, `plan-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(plan));
    return file;
  };

  it('nothing ready: plan and apply exit 3 and do not suggest applying', async () => {
    // The plain cluster is not encrypted: nothing to disable.
    const file = planFile({ action: 'disable', scope: { clusterIds: [DEMO.clusters.happy] } });
    const plan = await cli(['batch', 'plan', '--file', file]);
    expect(plan.code, plan.out + plan.err).toBe(3);
    expect(plan.out).not.toContain('Apply it with');
    expect(plan.out).toContain('there is nothing to apply');
    const apply = await cli(['batch', 'apply', '--file', file, '--yes']);
    expect(apply.code, apply.out + apply.err).toBe(3);
  });

  it('refuses without a terminal and --yes; --dry-run lists the requests; a wrong count stops', async () => {
    const file = planFile({
      action: 'enable',
      keyId: DEMO.keys.valid,
      scope: { clusterIds: [DEMO.clusters.happy] },
    });
    const before = writes();
    const refused = await cli(['batch', 'apply', '--file', file]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('add --yes');

    const dry = await cli(['batch', 'apply', '--file', file, '--dry-run']);
    expect(dry.code, dry.out + dry.err).toBe(0);
    expect(dry.out).toContain(`PUT /clusters/${DEMO.clusters.happy}/kms`);
    expect(dry.out).toContain('Dry run: nothing was sent.');

    const wrong = await cli(['batch', 'apply', '--file', file], { terminal: true, stdin: '2\n' });
    expect(wrong.code, wrong.out + wrong.err).toBe(2);
    expect(wrong.out).toContain('1 ready, 0 skipped.');
    expect(wrong.err).toContain('Type the number of clusters (1) to go on');
    expect(writes()).toBe(before);

    const typed = await cli(['batch', 'apply', '--file', file], { terminal: true, stdin: '1\n' });
    expect(typed.code, typed.out + typed.err).toBe(0);
    expect(writes()).toBe(before + 1);
  });
});

describe('a plan names clusters by id or by name', () => {
  it('scope.clusterIds takes a name; one no cluster has is refused naming the entry', async () => {
    const file = path.join(dataDir, 'plan-by-name.json');
    writeFileSync(file, JSON.stringify({ action: 'disable', scope: { clusterIds: [ENCRYPTED] } }));
    const plan = await cli(['--json', 'batch', 'plan', '--file', file]);
    expect(plan.code, plan.out + plan.err).not.toBe(2);
    const view = JSON.parse(plan.out) as { items: { clusterId: string }[] };
    expect(view.items.map((i) => i.clusterId)).toEqual([DEMO.clusters.encrypted]);

    writeFileSync(
      file,
      JSON.stringify({ action: 'disable', scope: { clusterIds: ['no such one'] } }),
    );
    const unknown = await cli(['batch', 'plan', '--file', file]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(`${file}: scope.clusterIds[0]: No cluster has the id or name`);
  });
});

describe('an ambiguous name', () => {
  it('lists the candidates (name, id, account, region) and exits 2', async () => {
    sim().control.addCluster(DEMO.accounts.retail.id, {
      id: TWIN,
      name: HAPPY,
      regionId: 'cn-hangzhou',
    } as never);
    // A change resolves a name against a fresh listing: the twin created since counts.
    const before = writes();
    const r = await cli(['enable', HAPPY, '--key', DEMO.keys.valid]);
    expect(r.code, r.out + r.err).toBe(2);
    expect(r.err).toContain(`2 clusters are named "${HAPPY}"`);
    for (const id of [DEMO.clusters.happy, TWIN])
      expect(r.err).toMatch(new RegExp(`${HAPPY}\\s+${id}\\s+Retail\\s+cn-hangzhou`));
    expect(writes()).toBe(before);
    const json = await cli(['--json', 'check', HAPPY, '--disable']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out).error.details.candidates).toHaveLength(2);
    // The id still works.
    expect((await cli(['check', TWIN, '--key', DEMO.keys.valid])).code).not.toBe(2);
    // ...and in a plan file: the name is refused with the candidates, nothing is planned.
    const file = path.join(dataDir, 'plan-ambiguous.json');
    writeFileSync(file, JSON.stringify({ action: 'disable', scope: { clusterIds: [HAPPY] } }));
    const plan = await cli(['batch', 'plan', '--file', file]);
    expect(plan.code, plan.out + plan.err).toBe(2);
    expect(plan.err).toContain(`scope.clusterIds[0]: 2 clusters are named "${HAPPY}"`);
    for (const id of [DEMO.clusters.happy, TWIN]) expect(plan.err).toContain(id);
    expect(writes()).toBe(before);
  });
});
