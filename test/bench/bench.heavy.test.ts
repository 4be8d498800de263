/**
 * Smoke test of `npm run bench`: the quick mode builds and runs every section (the hand-written
 * check, decisions on both inputs, subject at once, scaling, the CLI with 1 and 2 workers, the
 * stream, the calendar, the web service) and prints every figure of issues 15 and 25 with its
 * target, and the service's (issue 26). No figure is judged
 * here: timings depend on the machine, and no test may depend on wall-clock speed.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function runQuickBench(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'bench', 'run.ts'), '--quick', '--stream', '5000'],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, timeout: 570_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}\n${stdout}`)) : resolve(stdout)),
    );
  });
}

/** Every figure the summary must carry (labels are stable: docs/performance.md quotes them). */
const FIGURES = [
  'compiled whole decisions vs fair json-rules-engine [bench roster]',
  'compiled whole decisions vs fair json-rules-engine [examples/roster.jsonl]',
  'screening vs fair json-rules-engine [bench roster]',
  'compiled vs hand-written (same validator) [bench roster]',
  'compiled vs hand-written (same validator) [examples/roster.jsonl]',
  'compiled vs evaluate (our reference path) [bench roster]',
  'conditions alone, compiled vs json-rules-engine [bench roster]',
  'one-at-a-time decisions/s, every pack and action of a subject [bench roster]',
  'decideSubject per decision vs one-at-a-time [examples/roster.jsonl]',
  'screen, a roster, per answer vs fair json-rules-engine [bench roster]',
  'screen, a roster, per answer vs fair json-rules-engine [examples/roster.jsonl]',
  ...[0, 1, 10, 100, 1_000, 10_000].flatMap((n) => {
    const records = `${n.toLocaleString('en-US')} record${n === 1 ? '' : 's'}`;
    return [`evaluate µs per record, ${records}`, `timeline µs per record, ${records}`];
  }),
  // Quick mode: 1,000 against 100 (the full run: 10,000 against 100).
  'evaluate: per-record cost at 1,000 records vs 100',
  'timeline: per-record cost at 1,000 records vs 100',
  'clearFrom µs per change day (100 records)',
  'CLI --decisions all vs its floor (read + parse input, stringify + write the same output)',
  'CLI --decisions not-clear vs its floor (read + parse input, stringify + write the same output)',
  'CLI batch 1,000,000 lines × all packs × all actions, one worker (projected)',
  'CLI batch 2 workers vs 1',
  'CLI batch, the main thread deciding vs one worker thread',
  'stream peak RSS (5,000 subjects)',
  'addWorkingDays vs chinese-days findWorkday',
  'service GET /healthz (HTTP floor), 8 connections',
  'service evaluate, 1 connection',
  'service evaluate, 8 connections',
  'service evaluate vs the library in-process',
  'service decide-subject, 1 connection',
  'service decide-subject, 8 connections',
  'service decide-subject vs the library in-process',
  "service answers equal the library's [examples/roster.jsonl]",
];

describe('npm run bench -- --quick', () => {
  it('checks the hand-written and baseline paths, then prints every figure with its target', async () => {
    const out = await runQuickBench();
    expect(out).toMatch(/hand-written Binhai deep-equals evaluate \(decisions and errors\) on 300 queries/);
    expect(out).toMatch(/check: the service's answers equal the library's on examples\/roster\.jsonl: .* — 0 differ/);
    expect(out).toMatch(/check: fair-jre \(verdict\), evaluate \(deep-equal decisions\), compiled \(deep-equal decisions\), hand-written \(deep-equal decisions\), screening \(screening\) agree with evaluate/);
    const summary = out.slice(out.indexOf('== summary: figures and targets'));
    expect(summary.length).toBeGreaterThan(100);
    const lines = summary.split('\n');
    for (const label of FIGURES) {
      // A label may carry its input in brackets: `CLI batch --workers 1 lines/s [examples/roster.jsonl …]: …`.
      const line = lines.find((l) => l.trimStart().startsWith(label) && /^(:| \[)/.test(l.trimStart().slice(label.length)));
      expect(line, `summary line for ${label}`).toBeDefined();
    }
    // Each figure with a target says whether it was met (or why it cannot say); none is NaN.
    for (const line of lines.filter((l) => l.includes(' target '))) expect(line).toMatch(/: (MET|MISSED|NOT APPLICABLE|NOT BUILT|NOT RUN)/);
    expect(summary).not.toMatch(/NaN/);
    expect(summary).toMatch(/targets: \d+ met, \d+ missed, \d+ not applicable on this run, 0 not built yet, \d+ not run/);
  });
});
