/**
 * What each endpoint does, over the library as it is: the request's fields are the library
 * function's arguments by name; the service's host options (--policy, --unknown-years, --schedule,
 * --load) are applied as the command line applies them; errors are the library's typed errors with
 * their paths moved to where the request put each value (requestError).
 */
import type { Calendar } from '../../calendar/types.js';
import { appealDecisionDueOn } from '../../deadlines/appealDecisionDueOn.js';
import { appealDueOn } from '../../deadlines/appealDueOn.js';
import { combinedDisciplinaryPeriod } from '../../deadlines/combinedDisciplinaryPeriod.js';
import { disciplinaryPeriod } from '../../deadlines/disciplinaryPeriod.js';
import { objectionReplyDueOn } from '../../deadlines/objectionReplyDueOn.js';
import { platformReportDueOn } from '../../deadlines/platformReportDueOn.js';
import { rectificationDueOn } from '../../deadlines/rectificationDueOn.js';
import { reviewApplicationDueOn } from '../../deadlines/reviewApplicationDueOn.js';
import { reviewDecisionDueOn } from '../../deadlines/reviewDecisionDueOn.js';
import { decideSubject } from '../../engine/decideSubject.js';
import { evaluate } from '../../engine/evaluate.js';
import { untyped } from '../../model/untyped.js';
import { recordState } from '../../engine/recordState.js';
import { timeline } from '../../engine/timeline.js';
import { CalendarCoverageError } from '../../calendar/CalendarCoverageError.js';
import { GovCreditError, InvalidInputError, issue } from '../../model/errors.js';
import { getPack } from '../../packs/getPack.js';
import { objectionDeadlinesOf } from '../../engine/internal.js';
import type { LegalBasis } from '../../deadlines/types.js';
import { listPacks } from '../../packs/listPacks.js';
import type { Decider } from '../_internal/evaluator.js';
import type { CliIssue } from '../_internal/exit.js';
import { refusedInput, withHostPolicy, type QueryDefaults } from '../_internal/queries.js';
import { closest } from '../_internal/suggest.js';
import { ENDPOINTS } from './endpoints.js';
import { bodyPath, requestError } from './errors.js';
import { DEADLINE_REQUESTS, SERVICE_SCHEMAS, type Json } from './schemas.js';

/** What every handler may use: the host options, the decider, the calendar of the run. */
export interface ServiceContext {
  /** `--policy` and `--unknown-years`, applied to every request's policy as the CLI applies them. */
  defaults: Pick<QueryDefaults, 'policy' | 'unknownYears'>;
  /** The CLI's decider (compiled evaluators, cached per pack). */
  decider: Decider;
  /** The calendar deadlines and working days are counted on (official data, --schedule, --unknown-years). */
  calendar: Calendar;
  /** The same, when the command line asked for one (null: the library's default is the same). */
  hostCalendar: Calendar | null;
}

export interface HandlerInput {
  body: unknown;
  params: Record<string, string>;
  query: Record<string, unknown>;
}

export type Handler = (input: HandlerInput, ctx: ServiceContext) => unknown;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The body as an object with only the keys its schema names (as the library refuses unknown
 * options, with the closest key as a suggestion), else a 400 naming the problem.
 */
function bodyOf(body: unknown, schema: Json): Record<string, unknown> {
  if (!isObject(body)) throw notAnObject();
  const known = Object.keys(schema.properties as Json);
  const issues: CliIssue[] = [];
  for (const k of Object.keys(body)) {
    if (known.includes(k)) continue;
    const near = closest(k, known);
    issues.push({ ...issue([k], 'unrecognized_keys', `未知字段"${k}"`, `unrecognized key "${k}"`), ...(near ? { suggestion: near } : {}) });
  }
  for (const k of (schema.required as string[]) ?? []) if (body[k] === undefined) issues.push(issue([k], 'required', `缺少 ${k}`, `${k} is required`));
  if (issues.length) throw requestError(new InvalidInputError(issues));
  return body;
}

function notAnObject(): unknown {
  return requestError(new InvalidInputError([issue([], 'invalid_type', '请求体应为一个 JSON 对象', 'the request body must be a JSON object')]));
}

/** The request's policy with the service's --policy and --unknown-years (only where something is given). */
function policyOf(policy: unknown, ctx: ServiceContext): { policy?: unknown } {
  const p = withHostPolicy(policy, ctx.defaults);
  return p === undefined ? {} : { policy: p };
}

