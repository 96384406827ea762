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
import { ACCOUNTS_USAGE } from './usage';

function describe(a: Account): string {
  const who = a.identity ? `${a.identity.identityType} ${a.identity.arn}` : 'not checked yet';
  const detail =
    a.kind === 'ram-role' ? a.roleArn : a.kind === 'sts-token' ? `${a.accessKeyId}` : a.accessKeyId;
  const expiry = a.credentialExpiry ? `  expires ${a.credentialExpiry}` : '';
  const regions = a.regions ? a.regions.join(',') : 'all ACK Edge regions';
  return `${a.name}  [${a.kind}, ${a.colour}]  ${detail}\n    identity: ${who}\n    regions:  ${regions}${expiry}${a.network.endpoint ? `\n    endpoint: ${a.network.endpoint}` : ''}${a.network.proxy ? `\n    proxy:    ${a.network.proxy.url}` : ''}`;
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
  else ctx.print(`Added (checked with STS):\n${describe(account)}`);
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
      ctx.print(`Profiles in ${preview.path} (nothing imported; add --apply to import):`);
      for (const p of chosen)
        ctx.print(
          `  ${p.importable ? '+' : '-'} ${p.profile}${p.current ? ' (current)' : ''}  mode ${p.mode}${p.kind ? ` -> ${p.kind} "${p.suggestedName}"` : ''}${p.reason ? `\n      not importable: ${p.reason}` : ''}`,
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
    else ctx.print('No importable profile.');
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
        r.ok
          ? `  imported ${r.profile}: ${r.accounts.map((a) => `"${a.name}"`).join(', ')}`
          : `  failed   ${r.profile}: ${r.error.message}`,
      );
  const failed = applied.results.find((r) => !r.ok);
  if (failed && !failed.ok) {
    ctx.io.stderr.write(`error (${failed.error.code}): some profiles were not imported.\n`);
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
      ctx.io.stderr.write(`${error.message}\n\n${ACCOUNTS_USAGE}\n`);
      return EXIT.usage;
    }
    try {
      switch (cmd.action) {
        case 'help':
          ctx.print(ACCOUNTS_USAGE);
          return EXIT.ok;
        case 'list': {
          const reply = await ctx.core.api['accounts.list']({});
          if (ctx.json) ctx.printJson(reply);
          else if (reply.accounts.length === 0)
            ctx.print('No accounts yet. Add one with "accounts add".');
          else ctx.print(reply.accounts.map(describe).join('\n'));
          return EXIT.ok;
        }
        case 'test': {
          const account = await findAccount(ctx, cmd.name);
          const result = await ctx.core.api['accounts.test']({ id: account.id });
          if (ctx.json) ctx.printJson(result);
          else
            ctx.print(
              `OK: "${result.account.name}" is ${result.identity.identityType} ${result.identity.arn} in account ${result.identity.accountId}.`,
            );
          return EXIT.ok;
        }
        case 'remove': {
          const account = await findAccount(ctx, cmd.name);
          const removed = await ctx.core.api['accounts.remove']({ id: account.id });
          if (ctx.json) ctx.printJson(removed);
          else ctx.print(`Removed "${removed.name}" and its keychain item.`);
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
