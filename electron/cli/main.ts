// Argument parsing and command dispatch, kept apart from process globals so tests can run it
// in-process with fake streams. The core and the command's own code are loaded once a command
// is known (dynamic import): `--version`, `--help` and usage errors load neither.
import path from 'node:path';
import { GuardError, escapeTerminalText, formatMessage, wordedText } from '../contract';
import { createFileLogger } from '../core/log/file-log';
import { redactText } from '../core/log/redact';
import { dataDirProblem, resolveDataDir } from '../core/paths';
import { UsageError } from './args';
import { COMMANDS } from './commands';
import type { CliIo } from './commands/types';
import { EXIT, exitCodeFor } from './exit-codes';
import type { ExitCode } from './exit-codes';
import { generalUsage, helpFor } from './help';
import { cliText } from './i18n';
import { cliLanguage } from './lang';
import type { CliLanguage } from './lang';
import { VERSION } from './version';
import { messageOf } from '../contract';

export type { CliIo };

interface GlobalOptions {
  dataDir?: string;
  json: boolean;
  help: boolean;
  version: boolean;
}

/**
 * Takes the global options out of argv wherever they stand (`ack-secret-guard accounts list
 * --json` and `ack-secret-guard --json accounts list` both work) and leaves the rest, in order,
 * for the command: its name first, then its own options, which it parses strictly.
 */
export function splitGlobalOptions(argv: string[]): { globals: GlobalOptions; rest: string[] } {
  const globals: GlobalOptions = { json: false, help: false, version: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--json') globals.json = true;
    else if (arg === '--help' || arg === '-h') globals.help = true;
    else if (arg === '--version') globals.version = true;
    else if (arg === '--lang')
      i += 1; // cli/lang.ts reads it (and checks its value)
    else if (arg.startsWith('--lang=')) continue;
    else if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError('--data-dir needs a folder.');
      globals.dataDir = value;
      i += 1;
    } else if (arg.startsWith('--data-dir=')) globals.dataDir = arg.slice('--data-dir='.length);
    else rest.push(arg);
  }
  return { globals, rest };
}

/**
 * The stream with every write passed through escapeTerminalText: whatever a command prints
 * (cluster names, cloud error messages, file contents), no terminal escape, carriage return or
 * bidi control reaches the terminal. JSON output stays valid JSON with the same values.
 */
export function displaySafe(stream: NodeJS.WritableStream): NodeJS.WritableStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean =>
    (stream.write as (...args: unknown[]) => boolean)(
      typeof chunk === 'string' || chunk instanceof Uint8Array
        ? escapeTerminalText(
            typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'),
          )
        : chunk,
      ...rest,
    );
  return new Proxy(stream, {
    get(target, property, receiver) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

export async function main(argv: string[], rawIo: CliIo): Promise<ExitCode> {
  const io: CliIo = {
    ...rawIo,
    stdout: displaySafe(rawIo.stdout),
    stderr: displaySafe(rawIo.stderr),
  };
  let split: ReturnType<typeof splitGlobalOptions>;
  let lang: CliLanguage = 'en';
  try {
    lang = cliLanguage(argv, io.env);
    split = splitGlobalOptions(argv);
  } catch (error) {
    io.stderr.write(`${messageOf(error)}\n\n${generalUsage(cliText(lang))}`);
    return EXIT.usage;
  }
  const t = cliText(lang);
  const { globals, rest: positionals } = split;
  if (globals.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const [name, ...rest] = positionals;
  if (!name) {
    (globals.help ? io.stdout : io.stderr).write(generalUsage(t));
    return globals.help ? EXIT.ok : EXIT.usage;
  }
  // Help is answered here, before any command, core or SDK is loaded: `help CMD [SUB]`,
  // `CMD --help`, `CMD SUB --help`.
  if (name === 'help' || globals.help) {
    const words = name === 'help' ? rest : [name, ...rest];
    if (words.length === 0) {
      io.stdout.write(generalUsage(t));
      return EXIT.ok;
    }
    const text = helpFor(t, words);
    if (text !== null) {
      io.stdout.write(text);
      return EXIT.ok;
    }
    io.stderr.write(`${t.errors.unknownCommand(words.join(' '))}\n\n${generalUsage(t)}`);
    return EXIT.usage;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`${t.errors.unknownCommand(name)}\n\n${generalUsage(t)}`);
    return EXIT.usage;
  }

  const dataDir = resolveDataDir(globals.dataDir, io.env);
  const folderProblem = dataDirProblem(dataDir);
  if (folderProblem?.severity === 'refuse') {
    io.stderr.write(`${t.errors.line('storage', formatMessage(folderProblem.msg, lang))}\n`);
    return EXIT.failure;
  }
  if (folderProblem)
    io.stderr.write(`${t.errors.warning(formatMessage(folderProblem.msg, lang))}\n`);
  // The CLI keeps its own log beside the app's (<dataDir>/logs/cli.log): what went wrong
  // unexpectedly is written there, redacted, and the error message says where.
  const log = createFileLogger({ dir: path.join(dataDir, 'logs'), name: 'cli' });
  const [command, { createCore }, { validatedApi }] = await Promise.all([
    entry.load(),
    import('../core/service'),
    import('../core/validated-api'),
  ]);
  const core = createCore({ dataDir, version: VERSION, env: io.env });
  // What the core tells the window (the audit log unwritable, a batch's unexpected error) the
  // CLI says on stderr, in its language.
  const stopNotices = core.events.on('app.notice', (notice) =>
    io.stderr.write(`${t.errors.warning(wordedText(notice, lang))}\n`),
  );
  const json = globals.json;
  const unexpected = (what: string, error: unknown) =>
    log.error(`unexpected error in ${what} (ack-secret-guard ${name})`, error);
  try {
    return await command.run({
      // Commands get the same input validation as the window gets over IPC.
      core: { ...core, api: validatedApi(core.api, unexpected) },
      json,
      args: rest,
      io,
      lang,
      t,
      print: (text) => io.stdout.write(`${text}\n`),
      printJson: (value) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    });
  } catch (thrown) {
    // A command's usage problem reads like any invalid input: `error (validation): …`, exit 2.
    const error =
      thrown instanceof UsageError ? new GuardError('validation', thrown.message) : thrown;
    if (error instanceof GuardError) {
      const contract = error.toContract();
      // The generic text says "the log file": this one is the CLI's own.
      // The generic text says "the log file": this one is the CLI's own.
      const ownLog = (text: string) =>
        `${text.replace(/ ?(The log file has the details\.|详情见日志文件。)$/, '')} ${t.errors.detailsIn(log.file)}`;
      if (contract.code === 'internal') contract.message = ownLog(contract.message);
      // --json keeps the code, the English message and the msg; stderr is in the language.
      if (json) io.stdout.write(`${JSON.stringify({ error: contract }, null, 2)}\n`);
      const text = wordedText(contract, lang);
      const said = contract.code === 'internal' && contract.msg ? ownLog(text) : text;
      io.stderr.write(`${t.errors.line(contract.code, said)}\n`);
      return exitCodeFor(contract);
    }
    unexpected(name, error);
    const message = redactText(messageOf(error));
    io.stderr.write(`error: ${message}\n${t.errors.detailsIn(log.file)}\n`);
    return EXIT.failure;
  } finally {
    stopNotices();
    await core.dispose();
  }
}
