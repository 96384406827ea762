// An error or notice in the window's language: its catalog message when the core sent one
// (read at render time, so switching the language rewords it), else its English text.
import { formatMessage, messageOf, wordedText } from '$contract';
import type { Message } from '$contract';
import { ApiError } from './api';
import { i18n } from './i18n/index.svelte';

/** What a caught error says (an ApiError's message, anything else's text). */
export function errorText(error: unknown): string {
  if (error instanceof ApiError && error.msg) return formatMessage(error.msg, i18n.locale);
  return messageOf(error);
}

/** A sentence kept as data (an operation's error, a notice, an import result's error). */
export function localText(said: { message: string; msg?: Message | undefined }): string {
  return wordedText(said, i18n.locale);
}
