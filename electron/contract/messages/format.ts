// Messages a person reads, sent by the core as a key and parameters and worded here, in either
// language, by the window and the CLI alike (pure: no Node, no DOM). The English wording is also
// kept as plain text beside each message (`summary`, `hint`) for logs, `--json` and the audit.
import { en } from './en';
import type { MessageKey } from './en';
import { zhCN } from './zh-CN';

export type { MessageKey } from './en';
export const MESSAGE_LANGS = ['en', 'zh-CN'] as const;
export type MessageLang = (typeof MESSAGE_LANGS)[number];
/**
 * A parameter's value. A message (or a list of them) inside another is worded in the same
 * language: a refusal lists its checks by their own messages.
 */
export type MessageParam = string | number | boolean | null | Message | Message[];

/** A message on the wire: a catalog key and the values of its `{name}` parameters. */
export interface Message {
  key: MessageKey;
  params?: Record<string, MessageParam>;
}

export const MESSAGE_CATALOGS: Record<MessageLang, Record<MessageKey, string>> = {
  en,
  'zh-CN': zhCN,
};

/** The `{name}` parameters a template uses, as a type (from the English text). */
type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | ParamNames<Rest>
  : never;
type ParamsArg<K extends MessageKey> = [ParamNames<(typeof en)[K]>] extends [never]
  ? []
  : [params: Record<ParamNames<(typeof en)[K]>, MessageParam>];

/** Builds a message; the compiler checks the key and that every parameter is given. */
export function message<K extends MessageKey>(key: K, ...params: ParamsArg<K>): Message {
  return params[0] ? { key, params: { ...params[0] } } : { key };
}

/** The `{name}` parameters of a template, in order of first use. */
export function templateParams(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
}

function paramText(value: MessageParam | undefined, lang: MessageLang): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return MESSAGE_CATALOGS[lang][value ? 'value.yes' : 'value.no'];
  if (Array.isArray(value))
    return value.map((m) => formatMessage(m, lang)).join(lang === 'en' ? '; ' : '；');
  if (typeof value === 'object') return formatMessage(value, lang);
  return String(value);
}

/**
 * Parameters whose value is an enumeration the catalog words, and the prefixes of its keys
 * (`state` is a cluster's or a key's: their values differ, so both lists are tried).
 */
const WORD_PARAMS: Record<string, readonly string[]> = {
  keyState: ['value.keyState.'],
  state: ['value.clusterState.', 'value.keyState.'],
  outcome: ['value.outcome.'],
};

/** Parameters that are a moment (ISO 8601): worded in the reader's clock, not the core's. */
const TIME_PARAMS = new Set(['until', 'sourceAt']);

/** "14:03 (UTC+08:00)" in the zone of the process reading it (the window's, the CLI's). */
export function clockText(iso: string): string | null {
  if (!/^\d{4}-\d\d-\d\dT/.test(iso)) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const abs = Math.abs(offset);
  const zone = `UTC${offset >= 0 ? '+' : '-'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
  return `${two(d.getHours())}:${two(d.getMinutes())} (${zone})`;
}

function fill(template: string, params: Message['params'], lang: MessageLang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!params || !(name in params)) return whole;
    // A cooldown's `source` is a kind with a catalog entry: a fixed phrase (the app's journal,
    // the cluster's last update) or one filled from the message's other parameters (an
    // ActionTrail event and its time, a task and when it ended).
    const value = params[name];
    if (name === 'source' && typeof value === 'string') {
      const word = lookup(lang, `value.source.${value}`);
      if (word) return fill(word, params, lang);
    }
    if (TIME_PARAMS.has(name) && typeof value === 'string') {
      const time = clockText(value);
      if (time) return time;
    }
    // A cluster's state (running, updating), a key's (Enabled, PendingDeletion) or a change's
    // outcome: the catalog has the glossary's word in each language.
    if (typeof value === 'string') {
      for (const prefix of WORD_PARAMS[name] ?? []) {
        const word = lookup(lang, `${prefix}${value}`);
        if (word) return word;
      }
    }
    return paramText(value, lang);
  });
}

/**
 * The message in `lang`. A key this build does not know (a newer core) falls back to English,
 * then to the key itself, so nothing is ever dropped.
 */
export function formatMessage(msg: Message, lang: MessageLang = 'en'): string {
  const template =
    (MESSAGE_CATALOGS[lang] as Record<string, string>)[msg.key] ??
    (en as Record<string, string>)[msg.key] ??
    msg.key;
  return fill(template, msg.params, lang);
}

const lookup = (lang: MessageLang, key: string): string | undefined =>
  (MESSAGE_CATALOGS[lang] as Record<string, string>)[key];

/** Evidence field names with an id or probe inside (network.kmsEgress), and their label key. */
const EVIDENCE_PATTERNS: [RegExp, (m: RegExpMatchArray, lang: MessageLang) => Message | null][] = [
  [
    /^securityGroup\.(\w+)\.(\w+)$/,
    (m, lang) =>
      labelMessage(`evidence.sg.${m[2]}`, {
        probe: lookup(lang, `evidence.probe.${m[1]}`) ?? m[1]!,
      }),
  ],
  [
    /^vswitch\.(.+)\.networkAclId$/,
    (m) => labelMessage('evidence.vswitch.networkAclId', { id: m[1]! }),
  ],
  [
    /^networkAcl\.(.+)\.(egress|ingress)\.(\w+)$/,
    (m, lang) =>
      labelMessage(`evidence.acl.${m[3]}`, {
        id: m[1]!,
        direction: lookup(lang, `evidence.direction.${m[2]}`) ?? m[2]!,
      }),
  ],
  [/^networkAcl\.(.+)\.(\w+)$/, (m) => labelMessage(`evidence.acl.${m[2]}`, { id: m[1]! })],
  [/^requestIds\.(.+)$/, (m) => labelMessage('evidence.requestIds', { action: m[1]! })],
  [/^error\.(.+)$/, (m) => labelMessage('evidence.error', { what: m[1]! })],
];

function labelMessage(key: string, params: Record<string, string>): Message | null {
  return key in en ? { key: key as MessageKey, params } : null;
}

/** A readable label for an evidence field, or null when the catalog has none for it. */
export function evidenceLabel(name: string, lang: MessageLang = 'en'): string | null {
  const direct = `evidence.${name}`;
  if (direct in en) return formatMessage({ key: direct as MessageKey }, lang);
  for (const [pattern, build] of EVIDENCE_PATTERNS) {
    const m = name.match(pattern);
    const msg = m ? build(m, lang) : null;
    if (msg) return formatMessage(msg, lang);
  }
  return null;
}

/** Which word list an evidence field's value comes from (the rest are ids, dates, numbers). */
function valueKey(name: string, value: string): string | null {
  const field = name.slice(name.lastIndexOf('.') + 1);
  if (field === 'keyState') return `value.keyState.${value}`;
  if (field === 'securityGroupType') return `value.sgType.${value}`;
  if (field === 'automaticRotation' || field === 'deletionProtection')
    return `value.setting.${value}`;
  if (field === 'source') return `value.sourceKind.${value}`;
  if (['decision', 'verdict', 'actionTrail', 'visibility', 'identityType'].includes(field))
    return `value.${value}`;
  return null;
}

/** An evidence value in words: enumerations and booleans translated, everything else as is. */
export function evidenceValueText(
  name: string,
  value: MessageParam,
  lang: MessageLang = 'en',
): string {
  if (typeof value === 'string') {
    const key = valueKey(name, value);
    const words = key ? lookup(lang, key) : undefined;
    if (words) return words;
  }
  return paramText(value, lang);
}
