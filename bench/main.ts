/**
 * The benchmark (`npm run bench`, built and run by bench/run.ts): every figure of issue 15's "How to
 * measure" in one run, with its target beside it.
 *
 *   npm run bench                      # a few minutes on 2 cores
 *   npm run bench -- --quick           # smoke run: every figure printed, none meaningful
 *   npm run bench -- --only decisions,scaling
 *   npm run bench -- --cli-input bench --cli-lines 100000   # the issue's CLI figure (slow)
 *   npm run bench -- --only service                      # the web service alone
 *
 * Options: --quick; --only <sections> (handwritten, decisions, subjects, scaling, cli, stream,
 * calendar, service); --cli-input examples|bench; --cli-lines <n> (0 skips the CLI); --stream <n>;
 * --records-budget <seconds per call>.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { cliSection, writeRosterFile } from './cli.js';
import { checkHandwritten, decisionsOn, PACKS, subjectsAtOnce, type DecisionsOptions, type Input } from './decisions.js';
import { int, loadAverage, machine, secs, type Figure } from './harness.js';
import { AS_OF, ASSESSMENT_YEAR, roster, ROSTER_SEED, rosterQuery, type RosterSubject } from './roster.js';
import { scalingSection, type ScalingOptions } from './scaling.js';
import { serviceSection } from './service.js';
import { streamSection } from './stream.js';

const here = dirname(fileURLToPath(import.meta.url));
/**
 * The day examples/roster.jsonl describes (scripts/gen-examples.ts ROSTER_AS_OF; the CLI examples ask
 * as of it). Not imported: bundled, that script's "am I the main module" check would run it.
 */
const EXAMPLES_AS_OF = '2026-11-20';
const SECTIONS = ['handwritten', 'decisions', 'subjects', 'scaling', 'cli', 'stream', 'calendar', 'service'] as const;
type Section = (typeof SECTIONS)[number];

/** The package's folder: given by bench/run.ts, else the nearest folder up with our package.json. */
function projectRoot(): string {
  if (process.env.GOV_CREDIT_RULES_BENCH_ROOT) return process.env.GOV_CREDIT_RULES_BENCH_ROOT;
  for (let dir = here; ; dir = dirname(dir)) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj) && (JSON.parse(readFileSync(pj, 'utf8')) as { name?: string }).name === 'gov-credit-rules') return dir;
    if (dirname(dir) === dir) throw new Error('cannot find the gov-credit-rules folder');
  }
}

interface Settings {
  quick: boolean;
  sections: Set<Section>;
  rosterSize: number;
  perPack: number;
  decisions: DecisionsOptions;
  scaling: ScalingOptions;
  cli: { input: 'examples' | 'bench'; lines: number | null };
  streamSubjects: number;
  calendarMs: number;
  service: { concurrencies: number[]; seconds: number; checkSample: number; rosterLines: number | null };
}

