// Types for scripts/lint-security.js.
export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
}
export interface FalsePositive {
  check: string;
  file: string;
  sampleContains: string;
  reason: string;
}
export declare function toFindings(issues: unknown[]): Finding[];
export declare function sarifKeys(sarif: unknown): string[];
export declare function triage(
  findings: Finding[],
  entries: FalsePositive[],
): {
  unexplained: Finding[];
  explained: Array<{ finding: Finding; reason: string }>;
  stale: FalsePositive[];
};
export declare function loadFalsePositives(file: string): {
  entries: FalsePositive[];
  unparsable: Array<{ fileContains: string; reason: string }>;
};
export declare const REQUIRED_WEB_PREFERENCES: Readonly<Record<string, boolean>>;
export declare function checkBundle(
  source: string,
  fileName: string,
  options?: { isMain?: boolean; isPreload?: boolean },
): string[];
export declare function checkRendererHtml(html: string, fileName: string): string[];
export declare const PERMISSION_GRANTED_TO_OUR_PAGE: string;
