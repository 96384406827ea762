// A real command's run, once cli/main.ts has found it: the data folder, the CLI's log, the core
// and the command's own code, and how its errors are said. Loaded by main.ts only then, so that
// `--version`, `--help` and usage errors load none of it (nor the contract's message catalog).
import path from 'node:path';
import { GuardError, formatMessage, messageOf, wordedText } from '../contract';
import { createFileLogger } from '../core/log/file-log';
import { redactText } from '../core/log/redact';
import { dataDirProblem, resolveDataDir } from '../core/paths';
import { UsageError } from './usage-error';
import type { CommandEntry } from './commands';
import type { CliIo } from './commands/types';
import { EXIT, exitCodeFor } from './exit-codes';
import type { ExitCode } from './exit-codes';
import type { CliText } from './i18n';
import type { CliLanguage } from './lang';
import { VERSION } from './version';

export interface CommandRun {
  entry: CommandEntry;
  /** The command's own arguments (its name taken off). */
  args: string[];
  dataDir: string | undefined;
  json: boolean;
  /** Already made display-safe by main.ts. */
  io: CliIo;
  lang: CliLanguage;
  t: CliText;
}

export async function runCommand(run: CommandRun): Promise<ExitCode> {
  const { entry, io, lang, t, json } = run;
  const name = entry.name;
  const dataDir = resolveDataDir(run.dataDir, io.env);
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
  const unexpected = (what: string, error: unknown) =>
    log.error(`unexpected error in ${what} (ack-secret-guard ${name})`, error);
  try {
    return await command.run({
      // Commands get the same input validation as the window gets over IPC.
      core: { ...core, api: validatedApi(core.api, unexpected) },
      json,
      args: run.args,
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
