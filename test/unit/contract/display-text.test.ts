import { describe, expect, it } from 'vitest';
import { escapeNotificationText, escapeTerminalText } from '../../../electron/contract';

describe('escapeTerminalText', () => {
  it.each([
    ['ANSI colour', 'a\u001b[31mred', 'a\\u001b[31mred'],
    ['OSC window title', '\u001b]0;owned\u0007', '\\u001b]0;owned\\u0007'],
    ['OSC 8 link', '\u001b]8;;https://evil\u001b\\x', '\\u001b]8;;https://evil\\u001b\\x'],
    ['CR that rewrites the line', 'ok\rFAKE', 'ok\\u000dFAKE'],
    ['backspace', 'abc\b\b', 'abc\\u0008\\u0008'],
    ['8-bit CSI (C1)', '\u009b31m', '\\u009b31m'],
    ['DEL', 'a\u007fb', 'a\\u007fb'],
    ['bidi override', 'exe.\u202egnp', 'exe.\\u202egnp'],
    ['bidi isolates', '\u2066a\u2067b\u2068c\u2069', '\\u2066a\\u2067b\\u2068c\\u2069'],
    [
      'embeddings and marks',
      '\u202a\u202b\u202c\u202d\u200e\u200f\u061c',
      '\\u202a\\u202b\\u202c\\u202d\\u200e\\u200f\\u061c',
    ],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
  ])('%s', (_what, input, expected) => {
    expect(escapeTerminalText(input)).toBe(expected);
  });

  it('keeps ordinary text, tabs, newlines and non-Latin names', () => {
    const text = 'cluster\t生产集群\nالعنقود — ok';
    expect(escapeTerminalText(text)).toBe(text);
  });

  it('leaves JSON valid with the same values', () => {
    const value = { name: 'x\u009b\u202e\u2066y', n: 1 };
    expect(JSON.parse(escapeTerminalText(JSON.stringify(value, null, 2)))).toEqual(value);
  });
});

describe('escapeNotificationText', () => {
  it('drops control and bidi characters, keeps one line', () => {
    expect(escapeNotificationText('edge\u202e1gnp.exe')).toBe('edge 1gnp.exe');
    expect(escapeNotificationText('a\nb\r\n\tc\u001b[31m')).toBe('a b c [31m');
    expect(escapeNotificationText('\u2066x\u2069\u200f\u061c\u0085y\u007f')).toBe('x y');
    expect(escapeNotificationText('生产集群-杭州')).toBe('生产集群-杭州');
  });

  it('clips by characters, not UTF-16 units, and marks the cut', () => {
    expect(escapeNotificationText('abcdef', 4)).toBe('abc…');
    expect(escapeNotificationText('😀😀😀😀😀', 3)).toBe('😀😀…');
    expect(escapeNotificationText('abcd', 4)).toBe('abcd');
    expect(Array.from(escapeNotificationText('x'.repeat(600)))).toHaveLength(200);
  });
});
