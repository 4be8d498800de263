import { explain } from '../../decision/explain.js';
import { evaluate } from '../../engine/evaluate.js';
import type { Decision } from '../../model/decision.js';
import { GovCreditError, InvalidInputError } from '../../model/errors.js';
import { LABELS } from '../../model/vocabulary.js';
import { noExtraPositionals, oneOf, parseCommand } from '../_internal/args.js';
import { writeOut, writeText, type Ctx } from '../_internal/context.js';
import { CliError, EXIT, usageError } from '../_internal/exit.js';
import { L as Lx } from '../_internal/i18n.js';
import { readJson } from '../_internal/input.js';
import { expandQueries, refusedInput, type Expanded, type QueryDefaults } from '../_internal/queries.js';
import { decisionTable, decisionsTable } from '../_internal/render.js';
import { hostCalendar } from '../_internal/schedules.js';
import { QUERY_OPTIONS, queryDefaults, requireYear } from './common.js';
import { untyped } from '../../model/untyped.js';

export const EVALUATE_OPTIONS = { ...QUERY_OPTIONS, format: { type: 'string' } } as const;

/** The query fields the command line can fill in, with their options. */
const OPTION_OF_FIELD: Record<string, string> = { pack: '--pack', action: '--action', asOf: '--as-of' };

/**
 * The queries of the input. A field that neither the input nor the command line gives (no `pack`
 * and no --pack) is a command-line mistake, exit 2 as --help says: the option is missing.
 */
function expandOrUsage(doc: unknown, defaults: QueryDefaults): Expanded {
  try {
    return expandQueries(doc, defaults);
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    const missing = e.issues.filter((i) => i.code === 'required' && i.path.length === 1 && String(i.path[0]) in OPTION_OF_FIELD);
    // Only when nothing else is wrong: a field under a misspelt key (`asof`) is the input's own mistake (exit 1).
    if (missing.length === 0 || missing.length !== e.issues.length) throw e;
    const fields = missing.map((i) => String(i.path[0]));
    const options = fields.map((f) => OPTION_OF_FIELD[f]!);
    const issues = e.issues.map((i) => ({ ...i, path: [OPTION_OF_FIELD[String(i.path[0])]!] }));
    throw new CliError({
      code: 'invalid_option',
      text: Lx(`缺少选项 ${options.join('、')}：输入中也没有 ${fields.join('、')}`, `missing ${options.join(', ')}: the input has no ${fields.join(', ')} either`),
      exitCode: EXIT.usage,
      issues,
      hint: Lx('用法见 gov-credit-rules evaluate --help', 'see gov-credit-rules evaluate --help'),
    });
  }
}

/** `evaluate <file|->`: one query (or a subject with options) → decision(s). */
export async function runEvaluate(argv: string[], ctx: Ctx): Promise<number> {
  const p = parseCommand(argv, EVALUATE_OPTIONS);
  noExtraPositionals(p, 1, 'evaluate');
  const file = p.positionals[0];
  if (!file) throw usageError('evaluate 需要一个文件（或 - 表示标准输入）', 'evaluate needs a file (or - for stdin)', { code: 'missing_argument' });
  const format = oneOf(p, 'format', ['table', 'text', 'json'] as const, 'table');
  const { defaults } = queryDefaults(p, { yearFromInput: true });
  const L = ctx.locale;
  const doc = await readJson(file, ctx.stdin);
  // The year may come from the input: a query's assessmentYear, or an example file's.
  if (!(doc !== null && typeof doc === 'object' && 'assessmentYear' in doc)) requireYear(defaults);
  // Input data the library refuses is exit 1, as the same error in batch is a bad line.
  let query: unknown = doc;
  const decisions: Decision[] = [];
  const calendar = hostCalendar();
  try {
    const ex = expandOrUsage(doc, defaults);
    if (ex.queries.length === 0) {
      const kind = (doc as { kind?: string; subject?: { kind?: string } }).subject?.kind ?? (doc as { kind?: string }).kind ?? '?';
      const label = LABELS.subjectKind[kind as keyof typeof LABELS.subjectKind]?.[L] ?? kind;
      throw new CliError({ code: 'not_applicable', text: Lx(`所问事项均不适用于${label}`, `none of the actions asked applies to a ${label}`), exitCode: EXIT.data });
    }
    for (const q of ex.queries) {
      query = q;
      decisions.push(await evaluate(untyped(q), calendar ? { calendar } : {}));
    }
  } catch (e) {
    if (e instanceof GovCreditError) throw refusedInput(e, doc, query);
    throw e;
  }
  let text: string;
  if (format === 'json') text = JSON.stringify(decisions.length === 1 ? decisions[0] : decisions, null, 2);
  else if (format === 'text') text = decisions.map((d) => explain(d, { locale: L })).join('\n\n');
  else if (decisions.length === 1) text = decisionTable(decisions[0]!, L, ctx.width);
  else text = decisionsTable(decisions, L, ctx.width);
  if (format === 'json') await writeOut(ctx.stdout, text + '\n');
  else await writeText(ctx.stdout, text + '\n');
  return EXIT.ok;
}
