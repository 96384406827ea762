// A check's summary and fix as text in a language: from its messages when the core sent them,
// else the English text (an older core, or a check without messages). The CLI prints these.
import type { Message, MessageLang } from './format';
import { formatMessage } from './format';

interface Worded {
  summary: string;
  message?: Message;
  fix: { hint: string; messages?: Message[] } | null;
}

/** Sentences as one text: joined with a space in English, with nothing in Chinese. */
export function messagesText(messages: readonly Message[], lang: MessageLang = 'en'): string {
  return messages.map((m) => formatMessage(m, lang)).join(lang === 'en' ? ' ' : '');
}

/**
 * A text kept in English beside its sentences (a batch reason or note) in a language: from the
 * sentences when the core sent them (batches planned before messages have none).
 */
export function sentencesText(
  english: string,
  messages: readonly Message[] | null | undefined,
  lang: MessageLang = 'en',
): string {
  return messages?.length ? messagesText(messages, lang) : english;
}

export function checkSummaryText(check: Worded, lang: MessageLang = 'en'): string {
  return check.message ? formatMessage(check.message, lang) : check.summary;
}

/** The fix's sentences joined (a space in English, none in Chinese); null when there is none. */
export function checkFixText(check: Worded, lang: MessageLang = 'en'): string | null {
  if (!check.fix) return null;
  const { messages, hint } = check.fix;
  if (!messages?.length) return hint;
  return messagesText(messages, lang);
}
