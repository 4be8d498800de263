import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getPack } from '../../packs/getPack.js';
import type { Decision } from '../../model/decision.js';
import { GovCreditError } from '../../model/errors.js';
import type { Pack, Rule } from '../../model/pack.js';
import { noExtraPositionals, oneOf, parseCommand, positiveInt, str } from '../_internal/args.js';
import { writeOut, writeText, type Ctx } from '../_internal/context.js';
import { decider } from '../_internal/evaluator.js';
import { CliError, EXIT, usageError } from '../_internal/exit.js';
import { num } from '../_internal/i18n.js';
import { openLines, readConfigJson } from '../_internal/input.js';
import { conditionText } from '../_internal/packText.js';
import { expandQueries, type QueryDefaults } from '../_internal/queries.js';
import { actionLabel, verdictCell } from '../_internal/render.js';
import { table } from '../_internal/text.js';
import { actionsArg, CALENDAR_OPTIONS, calendarArgs, checkPackFile, dateArg, packIdArg, policyArg, yearArg } from './common.js';

export const DIFF_OPTIONS = {
  roster: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  semantic: { type: 'boolean' },
  'as-of': { type: 'string' },
  year: { type: 'string' },
  action: { type: 'string' },
  policy: { type: 'string' },
  limit: { type: 'string' },
  format: { type: 'string' },
  ...CALENDAR_OPTIONS,
} as const;

