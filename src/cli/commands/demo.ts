import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '../../engine/evaluate.js';
import { listPacks } from '../../packs/listPacks.js';
import { timeline } from '../../engine/timeline.js';
import type { Decision } from '../../model/decision.js';
import { ACTIONS_BY_SUBJECT } from '../../model/pack.js';
import { ANNUAL_REVIEW_ACTIONS, LABELS, type Action, type SubjectKind } from '../../model/vocabulary.js';
import { flag, noExtraPositionals, parseCommand, positiveInt, str } from '../_internal/args.js';
import { writeOut, writeText, type Ctx } from '../_internal/context.js';
import { expectationQuery, loadExamples, mismatches, type ExampleFile } from '../_internal/examples.js';
import { label } from '../../model/labels.js';
import { CliError, EXIT } from '../_internal/exit.js';
import { L, num, type Locale } from '../_internal/i18n.js';
import { packageRoot } from '../_internal/packageRoot.js';
import { actionLabel, citedClauses, clauseLegend, packClause, packName, packNameAndId, verdictCell, verdictLabel } from '../_internal/render.js';
import { hostCalendar } from '../_internal/schedules.js';
import { table, wrap } from '../_internal/text.js';
import { countsRows, countsTable, runBatch } from './batch.js';
import { CALENDAR_OPTIONS, calendarArgs } from './common.js';
import { untyped } from '../../model/untyped.js';

export const DEMO_OPTIONS = {
  examples: { type: 'string' },
  workers: { type: 'string' },
  roster: { type: 'boolean' },
  ...CALENDAR_OPTIONS,
} as const;

/** The day the roster describes (scripts/gen-examples.ts) and the year its annual reviews ask about. */
const ROSTER_AS_OF = '2026-11-20';
const ROSTER_YEAR = 2026;


