import { describe, expect, it, vi } from 'vitest';
import { failStartup, unsafeLaunchReason } from '../../../electron/main/startup';

const exe = '/opt/ACK Secret Guard/ack-secret-guard';

describe('unsafeLaunchReason', () => {
  it.each([
    [['--remote-debugging-port=9222'], '--remote-debugging-port'],
    [['--remote-debugging-port', '9222'], '--remote-debugging-port'],
    [['-remote-debugging-port=9222'], '--remote-debugging-port'],
    [['--remote-debugging-pipe'], '--remote-debugging-pipe'],
    [['--inspect'], '--inspect'],
    [['--inspect=0.0.0.0:9229'], '--inspect'],
    [['--inspect-brk=9229'], '--inspect-brk'],
    [['--INSPECT-BRK'], '--inspect-brk'],
    [['--inspect-port=1'], '--inspect-port'],
    [['/remote-debugging-port=9222'], '--remote-debugging-port'],
  ])('refuses an installed app started with %j', (args, reason) => {
    expect(unsafeLaunchReason({ argv: [exe, ...args], env: {}, packaged: true })).toBe(reason);
  });

  it('refuses NODE_TLS_REJECT_UNAUTHORIZED=0, and nothing else in the environment', () => {
    expect(
      unsafeLaunchReason({
        argv: [exe],
        env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' },
        packaged: true,
      }),
    ).toBe('NODE_TLS_REJECT_UNAUTHORIZED=0');
    expect(
      unsafeLaunchReason({
        argv: [exe],
        env: { NODE_TLS_REJECT_UNAUTHORIZED: '1' },
        packaged: true,
      }),
    ).toBeNull();
  });

  it('lets ordinary launches through (the executable path itself is not a switch)', () => {
    for (const argv of [
      [exe],
      ['/tmp/--inspect/app'],
      [exe, '--lang=zh-CN'],
      [exe, '--inspector'],
      [exe, 'some-file.txt'],
    ]) {
      expect(unsafeLaunchReason({ argv, env: {}, packaged: true })).toBeNull();
    }
  });

  it('keeps the developer tools while developing (not packaged)', () => {
    expect(
      unsafeLaunchReason({
        argv: ['electron', '--inspect=0', '--remote-debugging-port=0', '.'],
        env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' },
        packaged: false,
      }),
    ).toBeNull();
  });
});

describe('failStartup', () => {
  it('logs, shows the error box and exits with 1', () => {
    const calls: string[] = [];
    const error = new Error('boom');
    failStartup(
      {
        log: { error: (message, details) => calls.push(`log ${message} ${String(details)}`) },
        showErrorBox: (title, content) => calls.push(`box ${title} | ${content}`),
        exit: (code) => calls.push(`exit ${code}`),
      },
      'Could not start',
      'See /logs/main.log',
      error,
    );
    expect(calls).toEqual([
      'log Could not start Error: boom',
      'box Could not start | See /logs/main.log',
      'exit 1',
    ]);
  });

  it('still exits when logging and the dialog both throw', () => {
    const exit = vi.fn();
    failStartup(
      {
        log: {
          error: () => {
            throw new Error('disk full');
          },
        },
        showErrorBox: () => {
          throw new Error('no display');
        },
        exit,
      },
      't',
      'c',
    );
    expect(exit).toHaveBeenCalledWith(1);
  });
});
