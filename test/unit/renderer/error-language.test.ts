// The window words the core's errors and notices in its language: an ApiError with a message,
// a notice, an operation's error; switching the language rewords what is on screen; an error
// without a message shows its English text.
import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ErrorBox from '../../../renderer/src/components/ErrorBox.svelte';
import NoticeBar from '../../../renderer/src/components/NoticeBar.svelte';
import { message } from '../../../electron/contract';
import { ApiError } from '../../../renderer/src/lib/api';
import { app } from '../../../renderer/src/lib/app.svelte';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';

afterEach(() => {
  i18n.setLocale('en');
  app.notices = [];
});

const notFound = message('error.account.notFound', { id: 'acc-1' });

describe('errors in the window language', () => {
  it('ErrorBox shows the message in zh-CN, and rewords it when the language changes', () => {
    i18n.setLocale('zh-CN');
    render(ErrorBox, {
      error: new ApiError({
        code: 'not-found',
        message: 'There is no account with id acc-1.',
        msg: notFound,
      }),
    });
    expect(screen.getByRole('alert').textContent).toContain('没有 ID 为 acc-1 的账号。');
    i18n.setLocale('en');
    flushSync();
    expect(screen.getByRole('alert').textContent).toContain('There is no account with id acc-1.');
  });

  it('an error without a message shows its English text', () => {
    i18n.setLocale('zh-CN');
    render(ErrorBox, { error: new ApiError({ code: 'internal', message: 'Rare and internal.' }) });
    expect(screen.getByRole('alert').textContent).toContain('Rare and internal.');
  });

  it('NoticeBar shows a notice in zh-CN', () => {
    i18n.setLocale('zh-CN');
    const msg = message('notice.auditUnwritable', { detail: 'EIO' });
    app.notices = [
      {
        level: 'error',
        message: 'The audit log could not be written: EIO',
        msg,
        at: '2026-01-01T00:00:00.000Z',
      },
    ];
    render(NoticeBar);
    expect(screen.getByRole('alert').textContent).toContain('无法写入审计日志：EIO');
  });
});
