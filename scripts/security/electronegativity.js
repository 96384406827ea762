// @ts-check
// Electronegativity's side of the security gate (scripts/lint-security.js): run it over out/,
// read its findings (cross-checked with its SARIF report) and sort them against the reviewed
// false positives in electronegativity-false-positives.json.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The severities that fail the gate unless a reviewed false positive explains them. */
export const GATED = new Set(['HIGH', 'MEDIUM']);

/** Electronegativity's in-memory issues -> findings. */
export function toFindings(issues) {
  return issues.map((issue) => ({
    check: String(issue.id),
    severity: String(issue.severity?.name ?? issue.severity).toUpperCase(),
    confidence: String(issue.confidence?.name ?? issue.confidence).toUpperCase(),
    file: String(issue.file).replace(/\\/g, '/'),
    location: `${issue.location?.line}:${issue.location?.column}`,
    sample: String(issue.sample ?? ''),
  }));
}

/** The (check, file, line) of every result in a SARIF report, sorted, for the cross-check. */
export function sarifKeys(sarif) {
  return (sarif.runs?.[0]?.results ?? [])
    .map((r) => {
      const loc = r.locations?.[0]?.physicalLocation;
      return `${r.ruleId} ${loc?.artifactLocation?.uri} ${loc?.region?.startLine}`;
    })
    .sort();
}

/**
 * Splits findings into gated ones left unexplained, explained ones, and false-positive entries
 * that matched nothing. Each entry explains at most one finding.
 */
export function triage(findings, entries) {
  const used = new Set();
  const unexplained = [];
  const explained = [];
  for (const finding of findings) {
    if (!GATED.has(finding.severity)) continue;
    const index = entries.findIndex(
      (e, i) =>
        !used.has(i) &&
        e.check === finding.check &&
        e.file === finding.file &&
        finding.sample.includes(e.sampleContains),
    );
    if (index >= 0) {
      used.add(index);
      explained.push({ finding, reason: entries[index].reason });
    } else unexplained.push(finding);
  }
  const stale = entries.filter((_e, i) => !used.has(i));
  return { unexplained, explained, stale };
}

export function loadFalsePositives(file) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const entries = data.entries;
  const unparsable = data.unparsable ?? [];
  for (const u of unparsable) {
    if (typeof u.fileContains !== 'string' || !u.fileContains || String(u.reason).length < 40) {
      throw new Error(`unparsable entry ${JSON.stringify(u)}: needs fileContains and a reason`);
    }
  }
  for (const e of entries) {
    for (const key of ['check', 'file', 'sampleContains', 'reason']) {
      if (typeof e[key] !== 'string' || e[key].trim().length < (key === 'reason' ? 40 : 1)) {
        throw new Error(
          `false-positive entry ${JSON.stringify(e)}: "${key}" is missing or too short`,
        );
      }
    }
  }
  return { entries, unparsable };
}

async function waitForJson(file, timeoutMs = 5000) {
  const started = Date.now();
  for (;;) {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * Runs the scan through Electronegativity's programmatic API. Severity and sample come from its
 * in-memory result: in 1.10.3 the CSV report is written by two concurrent fs.writeFile calls
 * (header and rows) that can overwrite each other, and SARIF drops the severity. The SARIF
 * report (one write) is kept in test-results/ for CI and cross-checked against the result.
 */
export async function runElectronegativity(outDir, electronVersion, sarifFile) {
  const run = require('@doyensec/electronegativity');
  fs.mkdirSync(path.dirname(sarifFile), { recursive: true });
  fs.rmSync(sarifFile, { force: true });
  const result = await run({
    input: outDir,
    output: sarifFile,
    isSarif: true,
    isRelative: true,
    // (the README calls it electronVersion; runner.js reads electronVersionOverride)
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
  const unparsed = result.errors.map((e) => String(e.file ?? e).replace(/\\/g, '/'));
  const findings = toFindings(result.issues);
  const fromSarif = sarifKeys(await waitForJson(sarifFile));
  const fromResult = findings
    .map((f) => `${f.check} ${f.file} ${Number(f.location.split(':')[0]) || 1}`)
    .sort();
  if (JSON.stringify(fromSarif) !== JSON.stringify(fromResult)) {
    throw new Error(
      `Electronegativity's SARIF report and its result disagree:\n${fromSarif.join('\n')}\nvs\n${fromResult.join('\n')}`,
    );
  }
  return { findings, unparsed };
}
