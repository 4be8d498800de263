/**
 * Child process of the benchmark: streams N roster subjects (generated lazily, one at a time)
 * through `evaluateStream` and reports, as one JSON line on stdout, the count, the rate and the
 * peak resident set size of this process — its own, since it runs alone in its own process.
 *
 * Run alone: `npx tsx bench/stream-child.ts 1000000`.
 */
import { evaluateStream } from '../src/engine/evaluateStream.js';
import { AS_OF, ASSESSMENT_YEAR, rosterSubject } from './roster.js';

export interface StreamChildResult {
  subjects: number;
  decisions: number;
  ms: number;
  rate: number;
  /** Peak RSS of the whole child process (ru_maxrss), in MB. */
  peakRssMB: number;
  /** RSS before the first subject was read, in MB (runtime, library and loader). */
  baselineRssMB: number;
  /** Highest RSS sampled at each progress report, in MB. */
  sampledMaxRssMB: number;
  progressCalls: number;
  verdicts: Record<string, number>;
}

async function* subjects(count: number): AsyncGenerator<unknown> {
  for (let i = 0; i < count; i++) yield rosterSubject(i, { personsOnly: true });
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 1_000_000);
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const baselineRssMB = mb(process.memoryUsage().rss);
  let sampledMaxRssMB = baselineRssMB;
  let progressCalls = 0;
  const verdicts: Record<string, number> = {};
  const started = performance.now();
  let decisions = 0;
  for await (const d of evaluateStream(subjects(count), {
    pack: 'cn-tj-binhai',
    action: 'excellent-rating',
    asOf: AS_OF,
    assessmentYear: ASSESSMENT_YEAR,
    progressEvery: 50_000,
    onProgress: () => {
      progressCalls++;
      sampledMaxRssMB = Math.max(sampledMaxRssMB, mb(process.memoryUsage().rss));
    },
  })) {
    decisions++;
    verdicts[d.verdict] = (verdicts[d.verdict] ?? 0) + 1;
  }
  const ms = performance.now() - started;
  const result: StreamChildResult = {
    subjects: count,
    decisions,
    ms,
    rate: (decisions * 1000) / ms,
    // ru_maxrss is in kilobytes on Linux.
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    baselineRssMB,
    sampledMaxRssMB,
    progressCalls,
    verdicts,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
