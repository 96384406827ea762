// A batch's reasons, notes, problems and errors in the window's language. The core sends each as
// sentences (catalog messages) beside its English text; a `check` parameter is shown as the
// check's title. Batches planned before messages have the English text only ("<check id>:
// <summary>", or a plan rule): reasonText turns those into the window's language (a check's own
// title and help, a known rule's sentence) and keeps the core's words as a tooltip.
import { messagesText } from '$contract';
import type { Message } from '$contract';
import { CHECK_IDS as ALL_CHECK_IDS } from '$contract/types/checks';
import { i18n, t } from './i18n/index.svelte';
import type { MessageKey } from './i18n/index.svelte';

export interface ReasonText {
  /** The sentence to show in the current language. */
  text: string;
  /** What the core said, when the text is a translation (English; shown as a tooltip). */
  detail: string | null;
}

const CHECK_IDS = new Set<string>(ALL_CHECK_IDS);

const RULES: { pattern: RegExp; key: MessageKey }[] = [
  { pattern: /^already encrypted with this key/, key: 'batch.rule.sameKey' },
  { pattern: /^already encrypted \(with/, key: 'batch.rule.onlyNotEncrypted' },
  { pattern: /^not encrypted: nothing to disable/, key: 'batch.rule.notEncrypted' },
  { pattern: /^the checklist could not be run/, key: 'batch.rule.checklistFailed' },
  { pattern: /^waits for the cooldown/, key: 'batch.rule.cooldown' },
  { pattern: /^nothing could be checked/, key: 'batch.rule.nothingChecked' },
];

export function reasonText(reason: string): ReasonText {
  const english = i18n.locale === 'en';
  const unconfirmed = /^could not confirm ([a-z]+\.[A-Za-z]+): /.exec(reason);
  if (unconfirmed && CHECK_IDS.has(unconfirmed[1]!)) {
    const check = t(`check.${unconfirmed[1]!}` as MessageKey);
    return english
      ? { text: reason, detail: null }
      : { text: t('batch.rule.unconfirmed', { check }), detail: reason };
  }
  const check = /^([a-z]+\.[A-Za-z]+): ([\s\S]*)$/.exec(reason);
  if (check && CHECK_IDS.has(check[1]!)) {
    const id = check[1]!;
    const title = t(`check.${id}` as MessageKey);
    return english
      ? { text: `${title}: ${check[2]}`, detail: null }
      : { text: `${title}：${t(`check.${id}.help` as MessageKey)}`, detail: reason };
  }
  for (const rule of RULES) {
    if (rule.pattern.test(reason))
      return english ? { text: reason, detail: null } : { text: t(rule.key), detail: reason };
  }
  return { text: reason, detail: null };
}

/** A check id given as a parameter reads as the check's title in the window. */
function withCheckTitle(m: Message): Message {
  const id = m.params?.check;
  if (typeof id !== 'string' || !CHECK_IDS.has(id)) return m;
  return { ...m, params: { ...m.params, check: t(`check.${id}` as MessageKey) } };
}

/** The core's sentences in the window's language. */
export function wordsText(words: readonly Message[]): string {
  return messagesText(words.map(withCheckTitle), i18n.locale);
}

/** A reason or note: from its sentences when the core sent them, else its English text parsed. */
export function itemReasonText(
  english: string,
  words: readonly Message[] | undefined | null,
): ReasonText {
  if (!words?.length) return reasonText(english);
  return { text: wordsText(words), detail: i18n.locale === 'en' ? null : english };
}

/** A text kept in English beside its sentences (a group's reason, a problem, an error). */
export function wordedOrEnglish(
  english: string,
  words: readonly Message[] | undefined | null,
): string {
  return words?.length ? wordsText(words) : english;
}
