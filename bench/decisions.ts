/**
 * Decisions section: every method of bench/methods.ts on the same queries, checked first, then timed
 * in interleaved rounds; the ratios of COMPARISONS with their targets; the conditions alone; and a
 * subject asked every pack and action (the hook for decideSubject).
 */
import { isDeepStrictEqual } from 'node:util';
import { compilePack } from '../src/engine/_internal/compiledPack.js';
import { buildContext } from '../src/engine/_internal/context.js';
import { dayEvaluation, type DayEvaluation } from '../src/facts/_internal/dayFacts.js';
import { runWithJsonRulesEngine } from '../src/packs/_internal/jre.js';
import { evaluate, listPacks, parseQuery, untyped, type Decision } from '../src/index.js';
import { checkQueries, cover, emptyCoverage, formatCoverage } from './checkSample.js';
import { decideBinhai } from './handwritten-binhai.js';
import { inBatches, int, judge, ratio, secs, timeInterleaved, type Figure, type Task } from './harness.js';
import { actionsFor, agrees, fairPerSubject, rosterScreening, COMPARISONS, QUERY_METHODS, SUBJECT_COMPARISONS, SUBJECT_METHODS, type Comparison, type Decide } from './methods.js';

/** The shipped packs, from the registry. */
export const PACKS: readonly string[] = listPacks()
  .filter((p) => p.shipped)
  .map((p) => p.id);

/** A set of queries every method decides: one sample per pack, the same subjects under each pack. */
export interface Input {
  name: string;
  describe: string;
  queries: Map<string, Record<string, unknown>[]>;
  /** Subjects for the subject-at-once figure, with the day and year they are asked about. */
  subjects: Record<string, unknown>[];
  asOf: string;
  assessmentYear: number;
}

export interface DecisionsOptions {
  batch: number;
  passes: number;
  warmupRounds: number;
  /** Generated queries the hand-written function is checked on (besides the inputs). */
  handwrittenChecks: number;
  /** Subjects asked every pack and action. */
  subjectsAtOnce: number;
}

