// The CLI's language (--lang, then LC_ALL, then LANG) and its help: a page for every command
// and subcommand in both languages with the same syntax, reached as `help CMD [SUB]`,
// `CMD --help` and `CMD SUB --help`; an unknown command lists the commands and exits 2.
import { describe, expect, it } from 'vitest';
import { generalUsage, helpFor } from '../../../electron/cli/help';
import { COMMAND_NAMES, HELP_TOPICS } from '../../../electron/cli/help-topics';
import { COMMANDS } from '../../../electron/cli/commands';
import { cliText } from '../../../electron/cli/i18n';
import { cliLanguage } from '../../../electron/cli/lang';
import { runMain } from '../../support/cli-in-process';

describe('cliLanguage', () => {
  it.each([
    [['--lang', 'zh-CN'], {}, 'zh-CN'],
    [['--lang=en'], { LANG: 'zh_CN.UTF-8' }, 'en'],
    [['clusters', 'list', '--lang', 'zh-cn'], {}, 'zh-CN'],
    [[], { LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [[], { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [[], { LC_ALL: 'zh_CN.GB18030', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [[], { LANG: 'C' }, 'en'],
    [[], { LANG: 'zh_TW.UTF-8' }, 'en'],
    [[], {}, 'en'],
  ] as const)('%j with %j -> %s', (argv, env, lang) => {
    expect(cliLanguage([...argv], env)).toBe(lang);
  });

  it('refuses a language it does not have, saying which it has', async () => {
    expect(() => cliLanguage(['--lang', 'fr'], {})).toThrow('--lang takes zh-CN or en, not "fr"');
    const r = await runMain(['--lang', 'fr', 'info']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--lang takes zh-CN or en');
  });
});

describe('help pages', () => {
  const en = cliText('en');
  const zh = cliText('zh-CN');

  it('every command has a page; the table of commands and the list agree', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual([...COMMAND_NAMES]);
    for (const name of COMMAND_NAMES) expect(generalUsage(en)).toContain(`  ${name} `);
  });

  it.each(HELP_TOPICS)(
    '%s: the same syntax and options in both languages, 1-3 examples',
    (topic) => {
      const [a, b] = [en.help[topic], zh.help[topic]];
      expect(b.usage).toEqual(a.usage);
      expect(b.options.map(([flag]) => flag)).toEqual(a.options.map(([flag]) => flag));
      expect(b.examples.map(([cmd]) => cmd)).toEqual(a.examples.map(([cmd]) => cmd));
      expect(a.examples.length).toBeGreaterThanOrEqual(1);
      expect(a.examples.length).toBeLessThanOrEqual(3);
      for (const page of [a, b]) expect(page.summary && page.about).toBeTruthy();
    },
  );

  it('help CMD SUB, CMD SUB --help and CMD --help print the page and exit 0', async () => {
    const page = helpFor(en, ['batch', 'apply'])!;
    expect(page).toContain('ack-secret-guard batch apply --file PLAN.json');
    expect(page).toContain('Examples:');
    for (const argv of [
      ['help', 'batch', 'apply'],
      ['batch', 'apply', '--help'],
      ['--help', 'batch', 'apply'],
    ])
      expect(await runMain(argv)).toEqual({ code: 0, out: page, err: '' });
    const batch = await runMain(['batch', '--help']);
    expect(batch.out).toContain('Subcommands:');
    expect(batch.out).toMatch(/ {2}apply +apply a plan/);
    const disable = await runMain(['disable', '--help']);
    expect(disable.out).toContain('--yes');
    expect(disable.out).toContain('--dry-run');
  });

  it('in Chinese with --lang or LANG', async () => {
    const viaFlag = await runMain(['--lang', 'zh-CN', 'help', 'enable']);
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.out).toContain('用法:');
    expect(viaFlag.out).toContain('开启 Secret 落盘加密');
    const viaEnv = await runMain(['enable', '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(viaEnv.out).toBe(viaFlag.out);
    expect((await runMain(['--help'], { env: { LANG: 'zh_CN.UTF-8' } })).out).toContain('全局选项');
  });

  it('an unknown command or help topic lists the commands and exits 2', async () => {
    for (const argv of [['frobnicate'], ['help', 'frobnicate'], ['frobnicate', '--help']]) {
      const r = await runMain(argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain('Unknown command: frobnicate');
      expect(r.err).toContain('  batch ');
    }
  });
});
