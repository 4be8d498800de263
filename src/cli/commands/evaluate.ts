import { explain } from '../../decision/explain.js';
import { evaluate } from '../../engine/evaluate.js';
import type { Decision } from '../../model/decision.js';
import { GovCreditError } from '../../model/errors.js';
import { LABELS } from '../../model/vocabulary.js';
import { noExtraPositionals, oneOf, parseCommand } from '../_internal/args.js';
import { writeOut, type Ctx } from '../_internal/context.js';
import { CliError, EXIT, errorJson, formatError, usageError } from '../_internal/exit.js';
import { L as Lx } from '../_internal/i18n.js';
import { readJson } from '../_internal/input.js';
import { expandQueries, isBareSubject, relativeToSubject } from '../_internal/queries.js';
import { decisionTable, verdictCell } from '../_internal/render.js';
import { table } from '../_internal/text.js';
import { QUERY_OPTIONS, queryDefaults, requireYear } from './common.js';

export const EVALUATE_OPTIONS = { ...QUERY_OPTIONS, format: { type: 'string' } } as const;

/** `evaluate <file|->`: one query (or a subject with options) → decision(s). */
export async function runEvaluate(argv: string[], ctx: Ctx): Promise<number> {
  const p = parseCommand(argv, EVALUATE_OPTIONS);
  noExtraPositionals(p, 1, 'evaluate');
  const file = p.positionals[0];
  if (!file) throw usageError('evaluate 需要一个文件（或 - 表示标准输入）', 'evaluate needs a file (or - for stdin)');
  const format = oneOf(p, 'format', ['table', 'text', 'json'] as const, 'table');
  const { defaults } = queryDefaults(p, { yearFromInput: true });
  const L = ctx.locale;
  const fail = async (e: unknown): Promise<number> => {
    if (!(e instanceof GovCreditError)) throw e;
    await writeOut(ctx.stderr, (format === 'json' ? JSON.stringify({ error: errorJson(e) }) : formatError(e, L)) + '\n');
    return EXIT.data;
  };
  const doc = await readJson(file, ctx.stdin);
  // The year may come from the input: a query's assessmentYear, or an example file's.
  if (!(doc !== null && typeof doc === 'object' && 'assessmentYear' in doc)) requireYear(defaults);
  let queries: Record<string, unknown>[];
  try {
    const ex = expandQueries(doc, defaults);
    queries = ex.queries;
    if (queries.length === 0) {
      const kind = (doc as { kind?: string; subject?: { kind?: string } }).subject?.kind ?? (doc as { kind?: string }).kind ?? '?';
      const label = LABELS.subjectKind[kind as keyof typeof LABELS.subjectKind]?.[L] ?? kind;
      throw new CliError(Lx(`所问事项均不适用于${label}`, `none of the actions asked applies to a ${label}`), EXIT.data);
    }
  } catch (e) {
    if (e instanceof GovCreditError) return fail(e);
    throw e;
  }
  const decisions: Decision[] = [];
  for (const q of queries) {
    try {
      decisions.push(await evaluate(q));
    } catch (e) {
      return fail(e instanceof GovCreditError && isBareSubject(doc) ? relativeToSubject(e) : e);
    }
  }
  let text: string;
  if (format === 'json') text = JSON.stringify(decisions.length === 1 ? decisions[0] : decisions, null, 2);
  else if (format === 'text') text = decisions.map((d) => explain(d, { locale: L })).join('\n\n');
  else if (decisions.length === 1) text = decisionTable(decisions[0]!, L);
  else {
    const en = L === 'en';
    text = table(
      [en ? 'pack' : '规则包', en ? 'action' : '事项', en ? 'verdict and clauses' : '结论与条款', en ? 'clear from' : '最早解除'],
      decisions.map((d) => [d.pack.id, d.action + (d.assessmentYear !== null ? ` ${d.assessmentYear}` : ''), verdictCell(d, L), d.clearFrom ?? '—']),
    );
  }
  await writeOut(ctx.stdout, text + '\n');
  return EXIT.ok;
}
