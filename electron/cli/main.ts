// Argument parsing and command dispatch, kept apart from process globals so tests can run it
// in-process with fake streams. What a real command needs (the core, the contract's message
// catalog, the command's own code) is in run-command.ts, loaded once a command is known
// (dynamic import); the dictionary of the language is loaded once text is to be written
// (i18n/load.ts). So `--version` loads neither, `--help` and usage errors only the dictionary.
import { escapeTerminalText } from '../contract/display-text';
import { messageOf } from '../contract/message-of';
import { COMMANDS } from './commands';
import type { CliIo } from './commands/types';
import { EXIT } from './exit-codes';
import type { ExitCode } from './exit-codes';
import { generalUsage, helpFor } from './help';
import { loadCliText } from './i18n/load';
import { cliLanguage } from './lang';
import type { CliLanguage } from './lang';
import { UsageError } from './usage-error';
import { VERSION } from './version';

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
    io.stderr.write(`${messageOf(error)}\n\n${generalUsage(await loadCliText(lang))}`);
    return EXIT.usage;
  }
  const { globals, rest: positionals } = split;
  if (globals.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const t = await loadCliText(lang);
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
  const { runCommand } = await import('./run-command');
  return runCommand({
    entry,
    args: rest,
    dataDir: globals.dataDir,
    json: globals.json,
    io,
    lang,
    t,
  });
}
