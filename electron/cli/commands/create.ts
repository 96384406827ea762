// clusters create --file SPEC.json [--dry-run] [--wait] [--yes] [--json]: a new ACK Edge Pro
// cluster with Secret encryption. The preflight always runs first; --dry-run prints it with the
// exact body, the Terraform block and the aliyun CLI command, and sends nothing. A real create
// asks for the cluster name to be typed on a terminal, or needs --yes.
import { createInterface } from 'node:readline';
import type { ClusterSpecInput, CreatePreflight, CreationView, MessageLang } from '../../contract';
import { GuardError, checkFixText, checkSummaryText } from '../../contract';
import { clusterSpecInputSchema } from '../../contract/provision-spec';
import { parseOptions, readJsonFile, UsageError } from '../args';
import { EXIT } from '../exit-codes';
import type { ExitCode } from '../exit-codes';
import type { CommandContext, CommandSpec } from './types';

const USAGE = `Usage: ack-secret-guard clusters create --file SPEC.json [--dry-run] [--wait] [--yes] [--json]
  SPEC.json: {"account": "NAME", "regionId": "cn-hangzhou", "name": "edge-site-1",
              "keyId": "key-…", "vpcId": "vpc-…", "vswitchIds": ["vsw-…"],
              "containerCidr": "172.20.0.0/16", "serviceCidr": "192.168.0.0/16"}
             optional: kubernetesVersion, securityGroupId, endpointPublicAccess (false),
             snatEntry (true), enterpriseSecurityGroup (true), deletionProtection (true);
             omitted CIDRs are chosen clear of the VPC, the version is the newest offered.
  --dry-run  check and print the request (body, Terraform, aliyun CLI); send nothing
  --wait     follow the creation to running and the ActionTrail proof
  --yes      create without typing the cluster name (needed without a terminal)
Exit codes: 0 created (or dry run ready), 1 failed / timed out / key not applied,
  2 usage or bad spec, 3 preflight not ready, 4 the cloud refused.
`;

const MARK: Record<string, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  warn: 'WARN',
  unknown: '????',
  manual: 'HAND',
};

/** Reads and checks SPEC.json; every problem names the field and what is wrong. */
export function readSpecFile(file: string): Promise<ClusterSpecInput> {
  return readJsonFile(file, clusterSpecInputSchema, 'spec');
}

function printPreflight(ctx: CommandContext, p: CreatePreflight, lang: MessageLang = 'en'): void {
  ctx.print(
    `create ${p.spec.name} in ${p.spec.regionId} (${p.accountName}) with ${p.keyId}: ${p.ready ? 'ready' : 'NOT ready'}`,
  );
  for (const c of p.checks) {
    ctx.print(`  [${MARK[c.status]}] ${c.id.padEnd(24)} ${checkSummaryText(c, lang)}`);
    if (c.status !== 'pass' && c.fix)
      ctx.print(
        `         fix: ${checkFixText(c, lang)}${c.fix.consoleUrl ? ` (${c.fix.consoleUrl})` : ''}`,
      );
  }
}

function printRequest(ctx: CommandContext, p: CreatePreflight): void {
  ctx.print('\nRequest body (CS CreateCluster, POST /clusters):');
  ctx.print(JSON.stringify(p.request.body, null, 2));
  ctx.print('\nTerraform:');
  ctx.print(p.request.terraform);
  ctx.print('aliyun CLI:');
  ctx.print(p.request.aliyunCli);
}

function line(v: CreationView): string {
  return [
    new Date().toISOString(),
    `create ${v.name}${v.clusterId ? ` (${v.clusterId})` : ''}`,
    v.phase === 'ended' ? `ended: ${v.outcome}` : v.phase,
    v.clusterState ? `cluster ${v.clusterState}` : '',
    v.taskStage && v.phase !== 'ended' ? `stage ${v.taskStage}` : '',
    v.proof && v.phase !== 'creating' ? `proof ${v.proof.status}` : '',
    v.note ?? '',
    v.error && v.phase === 'ended' ? v.error.message : '',
    v.fallbackAfter
      ? `enable after ${v.fallbackAfter}: ack-secret-guard enable ${v.clusterId} --key ${v.keyId}`
      : '',
  ]
    .filter((p) => p !== '')
    .join('  ');
}

