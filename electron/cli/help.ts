// Help text: the command list, and one page per command and subcommand in the user's language.
// Loaded at start-up: it must not import the core, an SDK or zod.
import { COMMAND_NAMES, HELP_TOPICS } from './help-topics';
import type { HelpTopic } from './help-topics';
import type { CliText } from './i18n';

const PROGRAM = 'ack-secret-guard';

/** The list of commands, the global options and the exit codes. */
export function generalUsage(t: CliText): string {
  const h = t.helpText;
  const width = Math.max(...COMMAND_NAMES.map((c) => c.length)) + 2;
  const lines = COMMAND_NAMES.map((c) => `  ${c.padEnd(width)}${t.help[c].summary}`);
  return `${h.usage}: ${PROGRAM} [--data-dir DIR] [--json] [--lang zh-CN|en] <command> [options]

${h.commands}:
${lines.join('\n')}

${h.globalOptions}:
${columns(h.globals)}

${h.exitCodes}
${h.more}
`;
}

function columns(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([a]) => a.length)) + 2;
  return rows
    .map(([a, b]) =>
      b
        .split('\n')
        .map((line, i) => `  ${(i === 0 ? a : '').padEnd(width)}${line}`)
        .join('\n'),
    )
    .join('\n');
}

/** The page for `help WORDS` / `WORDS --help`: the subcommand's, else the command's; null if none. */
export function helpFor(t: CliText, words: readonly string[]): string | null {
  const [name, sub] = words;
  const topic = [`${name} ${sub}`, name].find((w): w is HelpTopic =>
    (HELP_TOPICS as readonly string[]).includes(w ?? ''),
  );
  if (!topic) return null;
  const page = t.help[topic];
  const h = t.helpText;
  const subs = HELP_TOPICS.filter((x) => x.startsWith(`${topic} `));
  const parts = [
    `${PROGRAM} ${topic}: ${page.summary}`,
    `${h.usage}:\n${page.usage.map((u) => `  ${PROGRAM} ${u}`).join('\n')}`,
    page.about,
  ];
  if (subs.length > 0)
    parts.push(
      `${h.subcommands}:\n${columns(subs.map((s) => [s.slice(topic.length + 1), t.help[s].summary]))}`,
    );
  if (page.options.length > 0) parts.push(`${h.options}:\n${columns(page.options)}`);
  if (page.examples.length > 0)
    parts.push(
      `${h.examples}:\n${page.examples.map(([cmd, what]) => `  ${PROGRAM} ${cmd}\n      ${what}`).join('\n')}`,
    );
  if (subs.length > 0) parts.push(h.subHelp(topic));
  return `${parts.join('\n\n')}\n`;
}

/** "Usage: ack-secret-guard enable CLUSTER --key KEY …" for a usage error. */
export function usageLine(t: CliText, topic: HelpTopic): string {
  return `${t.helpText.usage}: ${t.help[topic].usage.map((u) => `${PROGRAM} ${u}`).join('\n  ')}`;
}
