// Argument parsing and command dispatch, kept apart from process globals so tests can run it
// in-process with fake streams.
import { parseArgs } from 'node:util';
import type { ContractError } from '../contract';
import { GuardError } from '../contract';
import { resolveDataDir } from '../core/paths';
import { createCore } from '../core/service';
import type { Core } from '../core/service';
import { EXIT } from './exit-codes';
import type { ExitCode } from './exit-codes';
import { VERSION } from './version';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  stdin?: NodeJS.ReadableStream;
}

export interface CommandContext {
  core: Core;
  json: boolean;
  args: string[];
  io: CliIo;
  print(text: string): void;
  printJson(value: unknown): void;
}

export type Command = (ctx: CommandContext) => Promise<ExitCode>;

const USAGE = `Usage: ack-secret-guard [--data-dir DIR] [--json] <command>

Commands:
  info            show the app version, data folder and secret store

Global options:
  --data-dir DIR  where accounts and snapshots live (default: the desktop app's folder;
                  also ACK_SG_DATA_DIR)
  --json          machine-readable output
  --help          this text
  --version       the version

Exit codes: 0 success, 1 failure, 2 usage or invalid input, 3 checklist not ready,
            4 cloud or credential error.
`;

const commands: Record<string, Command> = {
  async info(ctx) {
    const info = await ctx.core.api['app.info']({});
    if (ctx.json) ctx.printJson(info);
    else
      ctx.print(
        [
          `${info.name} ${info.version} (${info.platform}/${info.arch})`,
          `data folder:  ${info.dataDir}`,
          `secret store: ${info.secretStore}`,
        ].join('\n'),
      );
    return EXIT.ok;
  },
};

/** Maps a contract error code to the exit code scripts rely on. */
export function exitCodeFor(error: ContractError): ExitCode {
  switch (error.code) {
    case 'validation':
    case 'unknown-operation':
    case 'not-found':
    case 'conflict':
      return EXIT.usage;
    case 'checklist-not-ready':
      return EXIT.notReady;
    case 'cloud':
    case 'keychain':
      return EXIT.cloud;
    default:
      return EXIT.failure;
  }
}

export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        version: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: false,
    });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const [name, ...rest] = positionals;
  if (values.help || !name) {
    (values.help ? io.stdout : io.stderr).write(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`Unknown command: ${name}\n\n${USAGE}`);
    return EXIT.usage;
  }

  const dataDirArg = values['data-dir'];
  const core = createCore({
    dataDir: resolveDataDir(typeof dataDirArg === 'string' ? dataDirArg : undefined, io.env),
    version: VERSION,
  });
  const json = values.json === true;
  try {
    return await command({
      core,
      json,
      args: rest,
      io,
      print: (text) => io.stdout.write(`${text}\n`),
      printJson: (value) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    });
  } catch (error) {
    if (error instanceof GuardError) {
      const contract = error.toContract();
      if (json) io.stdout.write(`${JSON.stringify({ error: contract }, null, 2)}\n`);
      io.stderr.write(`error (${contract.code}): ${contract.message}\n`);
      return exitCodeFor(contract);
    }
    io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  } finally {
    await core.dispose();
  }
}
