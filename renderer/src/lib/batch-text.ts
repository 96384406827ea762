// The batch plan gives its reasons as English text ("<check id>: <summary>", or a plan rule).
// This turns them into the window's language: a check's own title and help, a known rule's
// sentence, and the core's words kept for English (and as a tooltip) only.
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
