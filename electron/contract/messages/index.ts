// Messages a person reads: the catalog (en.ts, zh-CN.ts), formatMessage and evidence words
// (format.ts), and a check's summary and fix as text (check-text.ts).
export * from './format';
export { checkFixText, checkSummaryText, messagesText, sentencesText } from './check-text';