function settings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'cli-input': { type: 'string', default: 'examples' },
      'cli-lines': { type: 'string' },
      stream: { type: 'string' },
      'records-budget': { type: 'string' },
    },
    strict: true,
  });
  const quick = values.quick!;
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SECTIONS];
  for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`--only: unknown section ${s} (sections: ${SECTIONS.join(', ')})`);
  const cliInput = values['cli-input'];
  if (cliInput !== 'examples' && cliInput !== 'bench') throw new Error('--cli-input: examples or bench');
  const count = (name: string, v: string | undefined): number | null => {
    if (v === undefined) return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: a whole number, got ${v}`);
    return n;
  };
  const budget = count('records-budget', values['records-budget']);
  return {
    quick,
    sections: new Set(only as Section[]),
    rosterSize: quick ? 10_000 : 100_000,
    perPack: quick ? 60 : 1_000,
    decisions: quick
      ? { batch: 20, passes: 1, warmupRounds: 1, handwrittenChecks: 300, subjectsAtOnce: 16 }
      : { batch: 100, passes: 2, warmupRounds: 2, handwrittenChecks: 5_000, subjectsAtOnce: 200 },
    scaling: {
      recordCounts: [0, 1, 10, 100, 1_000, 10_000],
      linearity: quick ? { small: 100, large: 1_000, rounds: 1 } : { small: 100, large: 10_000, rounds: 5 },
      changeDayCounts: quick ? [1, 10, 100] : [1, 10, 25, 50, 100],
      budgetMs: (budget ?? (quick ? 0.5 : 20)) * 1000,
      minMs: quick ? 30 : 1_000,
    },
    cli: { input: cliInput, lines: count('cli-lines', values['cli-lines']) ?? (quick ? 100 : null) },
    streamSubjects: count('stream', values.stream) ?? (quick ? 20_000 : 1_000_000),
    calendarMs: quick ? 100 : 1_000,
    // Quick: a short run on the first 300 roster lines; full: 5 s a run, every roster line screened.
    service: quick ? { concurrencies: [1, 8], seconds: 1, checkSample: 30, rosterLines: 300 } : { concurrencies: [1, 8, 32], seconds: 5, checkSample: 1_000, rosterLines: null },
  };
}

/** Every `stride`-th item, `count` of them. */
function every<T>(items: readonly T[], count: number): { item: T; index: number }[] {
  const stride = Math.max(1, Math.floor(items.length / count));
  const out: { item: T; index: number }[] = [];
  for (let i = 0; i < items.length && out.length < count; i += stride) out.push({ item: items[i]!, index: i });
  return out;
}

function inputFrom(name: string, describe: string, subjects: readonly Record<string, unknown>[], perPack: number, asOf: string): Input {
  const sample = every(subjects, perPack);
  return {
    name,
    describe,
    queries: new Map(PACKS.map((p) => [p, sample.map(({ item, index }) => rosterQuery(p, item as unknown as RosterSubject, index, asOf))])),
    subjects: sample.map((x) => x.item),
    asOf,
    assessmentYear: Number(asOf.slice(0, 4)),
  };
}

function printSummary(figures: readonly Figure[]): void {
  console.log('\n== summary: figures and targets');
  for (const f of figures) {
    const target = f.target ? `  target ${f.target}: ${f.status.toUpperCase()}` : f.status === 'info' ? '' : `  (${f.status})`;
    console.log(`  ${f.label}: ${f.value}${target}${f.note ? `  — ${f.note}` : ''}`);
  }
  const judged = figures.filter((f) => f.target);
  const n = (s: Figure['status']) => judged.filter((f) => f.status === s).length;
  console.log(`  targets: ${n('met')} met, ${n('missed')} missed, ${n('not applicable')} not applicable on this run, ${n('not built')} not built yet, ${n('not run')} not run`);
}

async function main(): Promise<void> {
  const s = settings(process.argv.slice(2));
  const root = projectRoot();
  const started = performance.now();
  console.log(`gov-credit-rules benchmark${s.quick ? ' — QUICK smoke run: figures are not measurements' : ''}`);
  console.log(`machine: ${machine()}; load average at start ${loadAverage()}`);
  const figures: Figure[] = [];

  // Inputs: the bench roster (sampled) and examples/roster.jsonl (sampled), asked under every pack.
  let t = performance.now();
  const benchRoster = roster(s.rosterSize);
  const records = benchRoster.reduce((n, x) => n + x.records.length, 0);
  const examples = readFileSync(join(root, 'examples', 'roster.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const inputs: Input[] = [
    inputFrom(
      'bench roster',
      `${int(s.rosterSize)} seeded subjects (bench/roster.ts, seed ${ROSTER_SEED}; ${(records / s.rosterSize).toFixed(2)} records each on average), every ${int(s.rosterSize / s.perPack)}th, one action each, as of ${AS_OF}`,
      benchRoster as unknown as Record<string, unknown>[],
      s.perPack,
      AS_OF,
    ),
    inputFrom('examples/roster.jsonl', `${int(examples.length)} subjects, every ${int(examples.length / s.perPack)}th, one action each, as of ${EXAMPLES_AS_OF}`, examples, s.perPack, EXAMPLES_AS_OF),
  ];
  console.log(`inputs built in ${secs(performance.now() - t)}`);

  if (s.sections.has('handwritten')) {
    console.log(`\n== hand-written check`);
    console.log(await checkHandwritten(s.decisions.handwrittenChecks));
  }
  if (s.sections.has('decisions')) for (const input of inputs) figures.push(...(await decisionsOn(input, s.decisions)));
  if (s.sections.has('subjects')) for (const input of inputs) figures.push(...(await subjectsAtOnce(input, s.decisions)));
  if (s.sections.has('scaling')) figures.push(...(await scalingSection(s.scaling)));

  if (s.sections.has('cli') && s.cli.lines !== 0) {
    const tmp = mkdtempSync(join(os.tmpdir(), 'gov-credit-rules-bench-input-'));
    try {
      let input: { path: string; name: string; lines: number };
      if (s.cli.input === 'bench') {
        const lines = s.cli.lines ?? 10_000;
        input = { path: writeRosterFile(tmp, roster(lines)), name: 'bench roster', lines };
      } else if (s.cli.lines === null || s.cli.lines >= examples.length) {
        input = { path: join(root, 'examples', 'roster.jsonl'), name: 'examples/roster.jsonl', lines: examples.length };
      } else {
        input = { path: writeRosterFile(tmp, examples.slice(0, s.cli.lines)), name: `examples/roster.jsonl (first ${int(s.cli.lines)})`, lines: s.cli.lines };
      }
      figures.push(
        ...(await cliSection({
          cliScript: join(here, 'cli.js'),
          floorScript: join(here, 'cli-floor.js'),
          rounds: s.quick ? 1 : 2,
          rssProbe: pathToFileURL(join(here, 'rss-probe.js')).href,
          input,
          asOf: s.cli.input === 'bench' ? AS_OF : EXAMPLES_AS_OF,
          year: ASSESSMENT_YEAR,
        })),
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  if (s.sections.has('stream')) figures.push(...(await streamSection(join(here, 'stream-child.js'), s.streamSubjects)));

  if (s.sections.has('calendar')) {
    console.log('');
    const { runCalendarBench } = (await import(pathToFileURL(join(here, 'calendar.js')).href)) as typeof import('./calendar.js');
    const c = await runCalendarBench({ time: s.calendarMs });
    figures.push({
      label: 'addWorkingDays vs chinese-days findWorkday',
      value: `${Math.round(c.addWorkingDaysRatio)}x`,
      target: '≥ 100x',
      status: c.addWorkingDaysRatio >= 100 ? 'met' : 'missed',
      note: `${int(c.addWorkingDaysPerSec)} vs ${int(c.findWorkdayPerSec)} calls/s`,
    });
  }

  if (s.sections.has('service')) {
    figures.push(
      ...(await serviceSection({
        cliScript: join(here, 'cli.js'),
        roster: s.service.rosterLines === null ? examples : examples.slice(0, s.service.rosterLines),
        asOf: EXAMPLES_AS_OF,
        year: ASSESSMENT_YEAR,
        concurrencies: s.service.concurrencies,
        seconds: s.service.seconds,
        checkSample: s.service.checkSample,
      })),
    );
  }

  printSummary(figures);
  console.log(`\ntotal: ${secs(performance.now() - started)}; load average at end ${loadAverage()}`);
}

await main();