function calendarOption(ctx: ServiceContext): { calendar?: Calendar } {
  return ctx.hostCalendar ? { calendar: ctx.hostCalendar } : {};
}

/** Runs a library call; its typed error comes back with request paths. */
async function call<T>(f: () => T | Promise<T>, path?: Parameters<typeof requestError>[1]): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw requestError(e, path);
  }
}

const HOST_PERIOD: LegalBasis = { clause: 'host-policy', document: '宿主政策' };

/**
 * The period and clause of an objection deadline from the pack the request names, as its decisions
 * count them (the nearest pack in its chain that fixes one). The request's own `workingDays` is the
 * host's period and wins (cited as host policy unless it gives a `basis`); a pack that fixes none and
 * no `workingDays` is refused, naming the pack's objection clauses. No pack: the library's defaults.
 */
function packPeriod(pack: unknown, which: 'objectionReply' | 'platformReport', opts: Record<string, unknown>): { workingDays?: number; basis?: LegalBasis } {
  if (pack === undefined) return {};
  const fixed = objectionDeadlinesOf(getPack(pack as string));
  if (opts.workingDays !== undefined) return opts.basis === undefined ? { basis: HOST_PERIOD } : {};
  const rule = fixed[which];
  if (rule) return { workingDays: rule.days, ...(opts.basis === undefined ? { basis: rule.basis } : {}) };
  const clauses = fixed.clauses.length ? fixed.clauses.join('、') : '无';
  const what = which === 'objectionReply' ? { zh: '异议答复', en: 'objection reply' } : { zh: '报送省级信用平台', en: 'provincial-platform report' };
  throw new InvalidInputError([
    issue(
      ['pack'],
      'no_deadline',
      `规则包 ${String(pack)} 未规定${what.zh}期限（其异议条款：${clauses}）；可在请求中给出 workingDays 作为宿主政策`,
      `${String(pack)} fixes no ${what.en} deadline (its objection clauses: ${fixed.clauses.join(', ') || 'none'}); give workingDays as host policy`,
    ),
  ]);
}

/** A query parameter as the number it spells, else as given (the library then says what it expected). */
export function numberParam(v: unknown): unknown {
  return typeof v === 'string' && /^-?\d{1,15}$/.test(v) ? Number(v) : v;
}

/** The required parameters of an endpoint, present and given once; else a 400 naming each. */
function params(operationId: string, input: HandlerInput): Record<string, string> {
  const endpoint = ENDPOINTS.find((e) => e.operationId === operationId)!;
  const out: Record<string, string> = {};
  const issues = [];
  for (const p of endpoint.parameters ?? []) {
    const v = p.in === 'path' ? input.params[p.name] : input.query[p.name];
    if (Array.isArray(v)) issues.push(issue([p.name], 'invalid_type', `参数 ${p.name} 只能给一次`, `parameter ${p.name} is given more than once`));
    else if (typeof v === 'string') out[p.name] = v;
    else if (p.required) issues.push(issue([p.name], 'required', `缺少参数 ${p.name}`, `parameter ${p.name} is required`));
  }
  if (issues.length) throw requestError(new InvalidInputError(issues));
  return out;
}

const S = SERVICE_SCHEMAS;
const D = DEADLINE_REQUESTS;
const dropOpts = bodyPath('opts');