const exitFor = (v: CreationView): ExitCode =>
  v.phase !== 'ended' || v.outcome === 'verified' || v.outcome === 'encrypted'
    ? EXIT.ok
    : EXIT.failure;

/** Asks for the cluster name on the terminal; resolves true when it was typed exactly. */
async function typedName(ctx: CommandContext, name: string): Promise<boolean> {
  const rl = createInterface({ input: ctx.io.stdin!, output: ctx.io.stderr });
  try {
    const answer = await new Promise<string>((resolve) =>
      rl.question(`Type the cluster name (${name}) to create it: `, resolve),
    );
    return answer.trim() === name;
  } finally {
    rl.close();
  }
}

export const createCommand: CommandSpec = {
  name: 'clusters create',
  async run(ctx) {
    const { values, positionals } = parseOptions(ctx.args, {
      file: { type: 'string' },
      'dry-run': { type: 'boolean' },
      wait: { type: 'boolean' },
      yes: { type: 'boolean' },
      help: { type: 'boolean' },
    });
    if (positionals.length > 0)
      throw new UsageError(
        `clusters create takes no arguments besides its options: ${positionals.join(' ')}`,
      );
    if (values.help || !values.file) {
      (values.help ? ctx.io.stdout : ctx.io.stderr).write(USAGE);
      return values.help ? EXIT.ok : EXIT.usage;
    }
    const spec = await readSpecFile(values.file);
    const preflight = await ctx.core.api['clusters.createPreflight']({ spec });
    if (values['dry-run']) {
      if (ctx.json) ctx.printJson({ dryRun: true, sent: false, ...preflight });
      else {
        printPreflight(ctx, preflight);
        printRequest(ctx, preflight);
        ctx.print('\nDry run: nothing was sent.');
      }
      return preflight.ready ? EXIT.ok : EXIT.notReady;
    }
    if (!preflight.ready) {
      if (ctx.json) ctx.printJson(preflight);
      else printPreflight(ctx, preflight);
      return EXIT.notReady;
    }
    if (!values.yes) {
      const terminal = (ctx.io.stdin as { isTTY?: boolean } | undefined)?.isTTY === true;
      if (!terminal) {
        throw new GuardError(
          'validation',
          'Refusing to create a cluster without confirmation: run it on a terminal to type the cluster name, or pass --yes.',
        );
      }
      if (!ctx.json) printPreflight(ctx, preflight);
      if (!(await typedName(ctx, preflight.spec.name))) {
        ctx.io.stderr.write('The name did not match; nothing was created.\n');
        return EXIT.usage;
      }
    }
    // The spec as checked (with its defaults), so the cloud gets what was shown.
    const checked = { ...preflight.spec, account: preflight.accountId };
    const started = await ctx.core.api['clusters.create']({
      spec: checked,
      confirmName: preflight.spec.name,
    });
    if (!values.wait) {
      if (ctx.json) ctx.printJson(started);
      else ctx.print(line(started));
      return EXIT.ok;
    }
    const show = (v: CreationView) =>
      ctx.json ? ctx.io.stdout.write(`${JSON.stringify(v)}\n`) : ctx.print(line(v));
    let last = '';
    const unsubscribe = ctx.core.events.on('creation.progress', (v) => {
      if (v.creationId !== started.creationId) return;
      const key = `${v.phase}|${v.clusterState}|${v.taskStage}|${v.proof?.status}|${v.note}|${v.outcome}`;
      if (key !== last) show(v);
      last = key;
    });
    try {
      show(started);
      const final = await ctx.core.provision.waitFor(started.creationId);
      if (!last.endsWith(`|${String(final.outcome)}`)) show(final);
      return exitFor(final);
    } finally {
      unsubscribe();
    }
  },
};
