// The no-English scan of zh-CN text (the message catalog test, the batch and CLI tests): words of
// an English sentence that a translation would not keep. Ids, codes, CIDRs, product and protocol
// names (ActionTrail, Kubernetes, VPC, HTTPS) are not sentences and pass.
export const ENGLISH_SENTENCE_WORDS = /\b(the|and|must|cannot)\b/i;

/** More of English's glue words, for whole rendered texts (longer than one catalog value). */
const GLUE =
  /\b(the|and|must|cannot|could|not|is|are|was|with|of|to|in|for|by|from|before|after|key|cluster|region|change|checklist|encrypted|nothing)\b/gi;

/** The English glue words left in a text (empty when none); tokens with - _ . / or digits are ids. */
export function englishLeft(text: string): string[] {
  const words = text.replace(/[^\s"'()（），。：；、]*[-_./\d][^\s"'()（），。：；、]*/g, ' ');
  return [...words.matchAll(GLUE)].map((m) => m[0]);
}
