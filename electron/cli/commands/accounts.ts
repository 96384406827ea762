// `ack-secret-guard accounts ...`: list, add, test, remove, import-aliyun-cli. Secrets are read
// from standard input only, never from arguments (which other users can see in `ps`).
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { Account, AccountColour, ValidatedInput } from '../../contract';
import { ACCOUNT_COLOURS, GuardError } from '../../contract';
import { EXIT, exitCodeFor } from '../exit-codes';
import type { ExitCode } from '../exit-codes';
import type { CommandContext, CommandSpec } from './types';
import { messageOf } from '../../contract';

export const ACCOUNTS_USAGE = `Usage:
  ack-secret-guard accounts list
  ack-secret-guard accounts test NAME
  ack-secret-guard accounts remove NAME
  ack-secret-guard accounts add --name NAME --type access-key --access-key-id ID --secret-stdin
        [--regions r1,r2,...] [--endpoint URL] [--proxy URL [--proxy-password-stdin]]
        [--ca-bundle PATH] [--colour COLOUR]
  ack-secret-guard accounts add --name NAME --type sts-token --access-key-id ID
        --expiration ISO8601 --secret-stdin          (stdin: secret, then security token)
  ack-secret-guard accounts add --name NAME --type ram-role --source-account NAME --role-arn ARN
        [--session-name S] [--duration SECONDS] [--external-id X] [--regions ...]
  ack-secret-guard accounts import-aliyun-cli [--config FILE] [--profile P ...] [--apply]
        [--endpoint URL]                             (endpoint for every imported account)

Secrets come from standard input, one per line, never from arguments. A proxy password too:
give the proxy URL without it and add --proxy-password-stdin (its line comes last).
Without --regions an account covers every region where ACK Edge is offered.
Colours: ${ACCOUNT_COLOURS.join(', ')}.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export type AccountsCommand =
  | { action: 'help' }
  | { action: 'list' }
  | { action: 'test'; name: string }
  | { action: 'remove'; name: string }
  | {
      action: 'add';
      kind: 'access-key' | 'sts-token' | 'ram-role';
      name: string;
      accessKeyId?: string;
      expiration?: string;
      sourceAccount?: string;
      roleArn?: string;
      sessionName?: string;
      durationSeconds?: number;
      externalId?: string;
      regions?: string[];
      endpoint?: string;
      proxy?: string;
      caBundlePath?: string;
      colour?: AccountColour;
      /** How many lines to read from stdin, in order. */
      stdinLines: ('accessKeySecret' | 'securityToken' | 'proxyPassword')[];
    }
  | { action: 'import'; config?: string; profiles: string[]; apply: boolean; endpoint?: string };

function strict(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node's messages name the option, never a value.
    throw new UsageError(messageOf(error));
  }
}

function one(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`Give exactly one ${what}.`);
  return positionals[0]!;
}

const help = { help: { type: 'boolean', short: 'h' } } as const;

/** Turns the words after `accounts` into a command; throws UsageError on anything off. */
export function parseAccountsArgs(args: string[]): AccountsCommand {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help')
    return { action: 'help' };
  switch (sub) {
    case 'list': {
      const { positionals, values } = strict(rest, help);
      if (values.help) return { action: 'help' };
      if (positionals.length > 0) throw new UsageError('accounts list takes no arguments.');
      return { action: 'list' };
    }
    case 'test':
    case 'remove': {
      const { positionals, values } = strict(rest, help);
      if (values.help) return { action: 'help' };
      return { action: sub, name: one(positionals, 'account name') };
    }
    case 'add':
      return parseAdd(rest);
    case 'import-aliyun-cli': {
      const { positionals, values } = strict(rest, {
        ...help,
        config: { type: 'string' },
        profile: { type: 'string', multiple: true },
        apply: { type: 'boolean' },
        endpoint: { type: 'string' },
      });
      if (values.help) return { action: 'help' };
      if (positionals.length > 0)
        throw new UsageError(
          'import-aliyun-cli takes options only; name profiles with --profile P.',
        );
      return {
        action: 'import',
        ...(typeof values.config === 'string' ? { config: values.config } : {}),
        profiles: (values.profile as string[] | undefined) ?? [],
        apply: values.apply === true,
        ...(typeof values.endpoint === 'string' ? { endpoint: values.endpoint } : {}),
      };
    }
    default:
      throw new UsageError(`Unknown accounts subcommand "${sub}".`);
  }
}

function parseAdd(rest: string[]): AccountsCommand {
  const { positionals, values: v } = strict(rest, {
    ...help,
    name: { type: 'string' },
    type: { type: 'string' },
    'access-key-id': { type: 'string' },
    'secret-stdin': { type: 'boolean' },
    expiration: { type: 'string' },
    'source-account': { type: 'string' },
    'role-arn': { type: 'string' },
    'session-name': { type: 'string' },
    duration: { type: 'string' },
    'external-id': { type: 'string' },
    regions: { type: 'string' },
    endpoint: { type: 'string' },
    proxy: { type: 'string' },
    'proxy-password-stdin': { type: 'boolean' },
    'ca-bundle': { type: 'string' },
    colour: { type: 'string' },
    color: { type: 'string' },
  });
  if (v.help) return { action: 'help' };
  if (positionals.length > 0)
    // Not quoted back: a stray word here is often a secret pasted in the wrong place.
    throw new UsageError(
      'accounts add takes options only; secrets go to standard input, never on the command line.',
    );
  const str = (key: string): string | undefined =>
    typeof v[key] === 'string' ? (v[key] as string) : undefined;
  const name = str('name');
  if (!name) throw new UsageError('--name is required.');
  const kind = str('type');
  if (kind !== 'access-key' && kind !== 'sts-token' && kind !== 'ram-role')
    throw new UsageError('--type must be access-key, sts-token or ram-role.');

  const allowed: Record<typeof kind, string[]> = {
    'access-key': ['access-key-id', 'secret-stdin'],
    'sts-token': ['access-key-id', 'secret-stdin', 'expiration'],
    'ram-role': ['source-account', 'role-arn', 'session-name', 'duration', 'external-id'],
  };
  const kindOptions = [
    'access-key-id',
    'secret-stdin',
    'expiration',
    'source-account',
    'role-arn',
    'session-name',
    'duration',
    'external-id',
  ];
  for (const option of kindOptions) {
    if (v[option] !== undefined && !allowed[kind].includes(option))
      throw new UsageError(`--${option} does not apply to --type ${kind}.`);
  }
  const need = (option: string): string => {
    const value = str(option);
    if (value === undefined || value === '')
      throw new UsageError(`--${option} is required for --type ${kind}.`);
    return value;
  };

  const proxy = str('proxy');
  if (proxy !== undefined) {
    let hasPassword = false;
    try {
      hasPassword = new URL(proxy).password !== '';
    } catch {
      // Not a URL: the core says so with the field name.
    }
    if (hasPassword)
      throw new UsageError(
        'Do not put the proxy password in --proxy (other users can see arguments). Give the URL without it and use --proxy-password-stdin.',
      );
  }
  if (v['proxy-password-stdin'] && proxy === undefined)
    throw new UsageError('--proxy-password-stdin needs --proxy.');

  const colourRaw = str('colour') ?? str('color');
  if (colourRaw !== undefined && !(ACCOUNT_COLOURS as readonly string[]).includes(colourRaw))
    throw new UsageError(`--colour must be one of ${ACCOUNT_COLOURS.join(', ')}.`);

  let durationSeconds: number | undefined;
  const duration = str('duration');
  if (duration !== undefined) {
    if (!/^\d+$/.test(duration)) throw new UsageError('--duration is a number of seconds.');
    durationSeconds = Number(duration);
  }

  const regionsRaw = str('regions');
  const regions =
    regionsRaw === undefined
      ? undefined
      : regionsRaw
          .split(',')
          .map((r) => r.trim())
          .filter((r) => r !== '');
  if (regions !== undefined && regions.length === 0)
    throw new UsageError('--regions needs at least one region (leave it out for all regions).');

  const stdinLines: ('accessKeySecret' | 'securityToken' | 'proxyPassword')[] = [];
  if (kind !== 'ram-role') {
    if (!v['secret-stdin'])
      throw new UsageError(
        `--secret-stdin is required for --type ${kind}: the secret is read from standard input, never from an argument.`,
      );
    stdinLines.push('accessKeySecret');
    if (kind === 'sts-token') stdinLines.push('securityToken');
  }
  if (v['proxy-password-stdin']) stdinLines.push('proxyPassword');

  return {
    action: 'add',
    kind,
    name,
    ...(kind !== 'ram-role' ? { accessKeyId: need('access-key-id') } : {}),
    ...(kind === 'sts-token' ? { expiration: need('expiration') } : {}),
    ...(kind === 'ram-role'
      ? {
          sourceAccount: need('source-account'),
          roleArn: need('role-arn'),
          ...(str('session-name') !== undefined ? { sessionName: str('session-name') } : {}),
          ...(durationSeconds !== undefined ? { durationSeconds } : {}),
          ...(str('external-id') !== undefined ? { externalId: str('external-id') } : {}),
        }
      : {}),
    ...(regions !== undefined ? { regions } : {}),
    ...(str('endpoint') !== undefined ? { endpoint: str('endpoint') } : {}),
    ...(proxy !== undefined ? { proxy } : {}),
    ...(str('ca-bundle') !== undefined ? { caBundlePath: str('ca-bundle') } : {}),
    ...(colourRaw !== undefined ? { colour: colourRaw as AccountColour } : {}),
    stdinLines,
  };
}

/** Reads all of stdin and returns its lines (CR LF tolerated, trailing empty line dropped). */
export async function readStdinLines(stream: NodeJS.ReadableStream | undefined): Promise<string[]> {
  // index.ts passes no stdin today; the process's own is the right one for the real CLI.
  const input = stream ?? process.stdin;
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  const lines = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

async function findAccount(ctx: CommandContext, nameOrId: string): Promise<Account> {
  const { accounts } = await ctx.core.api['accounts.list']({});
  const found =
    accounts.find((a) => a.id === nameOrId) ??
    accounts.find((a) => a.name.toLowerCase() === nameOrId.toLowerCase());
  if (!found) throw new GuardError('not-found', `There is no account named "${nameOrId}".`);
  return found;
}

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