export interface Change {
  /** clause | rule | policy | pack | mitigation | objections | … */
  what: string;
  id: string;
  change: 'added' | 'removed' | 'changed';
  fields?: { field: string; from: unknown; to: unknown }[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function fieldChanges<T extends object>(a: T, b: T, fields: (keyof T)[], show: (k: keyof T, v: unknown) => unknown = (_k, v) => v) {
  const out: { field: string; from: unknown; to: unknown }[] = [];
  for (const f of fields) if (!same(a[f], b[f])) out.push({ field: String(f), from: show(f, a[f]), to: show(f, b[f]) });
  return out;
}

/** What differs between two packs, item by item (clauses and rules by id). */
export function structuralDiff(a: Pack, b: Pack): Change[] {
  const out: Change[] = [];
  const meta = fieldChanges(a, b, ['id', 'version', 'name', 'division', 'document', 'extends', 'validFrom', 'validUntil', 'recordKinds']);
  if (meta.length) out.push({ what: 'pack', id: b.id, change: 'changed', fields: meta });
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const ca = byId(a.clauses);
  const cb = byId(b.clauses);
  for (const [id, c] of ca) {
    const d = cb.get(id);
    if (!d) out.push({ what: 'clause', id, change: 'removed' });
    else {
      const f = fieldChanges(c, d, ['document', 'section', 'quote', 'quoteSimplified', 'source', 'reading', 'handledBy']);
      if (f.length) out.push({ what: 'clause', id, change: 'changed', fields: f });
    }
  }
  for (const id of cb.keys()) if (!ca.has(id)) out.push({ what: 'clause', id, change: 'added' });
  const ra = byId(a.rules);
  const rb = byId(b.rules);
  const show = (k: keyof Rule, v: unknown) => (k === 'conditions' && v ? conditionText(v as Rule['conditions']) : v);
  for (const [id, r] of ra) {
    const s = rb.get(id);
    if (!s) out.push({ what: 'rule', id, change: 'removed' });
    else {
      const f = fieldChanges(
        r,
        s,
        ['clauses', 'subjects', 'scope', 'actions', 'records', 'conditions', 'verdict', 'obligations', 'priority', 'incentive', 'mitigable', 'validFrom', 'validUntil', 'description'],
        show,
      );
      if (f.length) out.push({ what: 'rule', id, change: 'changed', fields: f });
    }
  }
  for (const id of rb.keys()) if (!ra.has(id)) out.push({ what: 'rule', id, change: 'added' });
  for (const k of ['mitigation', 'objections', 'creditFile', 'derivations'] as const) {
    if (!same(a[k], b[k])) out.push({ what: k, id: k, change: a[k] === undefined ? 'added' : b[k] === undefined ? 'removed' : 'changed', fields: [{ field: k, from: a[k] ?? null, to: b[k] ?? null }] });
  }
  const keys = new Set([...Object.keys(a.policy), ...Object.keys(b.policy)]) as Set<keyof Pack['policy']>;
  for (const k of keys) {
    if (!same(a.policy[k], b.policy[k])) out.push({ what: 'policy', id: k, change: a.policy[k] === undefined ? 'added' : b.policy[k] === undefined ? 'removed' : 'changed', fields: [{ field: k, from: a.policy[k] ?? null, to: b.policy[k] ?? null }] });
  }
  return out;
}

/**
 * A pack named by id, or read from a file and validated (a modified copy of a shipped pack may keep
 * its id: it is compared as an object, never registered).
 */
function packArg(ref: string): Pack {
  if (!ref.endsWith('.json')) return getPack(packIdArg(ref, 'pack'));
  try {
    return checkPackFile(readConfigJson(ref));
  } catch (e) {
    if (e instanceof GovCreditError) throw CliError.from(e, EXIT.usage, { file: ref });
    throw e;
  }
}

const DEFAULT_SEED = 20261120;

interface SemanticDiff {
  differing: number;
}
interface TestingKit {
  diffPacks(before: string | Pack, after: string | Pack, options: { numRuns: number; seed: number; actions?: readonly string[] }): Promise<SemanticDiff>;
  formatDiff(result: SemanticDiff, options: { locale: 'zh-CN' | 'en' }): string;
}

/**
 * `gov-credit-rules/testing`, loaded only when `diff` needs it: it imports fast-check, an optional
 * peer dependency, which the rest of the CLI must not require. Looked for next to the CLI
 * (dist/testing.js), then by the package's name.
 */
async function loadTestingKit(): Promise<TestingKit | { error: string }> {
  const candidates: string[] = [];
  try {
    if (process.argv[1]) candidates.push(new URL('./testing.js', pathToFileURL(realpathSync(process.argv[1]))).href);
  } catch {
    // no script path: try the package name only
  }
  candidates.push('gov-credit-rules/testing');
  let last = 'not found';
  for (const spec of candidates) {
    if (spec.startsWith('file:') && !existsSync(fileURLToPath(spec))) continue;
    try {
      const mod = (await import(spec)) as Partial<TestingKit>;
      if (typeof mod.diffPacks === 'function' && typeof mod.formatDiff === 'function') return mod as TestingKit;
    } catch (e) {
      last = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    }
  }
  return { error: last };
}

interface DecisionDiff {
  line: number;
  subject: string;
  action: string;
  a: { verdict: string; rules: string[]; cell: string };
  b: { verdict: string; rules: string[]; cell: string };
}

const rulesOf = (d: Decision) => [...new Set(d.reasons.map((r) => r.rule))].sort();

/**
 * `diff <a> <b>`: what changed between two packs; with `--roster`, which of the roster's queries
 * now decide differently (verdict or reasons); and, unless --no-semantic, the testing kit's semantic
 * diff over generated queries (`diffPacks`, minimised examples).
 */
export async function runDiff(argv: string[], ctx: Ctx): Promise<number> {
  const p = parseCommand(argv, DIFF_OPTIONS);
  noExtraPositionals(p, 2, 'diff');
  const [ra, rb] = p.positionals;
  if (!ra || !rb) throw usageError('diff 需要两个规则包（标识或文件）', 'diff needs two packs (ids or files)');
  const format = oneOf(p, 'format', ['table', 'json'] as const, 'table');
  const a = packArg(ra);
  const b = packArg(rb);
  const kitA = ra.endsWith('.json') ? a : ra;
  const kitB = rb.endsWith('.json') ? b : rb;
  const runs = positiveInt(p, 'runs', 1_000_000) ?? 500;
  const seedArg = str(p, 'seed');
  if (seedArg !== undefined && !/^-?\d{1,10}$/.test(seedArg)) throw usageError(`--seed 应为整数，收到"${seedArg}"`, `--seed must be an integer, got "${seedArg}"`);
  const seed = seedArg !== undefined ? Number(seedArg) | 0 : DEFAULT_SEED;
  const changes = structuralDiff(a, b);
  const roster = str(p, 'roster');
  const limit = positiveInt(p, 'limit', 100000) ?? 20;
  const loc = ctx.locale;
  const en = loc === 'en';
  const { compared, differing, examples, byAction } = roster ? await rosterDiff(p, ctx, a, b, roster, limit) : { compared: 0, differing: 0, examples: [] as DecisionDiff[], byAction: new Map<string, { compared: number; differing: number }>() };
  // The testing kit's semantic diff: generated queries, minimised, grouped by what changed.
  let semantic: SemanticDiff | null = null;
  let semanticText = '';
  if (p.values.semantic !== false) {
    const kit = await loadTestingKit();
    if ('error' in kit) {
      await writeOut(
        ctx.stderr,
        en
          ? `note: no semantic diff (the testing kit needs the optional dependency fast-check: ${kit.error}); structural diff only\n`
          : `说明：未做语义比较（测试工具需要可选依赖 fast-check：${kit.error}）；仅比较结构\n`,
      );
    } else {
      const actions = actionsArg(p);
      try {
        semantic = await kit.diffPacks(kitA, kitB, { numRuns: runs, seed, ...(Array.isArray(actions) ? { actions } : {}) });
      } catch (e) {
        if (e instanceof GovCreditError) throw CliError.from(e, EXIT.usage);
        throw e;
      }
      semanticText = kit.formatDiff(semantic, { locale: loc });
    }
  }
  const differs = changes.length > 0 || differing > 0 || (semantic?.differing ?? 0) > 0;
  if (format === 'json') {
    const result: Record<string, unknown> = { a: `${a.id}@${a.version}`, b: `${b.id}@${b.version}`, same: !differs, changes };
    if (semantic) result.semantic = semantic;
    if (roster) result.decisions = { compared, differing, byAction: Object.fromEntries(byAction), examples };
    await writeOut(ctx.stdout, JSON.stringify(result, null, 2) + '\n');
    return differs ? EXIT.data : EXIT.ok;
  }
  const out: string[] = [];
  out.push(`${a.id}@${a.version} → ${b.id}@${b.version}`);
  if (!changes.length) out.push(en ? '  no structural differences' : '  结构上没有差异');
  const sign = { added: '+', removed: '-', changed: '~' } as const;
  for (const c of changes) {
    out.push(`  ${sign[c.change]} ${c.what} ${c.id}`);
    for (const f of c.fields ?? []) {
      const v = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
      out.push(`      ${f.field}: ${v(f.from)}`, `      ${' '.repeat(f.field.length)}→ ${v(f.to)}`);
    }
  }
  if (semanticText) out.push('', semanticText);
  if (roster) {
    out.push(
      '',
      en
        ? `decisions over ${roster}: ${num(compared)} compared, ${num(differing)} differ`
        : `${roster} 上的决定：比较 ${num(compared)} 个，不同 ${num(differing)} 个`,
    );
    if (byAction.size) {
      out.push(table([en ? 'action' : '事项', en ? 'compared' : '比较', en ? 'differ' : '不同'], [...byAction].map(([k, v]) => [actionLabel(k, loc), num(v.compared), num(v.differing)]), { right: [1, 2], indent: '  ', maxWidth: ctx.width }));
    }
    if (examples.length) {
      out.push('');
      out.push(
        table(
          [en ? 'line' : '行', en ? 'subject' : '主体', en ? 'action' : '事项', `A ${a.id}`, `B ${b.id}`],
          examples.map((x) => [String(x.line), x.subject, actionLabel(x.action, loc), x.a.cell, x.b.cell]),
          { indent: '  ', maxWidth: ctx.width, nowrap: [0] },
        ),
      );
      if (differing > examples.length) out.push(en ? `  … ${num(differing - examples.length)} more (--limit)` : `  ……另有 ${num(differing - examples.length)} 个（--limit）`);
    }
  }
  await writeText(ctx.stdout, out.join('\n') + '\n');
  return differs ? EXIT.data : EXIT.ok;
}

/** Both packs' decisions on every query of a roster: how many differ, by action, with the first `limit` of them. */
async function rosterDiff(p: ReturnType<typeof parseCommand>, ctx: Ctx, a: Pack, b: Pack, roster: string, limit: number) {
  const loc = ctx.locale;
  let compared = 0;
  let differing = 0;
  const examples: DecisionDiff[] = [];
  const byAction = new Map<string, { compared: number; differing: number }>();
  const asOf = dateArg(str(p, 'as-of'), 'as-of');
  if (!asOf) throw usageError('--roster 需要 --as-of', '--roster needs --as-of');
  const setup = calendarArgs(p);
  const defaults: QueryDefaults = {
    packs: ['A'],
    actions: actionsArg(p) ?? 'all',
    asOf,
    year: yearArg(str(p, 'year')) ?? null,
    policy: policyArg(p),
    unknownYears: setup.unknownYears === 'error' ? null : setup.unknownYears,
  };
  const d = decider();
  const src = openLines(roster, ctx.stdin);
  let lineNo = 0;
  for await (const batch of src.lines) {
    for (const line of batch) {
      lineNo++;
      if (typeof line !== 'string' || !line.trim()) continue;
      let queries: Record<string, unknown>[];
      try {
        queries = expandQueries(JSON.parse(line), defaults).queries;
      } catch {
        continue; // batch reports bad lines; diff compares what both packs can decide
      }
      for (const q of queries) {
        let da: Decision;
        let db: Decision;
        try {
          da = await d.decide({ ...q, pack: a });
          db = await d.decide({ ...q, pack: b });
        } catch (e) {
          if (e instanceof GovCreditError) continue;
          throw e;
        }
        compared++;
        const stat = byAction.get(da.action) ?? { compared: 0, differing: 0 };
        stat.compared++;
        byAction.set(da.action, stat);
        if (da.verdict !== db.verdict || !same(rulesOf(da), rulesOf(db))) {
          differing++;
          stat.differing++;
          if (examples.length < limit) {
            examples.push({
              line: lineNo,
              subject: da.subject.id,
              action: da.action,
              a: { verdict: da.verdict, rules: rulesOf(da), cell: verdictCell(da, loc) },
              b: { verdict: db.verdict, rules: rulesOf(db), cell: verdictCell(db, loc) },
            });
          }
        }
      }
    }
  }
  return { compared, differing, examples, byAction };
}
