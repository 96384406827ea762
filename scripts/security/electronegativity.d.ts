// Types for scripts/security/electronegativity.js.
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
export declare const GATED: ReadonlySet<string>;
export declare function runElectronegativity(
  outDir: string,
  electronVersion: string,
  sarifFile: string,
): Promise<{ findings: Finding[]; unparsed: string[] }>;
