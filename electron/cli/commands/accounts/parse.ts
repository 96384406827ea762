// `ack-secret-guard accounts ...` words into a command. Nothing here reads stdin or calls the
// core; anything off is a UsageError. Secrets are never taken from arguments (other users can
// see them in `ps`): the command only says how many lines of stdin to read, and which.
import type { AccountColour } from '../../../contract';
import { ACCOUNT_COLOURS } from '../../../contract';
import { UsageError, exactlyOne, parseOptions } from '../../args';

export type AccountsCommand =
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

/** Turns the words after `accounts` into a command; throws UsageError on anything off. */
export function parseAccountsArgs(args: string[]): AccountsCommand {
  const [sub, ...rest] = args;
  // `accounts --help` and `help accounts …` never reach here: main.ts answers them first.
  if (sub === undefined) throw new UsageError('accounts needs a subcommand.');
  switch (sub) {
    case 'list': {
      const { positionals } = parseOptions(rest, {});
      if (positionals.length > 0) throw new UsageError('accounts list takes no arguments.');
      return { action: 'list' };
    }
    case 'test':
    case 'remove': {
      const { positionals } = parseOptions(rest, {});
      return { action: sub, name: exactlyOne(positionals, 'account name') };
    }
    case 'add':
      return parseAdd(rest);
    case 'import-aliyun-cli': {
      const { positionals, values } = parseOptions(rest, {
        config: { type: 'string' },
        profile: { type: 'string', multiple: true },
        apply: { type: 'boolean' },
        endpoint: { type: 'string' },
      });
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
  const { positionals, values } = parseOptions(rest, {
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
  if (positionals.length > 0)
    // Not quoted back: a stray word here is often a secret pasted in the wrong place.
    throw new UsageError(
      'accounts add takes options only; secrets go to standard input, never on the command line.',
    );
  // Looked up by option name below (the kind decides which apply).
  const v: Record<string, unknown> = values;
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
