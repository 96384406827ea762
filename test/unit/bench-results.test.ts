// The bench's results files (README, Benchmarks): every run's table shows the run before it, a
// full run beside the last full run, a run of some groups beside the last such run.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Results } from '../../bench/support';

const figures = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')) as { figures: { value: number }[] }).figures;

function run(dir: string, partial: boolean, value: number): Results {
  const results = new Results(dir, partial);
  results.report('4 renderer', 'first rows', value, 'ms');
  return results;
}

describe('bench results', () => {
  it('a run of some groups shows the last such run, else the last full one, and keeps both', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-bench-results-'));
    run(dir, false, 300).write();
    const first = run(dir, true, 200);
    expect(first.table()).toMatch(/first rows \| 300 ms\s+\| 200 ms/);
    first.write();
    const second = run(dir, true, 100);
    expect(second.table()).toMatch(/first rows \| 200 ms\s+\| 100 ms/);
    second.write();
    expect(figures(path.join(dir, 'partial.json'))[0]!.value).toBe(100);
    expect(figures(path.join(dir, 'partial-previous.json'))[0]!.value).toBe(200);
    expect(figures(path.join(dir, 'latest.json'))[0]!.value).toBe(300);
  });

  it('a full run shows the last full run and moves it to previous.json', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-bench-results-'));
    writeFileSync(path.join(dir, 'partial.json'), JSON.stringify({ figures: [] }));
    run(dir, false, 300).write();
    const next = run(dir, false, 250);
    expect(next.table()).toMatch(/first rows \| 300 ms\s+\| 250 ms/);
    next.write();
    expect(figures(path.join(dir, 'previous.json'))[0]!.value).toBe(300);
    expect(figures(path.join(dir, 'latest.json'))[0]!.value).toBe(250);
  });
});
