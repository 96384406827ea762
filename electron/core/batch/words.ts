// A batch reason or note as it is kept: the English text (files, `--json`, the audit) and its
// sentences as messages, which the window and the CLI word in their language (messagesText).
import { formatMessage, message, messagesText } from '../../contract';
import type { Message } from '../../contract';
import type { BatchWords } from '../../contract/types/batch';
import type { CheckResult } from '../../contract/types/checks';

export interface Worded {
  text: string;
  words: BatchWords;
}

/** Sentences whose English text is theirs joined. */
export const worded = (...words: Message[]): Worded => ({ text: messagesText(words, 'en'), words });

/** A failing check: "<check id>: <its summary>" (the window shows the check's title). */
export function checkReason(c: CheckResult): Worded {
  const words = c.message ? [message('batch.reason.check', { check: c.id }), c.message] : [];
  return { text: `${c.id}: ${c.summary}`, words };
}

/** A check the change must confirm and could not (or that was not made). */
export function unconfirmedReason(id: CheckResult['id'], c: CheckResult | undefined): Worded {
  const lead = message('batch.reason.unconfirmed', { check: id });
  const summary = c?.message ?? (c ? null : message('batch.reason.notMade'));
  return {
    text: `${formatMessage(lead, 'en')} ${c?.summary ?? formatMessage(message('batch.reason.notMade'), 'en')}`,
    words: summary ? [lead, summary] : [],
  };
}

/** Words with a lead sentence before them ("key:" before the group's reason). */
export const led = (lead: Message, rest: Worded): Worded => ({
  text: `${formatMessage(lead, 'en')} ${rest.text}`,
  words: rest.words.length ? [lead, ...rest.words] : [],
});

/** The English texts and the words of a list, for a batch item's two parallel fields. */
export function split(list: readonly Worded[]): { texts: string[]; words: BatchWords[] } {
  return { texts: list.map((w) => w.text), words: list.map((w) => w.words) };
}