/** `demo`: the examples under every pack, a roster summary through the batch machinery, a timeline. */
export async function runDemo(argv: string[], ctx: Ctx): Promise<number> {
  const p = parseCommand(argv, DEMO_OPTIONS);
  noExtraPositionals(p, 0, 'demo');
  const loc = ctx.locale;
  const en = loc === 'en';
  const dir = str(p, 'examples') ?? (packageRoot() ? join(packageRoot()!, 'examples') : null);
  if (!dir || !existsSync(join(dir, 'subjects'))) {
    throw new CliError({
      code: 'no_examples',
      text: L(`找不到示例目录${dir ? ` ${dir}/subjects` : ''}：请用 --examples 指定`, `no examples folder${dir ? ` at ${dir}/subjects` : ''}: give --examples`),
      exitCode: EXIT.usage,
    });
  }
  const workers = positiveInt(p, 'workers', 64) ?? 1;
  const calendar = calendarArgs(p);
  const options = hostCalendar() ? { calendar: hostCalendar()! } : {};
  const W = ctx.width;
  const packs = listPacks().filter((x) => x.shipped).map((x) => x.id);
  const out = (s: string) => writeText(ctx.stdout, s + '\n');
  const started = performance.now();

  const env: DemoEnv = { ctx, en, loc, W, packs, options, out };

  // 1. Every hand-written subject under every pack, for the actions that apply to it.
  const examples = loadExamples(join(dir, 'subjects'));
  const { failed, decided } = await demoExamples(env, examples);
  // 2. The roster, through the batch machinery (worker threads with --workers).
  const rosterPath = join(dir, 'roster.jsonl');
  if (p.values.roster !== false && existsSync(rosterPath)) await demoRoster(env, rosterPath, workers, calendar);
  // 3. Timelines: when does the verdict change, and why.
  await demoTimelines(env, examples, decided);
  await out('');
  await out(en ? `demo done in ${((performance.now() - started) / 1000).toFixed(1)} s` : `演示完成，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
  return failed.length ? EXIT.data : EXIT.ok;
}

/** What the demo's sections share: where to write, in which language and width, the packs, the calendar. */
interface DemoEnv {
  ctx: Ctx;
  en: boolean;
  loc: Locale;
  W: number;
  packs: string[];
  options: { calendar?: NonNullable<ReturnType<typeof hostCalendar>> };
  out: (s: string) => Promise<unknown>;
}

/** Section 1: every example subject under every pack, each cell checked against the verdict the file expects. */
async function demoExamples(env: DemoEnv, examples: ExampleFile[]): Promise<{ failed: string[]; decided: Decision[] }> {
  const { en, loc, W, packs, options, out } = env;
  await out(en ? `== ${examples.length} example subjects × ${packs.length} packs ==` : `== ${examples.length} 个示例主体 × ${packs.length} 个规则包 ==`);
  await out(
    wrap(
      en
        ? 'Each cell: the verdict and the clauses of its reasons (X(↓) lighter, X(-) exempt by mitigation; +X priority/incentive). ✓/✗: the verdict the example file expects. Clause codes are explained after the examples.'
        : '每格：结论及其理由的条款（X(↓) 经决定从轻，X(-) 经决定免于；+X 优先考虑或激励）。✓/✗：是否与示例文件中的预期结论一致。条款代码的含义见示例之后。',
      W,
    ).join('\n'),
  );
  await out(wrap(`${en ? 'Packs: ' : '规则包：'}${packs.map((x) => packNameAndId(x, loc)).join(en ? ', ' : '、')}`, W).join('\n'));
  let checked = 0;
  const failed: string[] = [];
  const decided: Decision[] = [];
  for (const ex of examples) {
    const kind = ex.subject.kind as SubjectKind;
    const actions = ACTIONS_BY_SUBJECT[kind];
    const year = ex.assessmentYear;
    const head = en
      ? `${ex.file.replace(/\.json$/, '')}  ${ex.title[loc]}  (${ex.subject.id}, ${LABELS.subjectKind[kind][loc]}; as of ${ex.asOf}${year ? `, year ${year}` : ''})`
      : `${ex.file.replace(/\.json$/, '')}  ${ex.title[loc]}（${ex.subject.id}，${LABELS.subjectKind[kind][loc]}；截至 ${ex.asOf}${year ? `，${year} 年度` : ''}）`;
    await out('');
    await out(wrap(head, W).join('\n'));
    for (const l of wrap(ex.situation[loc], W - 2)) await out(`  ${l}`);
    const rows: string[][] = [];
    for (const action of actions) {
      const annual = ANNUAL_REVIEW_ACTIONS.includes(action);
      if (annual && year === undefined) continue;
      const row: string[] = [actionLabel(action, loc)];
      for (const pack of packs) {
        const d = await evaluate(untyped({ pack, subject: ex.subject, action, asOf: ex.asOf, ...(annual ? { assessmentYear: year } : {}) }), options);
        decided.push(d);
        const e = ex.expect.find((x) => x.pack === pack && x.action === action && x.asOf === undefined && x.assessmentYear === undefined);
        let mark = '';
        if (e) {
          checked++;
          const m = mismatches(d, e);
          mark = m.length ? ' ✗' : ' ✓';
          if (m.length) failed.push(`${ex.file} ${pack} ${action}: ${m.join('; ')}`);
        }
        row.push(verdictCell(d, loc) + mark);
      }
      rows.push(row);
    }
    await out(table([en ? 'action' : '事项', ...packs.map((x) => packName(x, loc))], rows, { indent: '  ', maxWidth: W }));
    // Expectations on other days (before a revocation, after a period ends).
    for (const e of ex.expect.filter((x) => x.asOf !== undefined || x.assessmentYear !== undefined)) {
      const d: Decision = await evaluate(untyped(expectationQuery(ex, e)), options);
      decided.push(d);
      const m = mismatches(d, e);
      checked++;
      if (m.length) failed.push(`${ex.file} ${e.pack} ${e.action} ${e.asOf ?? ''}: ${m.join('; ')}`);
      const line = en
        ? `as of ${e.asOf ?? ex.asOf}: ${packName(e.pack, loc)} ${e.action} → ${verdictCell(d, loc)}${m.length ? ' ✗' : ' ✓'}`
        : `截至 ${e.asOf ?? ex.asOf}：${packName(e.pack, loc)} ${actionLabel(e.action, loc)} → ${verdictCell(d, loc)}${m.length ? ' ✗' : ' ✓'}`;
      await out(wrap(line, W - 2).map((l, i) => `${i === 0 ? '  ' : '    '}${l}`).join('\n'));
    }
  }
  await out('');
  await out(clauseLegend(citedClauses(decided), loc, W));
  await out('');
  await out(
    en
      ? `expected verdicts: ${checked} checked, ${checked - failed.length} hold${failed.length ? `, ${failed.length} do not:` : ''}`
      : `预期结论：检查 ${checked} 项，${checked - failed.length} 项一致${failed.length ? `，${failed.length} 项不一致：` : ''}`,
  );
  for (const f of failed) await out(`  ✗ ${f}`);
  return { failed, decided };
}

/** Section 2: the roster through the batch machinery, with its counts. */
async function demoRoster(env: DemoEnv, rosterPath: string, workers: number, calendar: ReturnType<typeof calendarArgs>): Promise<void> {
  const { ctx, en, loc, W, packs, out } = env;
  await out('');
  await out(
    wrap(
      en
        ? `== roster: examples/roster.jsonl, every pack × every applicable action, as of ${ROSTER_AS_OF}, assessment year ${ROSTER_YEAR} ==`
        : `== 花名册：examples/roster.jsonl，全部规则包 × 全部适用事项，截至 ${ROSTER_AS_OF}，考核年度 ${ROSTER_YEAR} ==`,
      W,
    ).join('\n'),
  );
  const rep = await runBatch(
    {
      input: rosterPath,
      defaults: { packs, actions: 'all', asOf: ROSTER_AS_OF, year: ROSTER_YEAR, policy: null, unknownYears: calendar.unknownYears === 'error' ? null : calendar.unknownYears },
      workers,
      strict: false,
      progress: true,
      setup: { loads: [], calendar },
      sink: null,
    },
    ctx,
  );
  const t = rep.total;
  const evaluator = label('evaluator', rep.evaluator, loc);
  await out(
    wrap(
      en
        ? `${num(t.lines - t.blank)} subjects, ${num(t.decisions)} decisions, ${num(rep.badCount)} bad lines, in ${rep.seconds.toFixed(1)} s (${num(t.decisions / rep.seconds)}/s, ${evaluator}, ${rep.threads} thread${rep.threads > 1 ? 's' : ''})`
        : `${num(t.lines - t.blank)} 个主体，${num(t.decisions)} 个决定，无效行 ${num(rep.badCount)}，用时 ${rep.seconds.toFixed(1)} 秒（每秒 ${num(t.decisions / rep.seconds)} 个，${evaluator}，${rep.threads} 个线程）`,
      W,
    ).join('\n'),
  );
  await out(countsTable(countsRows(t.counts), loc, W));
}

/** Section 3: timelines of three examples, and the clauses they cite that the tables did not. */
async function demoTimelines(env: DemoEnv, examples: ExampleFile[], decided: Decision[]): Promise<void> {
  const { en, loc, W, out } = env;
  await out('');
  await out(en ? '== timelines ==' : '== 时间线 ==');
  const shows: { file: string; pack: string; action: Action; from: string; to: string }[] = [
    { file: '12-objection-revoked.json', pack: 'cn-jl-tonghua', action: 'promotion', from: '2026-05-01', to: '2026-11-20' },
    { file: '03-demerit-salary-step.json', pack: 'cn-national', action: 'salary-step', from: '2026-01-01', to: '2027-12-31' },
    { file: '16-department-rectification-missed.json', pack: 'cn-gd', action: 'honour-selection', from: '2026-01-01', to: '2026-11-20' },
  ];
  const timelineClauses = new Set<string>();
  for (const s of shows) {
    const ex = examples.find((x) => x.file === s.file);
    if (!ex) continue;
    await out(wrap(`${ex.subject.id} ${ex.title[loc]} — ${packName(s.pack, loc)} ${actionLabel(s.action, loc)}${en ? ', ' : '，'}${s.from} … ${s.to}`, W).join('\n'));
    await out(await timelineText(ex, s, loc, W, timelineClauses));
  }
  const shown = new Set(citedClauses(decided).map((c) => c.clause));
  const more = shows.flatMap((s) => [...timelineClauses].filter((c) => !shown.has(c)).map((c) => packClause(s.pack, c))).filter((c) => c !== null);
  const extra = [...new Map(more.map((c) => [c.clause, c])).values()];
  if (extra.length) await out(clauseLegend(extra, loc, W));
}

async function timelineText(ex: ExampleFile, s: { pack: string; action: Action; from: string; to: string }, loc: Locale, width: number, clauses: Set<string>): Promise<string> {
  const changes = await timeline(untyped(ex.subject), { from: s.from, to: s.to, action: s.action, pack: s.pack });
  const rows = changes.map((c) => {
    for (const r of c.reasons) for (const id of r.clauses) clauses.add(id);
    return [
      c.on,
      verdictLabel(c.verdict, loc),
      c.causes
        .map((k) => [label('timelineCause', k.kind, loc), k.record, k.event ? label('eventType', k.event, loc) : undefined, k.rule].filter(Boolean).join(' '))
        .join(loc === 'en' ? '; ' : '；'),
      [...new Set(c.reasons.flatMap((r) => r.clauses))].join(' ') || '—',
    ];
  });
  const en = loc === 'en';
  return table([en ? 'from' : '自', en ? 'verdict' : '结论', en ? 'because' : '原因', en ? 'clauses' : '条款'], rows, { indent: '  ', maxWidth: width, nowrap: [0] });
}
