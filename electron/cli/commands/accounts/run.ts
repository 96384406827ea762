// `ack-secret-guard accounts ...`: list, add, test, remove, import-aliyun-cli. Parsing is
// parse.ts, the usage text usage.ts; this runs a parsed command against the core.
import type { Account, ValidatedInput } from '../../../contract';
import { GuardError } from '../../../contract';
import { UsageError, findAccount, readStdinLines } from '../../args';
import { EXIT, exitCodeFor } from '../../exit-codes';
import type { ExitCode } from '../../exit-codes';
import type { CommandSpec } from '../types';
import type { CommandContext } from '../types';
import { parseAccountsArgs } from './parse';
import type { AccountsCommand } from './parse';
import { helpFor } from '../../help';
import { displayWidth } from '../../lookup';
import type { CliText } from '../../i18n';
import { localTime } from '../../time-text';

function describe(t: CliText, a: Account): string {
  const w = t.accounts;
  const who = a.identity ? `${a.identity.identityType} ${a.identity.arn}` : w.notChecked;
  const detail = a.kind === 'ram-role' ? a.roleArn : a.accessKeyId;
  const expiry = a.credentialExpiry ? `  ${w.expires(localTime(a.credentialExpiry))}` : '';
  const regions = a.regions ? a.regions.join(',') : w.allRegions;
  // Labels padded into a column (identity:, regions:, endpoint:, proxy:).
  const label = (word: string) => `    ${word}:${' '.repeat(Math.max(1, 9 - displayWidth(word)))}`;
  const lines = [
    `${a.name}  [${w.kind[a.kind] ?? a.kind}, ${w.colour[a.colour] ?? a.colour}]  ${detail}`,
    `${label(w.identity)}${who}`,
    `${label(w.regions)}${regions}${expiry}`,
  ];
  if (a.network.endpoint) lines.push(`${label(w.endpoint)}${a.network.endpoint}`);
  if (a.network.proxy) lines.push(`${label(w.proxy)}${a.network.proxy.url}`);
  return lines.join('\n');
}

async function runAdd(
  ctx: CommandContext,
  cmd: Extract<AccountsCommand, { action: 'add' }>,
): Promise<ExitCode> {
  const lines = cmd.stdinLines.length > 0 ? await readStdinLines(ctx.io.stdin) : [];
  const secret: Partial<Record<(typeof cmd.stdinLines)[number], string>> = {};
  for (const [i, field] of cmd.stdinLines.entries()) {
    const line = lines[i];
    if (line === undefined || line === '') {
      const what = {
        accessKeySecret: 'the AccessKey secret',
        securityToken: 'the security token',
        proxyPassword: 'the proxy password',
      }[field];
      throw new UsageError(
        `Standard input line ${i + 1} should hold ${what}, but it is empty or missing.`,
      );
    }
    secret[field] = line;
  }
  let proxy = cmd.proxy;
  if (proxy !== undefined && secret.proxyPassword !== undefined) {
    try {
      const url = new URL(proxy);
      url.password = encodeURIComponent(secret.proxyPassword);
      proxy = url.toString();
    } catch {
      // leave it: the core reports the bad URL
    }
  }
  const common = {
    name: cmd.name,
    ...(cmd.colour ? { colour: cmd.colour } : {}),
    ...(cmd.regions ? { regions: cmd.regions } : {}),
    ...(cmd.endpoint !== undefined || proxy !== undefined || cmd.caBundlePath !== undefined
      ? {
          network: {
            ...(cmd.endpoint !== undefined ? { endpoint: cmd.endpoint } : {}),
            ...(proxy !== undefined ? { proxy } : {}),
            ...(cmd.caBundlePath !== undefined ? { caBundlePath: cmd.caBundlePath } : {}),
          },
        }
      : {}),
  };
  let input: ValidatedInput<'accounts.add'>;
  if (cmd.kind === 'ram-role') {
    const source = await findAccount(ctx, cmd.sourceAccount!);
    input = {
      kind: 'ram-role',
      ...common,
      sourceAccountId: source.id,
      roleArn: cmd.roleArn!,
      ...(cmd.sessionName !== undefined ? { sessionName: cmd.sessionName } : {}),
      ...(cmd.durationSeconds !== undefined ? { durationSeconds: cmd.durationSeconds } : {}),
      ...(cmd.externalId !== undefined ? { externalId: cmd.externalId } : {}),
    };
  } else if (cmd.kind === 'sts-token') {
    input = {
      kind: 'sts-token',
      ...common,
      accessKeyId: cmd.accessKeyId!,
      accessKeySecret: secret.accessKeySecret!,
      securityToken: secret.securityToken!,
      expiration: cmd.expiration!,
    };
  } else {
    input = {
      kind: 'access-key',
      ...common,
      accessKeyId: cmd.accessKeyId!,
      accessKeySecret: secret.accessKeySecret!,
    };
  }
  const { account } = await ctx.core.api['accounts.add'](input);
  if (ctx.json) ctx.printJson({ account });
  else ctx.print(`${ctx.t.accounts.added}\n${describe(ctx.t, account)}`);
  return EXIT.ok;
}