/** Handlers by operationId (app.ts checks that every endpoint has one; screen and the operational endpoints are its own). */
export const HANDLERS: Record<string, Handler> = {
  listPacks: () => listPacks(),

  getPack: (input) => {
    const { id } = params('getPack', input);
    return call(() => getPack(id!), (p) => (p[0] === 'pack' ? ['id', ...p.slice(1)] : [...p]));
  },

  evaluate: async ({ body }, ctx) => {
    if (!isObject(body)) throw notAnObject();
    const query = { ...body, ...policyOf(body.policy, ctx) };
    try {
      return await ctx.decider.decide(query as { pack: unknown } & Record<string, unknown>);
    } catch (first) {
      if (!(first instanceof GovCreditError)) throw first;
      // A refusal is reported as `evaluate` (the reference) reports it — the compiled evaluator
      // names an inline pack's fields without `pack.` — and as the command line renders it.
      let e: unknown = first;
      try {
        return await evaluate(untyped(query), ctx.hostCalendar ? { calendar: ctx.hostCalendar } : {});
      } catch (again) {
        e = again;
      }
      if (e instanceof CalendarCoverageError) throw requestError(e);
      if (e instanceof GovCreditError) throw requestError(refusedInput(e, body, query));
      throw e;
    }
  },

  decideSubject: ({ body }, ctx) => {
    const { subject, ...options } = bodyOf(body, S.DecideSubjectRequest!);
    return call(() => decideSubject(subject as never, { ...options, ...policyOf(options.policy, ctx), ...calendarOption(ctx) } as never), bodyPath('options'));
  },

  recordState: ({ body }, ctx) => {
    const { record, asOf, ...options } = bodyOf(body, S.RecordStateRequest!);
    // The library reports a record's problems relative to the record.
    const path = (p: readonly (string | number)[]) => (p[0] === 'options' ? p.slice(1) : ['asOf', 'pack', 'policy'].includes(p[0] as string) ? [...p] : ['record', ...p]);
    return call(() => recordState(record as never, asOf as never, { ...options, ...policyOf(options.policy, ctx), ...calendarOption(ctx) } as never), path);
  },

  timeline: ({ body }, ctx) => {
    const { subject, ...options } = bodyOf(body, S.TimelineRequest!);
    return call(() => timeline(subject as never, { ...options, ...policyOf(options.policy, ctx), ...calendarOption(ctx) } as never), bodyPath('options'));
  },

  calendarCoverage: (_input, ctx) => ctx.calendar.coverage(),

  dayInfo: (input, ctx) => {
    const { date } = params('dayInfo', input);
    return call(() => ctx.calendar.dayInfo(date!));
  },

  addWorkingDays: (input, ctx) => {
    const { date, n } = params('addWorkingDays', input);
    return call(() => ctx.calendar.addWorkingDaysDetailed(date!, numberParam(n) as number));
  },

  workingDaysBetween: (input, ctx) => {
    const { from, to } = params('workingDaysBetween', input);
    return call(() => ({ workingDays: ctx.calendar.workingDaysBetween(from!, to!) }));
  },

  objectionReplyDueOn: ({ body }, ctx) => {
    const { receivedOn, pack, ...opts } = bodyOf(body, D.ObjectionReplyRequest!);
    return call(() => objectionReplyDueOn(receivedOn as never, { ...opts, ...packPeriod(pack, 'objectionReply', opts), calendar: ctx.calendar }), dropOpts);
  },
  platformReportDueOn: ({ body }, ctx) => {
    const { correctedOn, pack, ...opts } = bodyOf(body, D.PlatformReportRequest!);
    return call(() => platformReportDueOn(correctedOn as never, { ...opts, ...packPeriod(pack, 'platformReport', opts), calendar: ctx.calendar }), dropOpts);
  },
  rectificationDueOn: ({ body }, ctx) => {
    const { orderedOn, limit, ...opts } = bodyOf(body, D.RectificationRequest!);
    return call(() => rectificationDueOn(orderedOn as never, limit as never, { ...opts, calendar: ctx.calendar }), dropOpts);
  },
  reviewApplicationDueOn: ({ body }, ctx) => {
    const { knownOn } = bodyOf(body, D.ReviewApplicationRequest!);
    return call(() => reviewApplicationDueOn(knownOn as never, { calendar: ctx.calendar }), dropOpts);
  },
  appealDueOn: ({ body }, ctx) => {
    const { reviewDecisionReceivedOn } = bodyOf(body, D.AppealRequest!);
    return call(() => appealDueOn(reviewDecisionReceivedOn as never, { calendar: ctx.calendar }), dropOpts);
  },
  reviewDecisionDueOn: ({ body }, ctx) => {
    const { receivedOn } = bodyOf(body, D.ReviewDecisionRequest!);
    return call(() => reviewDecisionDueOn(receivedOn as never, { calendar: ctx.calendar }), dropOpts);
  },
  appealDecisionDueOn: ({ body }, ctx) => {
    const { acceptedOn, ...opts } = bodyOf(body, D.AppealDecisionRequest!);
    return call(() => appealDecisionDueOn(acceptedOn as never, { ...opts, calendar: ctx.calendar }), dropOpts);
  },
  disciplinaryPeriod: ({ body }) => {
    const { sanction, effectiveOn, ...opts } = bodyOf(body, D.DisciplinaryPeriodRequest!);
    return call(() => disciplinaryPeriod(sanction as never, effectiveOn as never, opts), dropOpts);
  },
  combinedDisciplinaryPeriod: ({ body }) => {
    const { sanctions, ...opts } = bodyOf(body, D.CombinedDisciplinaryPeriodRequest!);
    return call(() => combinedDisciplinaryPeriod(sanctions as never, opts), dropOpts);
  },
};