/** Answer or error, for comparing two paths: the same error class and issues count as agreement. */
async function outcome(fn: () => unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

function sameError(a: unknown, b: unknown): boolean {
  return a instanceof Error && b instanceof Error && a.constructor === b.constructor && isDeepStrictEqual((a as { issues?: unknown }).issues, (b as { issues?: unknown }).issues);
}

/**
 * The hand-written Binhai function against `evaluate` on generated queries that exercise the new
 * semantics (open periods, duty scope, sanction changes and revocations, credit corrections, errors).
 */
export async function checkHandwritten(count: number): Promise<string> {
  const t = performance.now();
  const coverage = emptyCoverage();
  for (const q of checkQueries('cn-tj-binhai', count)) {
    const ref = await outcome(() => evaluate(untyped(q)));
    const hand = await outcome(() => decideBinhai(q));
    if (ref.ok !== hand.ok || (ref.ok && hand.ok && !isDeepStrictEqual(ref.value, hand.value)) || (!ref.ok && !hand.ok && !sameError(ref.error, hand.error))) {
      throw new Error(`hand-written != evaluate for ${JSON.stringify(q)}`);
    }
    cover(coverage, ref.ok ? (ref.value as Decision) : null);
  }
  return `hand-written Binhai deep-equals evaluate (decisions and errors) on ${formatCoverage(coverage)} (${secs(performance.now() - t)})`;
}

interface Prepared {
  method: (typeof QUERY_METHODS)[number];
  byPack: Map<string, Decide>;
}

/** The decisions/s of each method and pack, and every ratio with its target, on one input. */
export async function decisionsOn(input: Input, o: DecisionsOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  const prepared: Prepared[] = QUERY_METHODS.filter((m) => m.prepare).map((method) => ({
    method,
    byPack: new Map((method.packs ?? PACKS).map((p) => [p, method.prepare!(p)])),
  }));
  const perPack = input.queries.get(PACKS[0]!)!.length;
  console.log(`\n== decisions on ${input.name}: ${input.describe}; ${int(perPack)} queries per pack, the same for every method`);

  // 1. Check: each method against evaluate on every query it will be timed on (this also warms it up).
  let t = performance.now();
  let checked = 0;
  for (const p of PACKS) {
    for (const q of input.queries.get(p)!) {
      const ref = await outcome(() => evaluate(untyped(q)));
      for (const { method, byPack } of prepared) {
        const decide = byPack.get(p);
        if (!decide) continue;
        const got = await outcome(() => decide(q));
        const same = ref.ok ? got.ok && agrees(method.output, got.value, ref.value as Decision) : !got.ok && sameError(ref.error, got.error);
        if (!same) throw new Error(`${method.id} disagrees with evaluate under ${p} for ${JSON.stringify(q)}`);
        checked++;
      }
    }
  }
  console.log(
    `check: ${prepared.map((x) => `${x.method.id} (${x.method.output === 'decision' ? 'deep-equal decisions' : x.method.output})`).join(', ')} ` +
      `agree with evaluate on every query timed below (${int(checked)} answers, ${secs(performance.now() - t)})`,
  );

  // 2. Time: one task per (method, pack), batches of the same queries, interleaved rounds.
  const tasks: Task[] = [];
  let sink = 0;
  const keep = (x: unknown) => {
    sink += x === null || typeof x !== 'object' ? 1 : (x as Decision).reasons?.length ?? 1;
  };
  for (const { method, byPack } of prepared) {
    for (const [p, decide] of byPack) {
      const batches = inBatches(input.queries.get(p)!, o.batch);
      tasks.push({
        id: `${method.id}|${p}`,
        batches: batches.length,
        size: (b) => batches[b]!.length,
        run: method.async
          ? async (b) => {
              for (const q of batches[b]!) keep(await decide(q));
            }
          : (b) => {
              for (const q of batches[b]!) keep(decide(q));
            },
      });
    }
  }
  t = performance.now();
  const timing = await timeInterleaved(tasks, { passes: o.passes, warmupRounds: o.warmupRounds });
  if (sink < 0) console.log(sink);
  // Over several packs: queries per second of the summed median times per query.
  const rate = (method: string, packs: readonly string[]): number => {
    let ms = 0;
    for (const p of packs) {
      const x = timing.get(`${method}|${p}`);
      if (!x) return NaN;
      ms += x.medianMs;
    }
    return (packs.length * 1000) / ms;
  };
  console.log(
    `decisions/s (${o.warmupRounds} warm-up rounds, then ${o.passes} pass(es) over the sample in interleaved rounds of one batch of ${Math.min(o.batch, perPack)} per task; rate from the median batch; ${secs(performance.now() - t)}):`,
  );
  const cols = prepared.map((x) => x.method.id);
  console.log(`  ${'pack'.padEnd(16)}${cols.map((c) => c.padStart(14)).join('')}${'compiled/fair'.padStart(16)}${'screening/fair'.padStart(16)}`);
  for (const p of [...PACKS, 'all six packs']) {
    const packs = p === 'all six packs' ? PACKS : [p];
    const cells = cols.map((c) => {
      const r = rate(c, packs);
      return (Number.isFinite(r) ? int(r) : '—').padStart(14);
    });
    console.log(`  ${p.padEnd(16)}${cells.join('')}${ratio(rate('compiled', packs) / rate('fair-jre', packs)).padStart(16)}${ratio(rate('screening', packs) / rate('fair-jre', packs)).padStart(16)}`);
  }

  // 3. Ratios with their targets.
  for (const c of COMPARISONS) {
    // A target holds on the inputs it names (issue 25: the bench roster); elsewhere the ratio is printed for information.
    const judged = !c.targetOn || c.targetOn.includes(input.name) ? c : { ...c, target: null };
    figures.push(comparisonFigure(judged, `${c.label} [${input.name}]`, (m, packs) => rate(m, packs)));
  }

  // 4. The conditions alone: the same day evaluations, only the runner differs; each day run once per pass.
  figures.push(await conditionsAlone(input, o));
  return figures;
}

function comparisonFigure(c: Comparison, label: string, rate: (method: string, packs: readonly string[]) => number): Figure {
  const packs = c.packs ?? PACKS;
  const target = c.target === null ? null : `≥ ${c.target}x`;
  const num = rate(c.numerator, packs);
  const den = rate(c.denominator, packs);
  if (!Number.isFinite(num) || !Number.isFinite(den)) {
    const missing = !Number.isFinite(num) ? c.numerator : c.denominator;
    return { label, value: '—', target, status: 'not built', note: `${missing} is not built yet (issue 15)` };
  }
  const r = num / den;
  return {
    label,
    value: ratio(r),
    target,
    status: c.target === null ? 'info' : judge(r, '>=', c.target),
    note: `${int(num)} vs ${int(den)} /s${c.packs ? ` (${c.packs.join(', ')})` : ''}`,
  };
}

/**
 * The runners alone on the same day evaluations (facts and candidates of each query's day, built
 * once): json-rules-engine as our reference runs it, and the compiled closures. Each day is run once
 * per pass and what fired is counted, so nothing is repeated in cache and nothing is optimised away.
 */
async function conditionsAlone(input: Input, o: DecisionsOptions): Promise<Figure> {
  const days: DayEvaluation[] = [];
  for (const p of PACKS) {
    for (const q of input.queries.get(p)!) {
      const ctx = buildContext(parseQuery(q));
      const day = dayEvaluation(ctx, ctx.query.asOf, ctx.query.asOf);
      if (day.candidates.length) days.push(day);
    }
  }
  const candidates = days.reduce((n, d) => n + d.candidates.length, 0);
  const runners = new Map<string, ReturnType<typeof compilePack>['run']>(PACKS.map((p) => [p, compilePack(p).run]));
  const runnerOf = days.map((d) => runners.get(d.ctx.pack.id)!);
  let fired = 0;
  const count = (xs: boolean[]) => {
    for (const x of xs) if (x) fired++;
  };
  const passes = Math.max(5, o.passes * 5);
  const timing = await timeInterleaved(
    [
      {
        id: 'jre',
        batches: 1,
        run: async () => {
          for (const d of days) count(await runWithJsonRulesEngine(d));
        },
      },
      {
        id: 'compiled',
        batches: 1,
        run: () => {
          for (let i = 0; i < days.length; i++) count(runnerOf[i]!(days[i]!));
        },
      },
    ],
    { passes, warmupRounds: 2 },
  );
  if (fired < 0) console.log(fired);
  const jre = (candidates * 1000) / timing.get('jre')!.medianMs;
  const cmp = (candidates * 1000) / timing.get('compiled')!.medianMs;
  console.log(
    `conditions alone (the same ${int(days.length)} day evaluations, ${int(candidates)} rule × record candidates; each day once per pass, median of ${passes} passes): ` +
      `json-rules-engine ${int(jre)} candidates/s, compiled closures ${int(cmp)} candidates/s, ${ratio(cmp / jre)}`,
  );
  return { label: `conditions alone, compiled vs json-rules-engine [${input.name}]`, value: ratio(cmp / jre), target: null, status: 'info', note: `${int(cmp)} vs ${int(jre)} candidates/s` };
}

/**
 * One subject, every pack and every action that applies to it: decisions/s one at a time (and later
 * decideSubject), checked equal first.
 */
export async function subjectsAtOnce(input: Input, o: DecisionsOptions): Promise<Figure[]> {
  const subjects = input.subjects.slice(0, o.subjectsAtOnce);
  const shared = { asOf: input.asOf, assessmentYear: input.assessmentYear };
  const methods = SUBJECT_METHODS.filter((m) => m.prepare).map((m) => ({ id: m.id, decide: m.prepare!(PACKS) }));
  const reference = methods.find((m) => m.id === 'one-at-a-time')!;
  let decisions = 0;
  for (const s of subjects) {
    const want = reference.decide(s, shared);
    decisions += want.size;
    for (const m of methods) {
      if (m !== reference && !isDeepStrictEqual(m.decide(s, shared), want)) throw new Error(`${m.id} != one-at-a-time for subject ${String(s.id)}`);
    }
  }
  // A roster screened: every pack and action of each subject through screen's core, and the fair
  // json-rules-engine asked the same questions; both checked against the decisions first.
  const screening = rosterScreening(PACKS, shared);
  const fair = fairPerSubject(PACKS, shared);
  for (const s of subjects) {
    const want = reference.decide(s, shared);
    const got = screening(s);
    const verdicts = await fair(s);
    const keys = [...want.keys()];
    if (got.length !== keys.length || verdicts.length !== keys.length) throw new Error(`screening or fair-jre: ${got.length}/${verdicts.length} answers, want ${keys.length} (subject ${String(s.id)})`);
    keys.forEach((k, i) => {
      const d = want.get(k)!;
      const r = got[i]!;
      const decisionOk = d.verdict === 'clear' ? r.decision === undefined : isDeepStrictEqual(r.decision, d);
      if (`${r.pack}|${r.action}` !== k || r.verdict !== d.verdict || r.clearFrom !== d.clearFrom || !decisionOk) throw new Error(`screening != one-at-a-time at ${k} (subject ${String(s.id)})`);
      if (verdicts[i] !== d.verdict) throw new Error(`fair-jre != one-at-a-time at ${k} (subject ${String(s.id)})`);
    });
  }
  const batches = inBatches(subjects, Math.max(1, Math.floor(subjects.length / 8)));
  let sink = 0;
  const decisionsIn = batches.map((b) => b.reduce((n, s) => n + PACKS.length * actionsFor(s.kind).length, 0));
  const timing = await timeInterleaved(
    [
      ...methods.map((m) => ({
        id: m.id,
        batches: batches.length,
        size: (b: number) => decisionsIn[b]!,
        run: (b: number) => {
          for (const s of batches[b]!) sink += m.decide(s, shared).size;
        },
      })),
      {
        id: 'screen',
        batches: batches.length,
        size: (b: number) => decisionsIn[b]!,
        run: (b: number) => {
          for (const s of batches[b]!) sink += screening(s).length;
        },
      },
      {
        id: 'fair-jre',
        batches: batches.length,
        size: (b: number) => decisionsIn[b]!,
        run: async (b: number) => {
          for (const s of batches[b]!) sink += (await fair(s)).length;
        },
      },
    ],
    { passes: o.passes, warmupRounds: 1 },
  );
  if (sink < 0) console.log(sink);
  const rateOf = (id: string) => {
    const x = timing.get(id);
    return x ? 1000 / x.medianMs : NaN;
  };
  const actions = subjects.reduce((n, s) => n + actionsFor(s.kind).length, 0) / subjects.length;
  console.log(
    `\nsubject at once [${input.name}]: ${int(subjects.length)} subjects × ${PACKS.length} packs × every applicable action (${actions.toFixed(1)} on average) = ${int(decisions)} decisions; ` +
      SUBJECT_METHODS.map((m) => `${m.id} ${m.prepare ? `${int(rateOf(m.id))} decisions/s` : 'not built yet'}`).join(', ') +
      `; screen (verdict and clearFrom, decisions where not clear) ${int(rateOf('screen'))} answers/s; fair json-rules-engine (subject validated and reduced once) ${int(rateOf('fair-jre'))} verdicts/s`,
  );
  return [
    { label: `one-at-a-time decisions/s, every pack and action of a subject [${input.name}]`, value: int(rateOf('one-at-a-time')), target: null, status: 'info' },
    ...SUBJECT_COMPARISONS.map((c) => comparisonFigure(c, `${c.label} [${input.name}]`, (m) => rateOf(m))),
    comparisonFigure(
      { label: 'screen (every pack and action of a subject) vs fair json-rules-engine asked the same questions', numerator: 'screen', denominator: 'fair-jre', target: input.name === 'bench roster' ? 30 : null },
      `screen, a roster, per answer vs fair json-rules-engine [${input.name}]`,
      (m) => rateOf(m),
    ),
  ];
}