async function runImport(
  ctx: CommandContext,
  cmd: Extract<AccountsCommand, { action: 'import' }>,
): Promise<ExitCode> {
  const path = cmd.config !== undefined ? { path: cmd.config } : {};
  const preview = await ctx.core.api['accounts.importCli.preview'](path);
  const unknown = cmd.profiles.filter((p) => !preview.profiles.some((x) => x.profile === p));
  if (unknown.length > 0)
    throw new GuardError(
      'not-found',
      `${preview.path} has no profile ${unknown.map((p) => `"${p}"`).join(', ')}.`,
    );
  const chosen = preview.profiles.filter(
    (p) => cmd.profiles.length === 0 || cmd.profiles.includes(p.profile),
  );
  if (!cmd.apply) {
    if (ctx.json) ctx.printJson({ ...preview, profiles: chosen });
    else {
      const w = ctx.t.accounts;
      ctx.print(w.preview(preview.path));
      for (const p of chosen)
        ctx.print(
          `  ${p.importable ? '+' : '-'} ${p.profile}${p.current ? ` (${w.current})` : ''}  ${w.mode(p.mode)}${p.kind ? ` -> ${w.kind[p.kind] ?? p.kind} "${p.suggestedName}"` : ''}${p.reason ? `\n      ${w.notImportable(p.reason)}` : ''}`,
        );
    }
    return EXIT.ok;
  }
  // Without --profile, --apply imports what can be imported; a named profile is tried anyway
  // so its reason is reported as an error.
  const selections = (cmd.profiles.length > 0 ? chosen : chosen.filter((p) => p.importable)).map(
    (p) => ({ profile: p.profile }),
  );
  if (selections.length === 0) {
    if (ctx.json) ctx.printJson({ path: preview.path, results: [] });
    else ctx.print(ctx.t.accounts.noneImportable);
    return EXIT.ok;
  }
  const applied = await ctx.core.api['accounts.importCli.apply']({
    ...path,
    selections,
    ...(cmd.endpoint !== undefined ? { network: { endpoint: cmd.endpoint } } : {}),
  });
  if (ctx.json) ctx.printJson(applied);
  else
    for (const r of applied.results)
      ctx.print(
        `  ${
          r.ok
            ? ctx.t.accounts.imported(r.profile, r.accounts.map((a) => `"${a.name}"`).join(', '))
            : ctx.t.accounts.importFailed(r.profile, r.error.message)
        }`,
      );
  const failed = applied.results.find((r) => !r.ok);
  if (failed && !failed.ok) {
    ctx.io.stderr.write(`error (${failed.error.code}): ${ctx.t.accounts.someFailed}\n`);
    return exitCodeFor(failed.error);
  }
  return EXIT.ok;
}

export const accountsCommand: CommandSpec = {
  name: 'accounts',
  async run(ctx) {
    let cmd: AccountsCommand;
    try {
      cmd = parseAccountsArgs(ctx.args);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      // The page of the subcommand named (or of `accounts`), in the user's language.
      ctx.io.stderr.write(`${error.message}\n\n${helpFor(ctx.t, ['accounts', ctx.args[0] ?? ''])}`);
      return EXIT.usage;
    }
    try {
      switch (cmd.action) {
        case 'list': {
          const reply = await ctx.core.api['accounts.list']({});
          if (ctx.json) ctx.printJson(reply);
          else if (reply.accounts.length === 0) ctx.print(ctx.t.accounts.none);
          else ctx.print(reply.accounts.map((a) => describe(ctx.t, a)).join('\n'));
          return EXIT.ok;
        }
        case 'test': {
          const account = await findAccount(ctx, cmd.name);
          const result = await ctx.core.api['accounts.test']({ id: account.id });
          if (ctx.json) ctx.printJson(result);
          else
            ctx.print(
              ctx.t.accounts.tested(
                result.account.name,
                result.identity.identityType,
                result.identity.arn,
                result.identity.accountId,
              ),
            );
          return EXIT.ok;
        }
        case 'remove': {
          const account = await findAccount(ctx, cmd.name);
          const removed = await ctx.core.api['accounts.remove']({ id: account.id });
          if (ctx.json) ctx.printJson(removed);
          else ctx.print(ctx.t.accounts.removed(removed.name));
          return EXIT.ok;
        }
        case 'add':
          return await runAdd(ctx, cmd);
        case 'import':
          return await runImport(ctx, cmd);
      }
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      ctx.io.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
  },
};
