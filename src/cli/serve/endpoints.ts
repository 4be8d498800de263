/**
 * The web service's endpoints, as data: what the server registers (app.ts, with the handlers of
 * handlers.ts keyed by `operationId`) and what the OpenAPI document describes (openapi.ts), so the
 * two cannot drift apart. Paths are versioned (`/v1/…`) except the operational ones.
 */
import { DEADLINE_REQUESTS, ref, type Json } from './schemas.js';

/** What the request body is: none, one JSON document, or NDJSON lines (streamed). */
export type BodyKind = 'none' | 'json' | 'ndjson';

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description: string;
  schema: Json;
}

export interface Endpoint {
  method: 'GET' | 'POST';
  /** OpenAPI form: `/v1/packs/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: 'operations' | 'decisions' | 'packs' | 'calendar' | 'deadlines';
  body: BodyKind;
  /** JSON Schema of the body (JSON) or of one line (NDJSON). */
  request?: Json;
  parameters?: Parameter[];
  /** The answer: JSON, or NDJSON lines of `schema`. */
  response: { description: string; schema: Json; ndjson?: boolean };
  /** Error statuses this endpoint answers besides those every endpoint may (401, 404 route, 500, 503). */
  errors: number[];
  /** Open to anyone: no token asked, not counted against the concurrency limit (health checks, the API description). */
  open?: boolean;
}

const JSON_ERRORS = [400, 408, 413, 415];
const DECISION_ERRORS = [...JSON_ERRORS, 404, 422];
const dateParam = (name: string, description: string, where: 'path' | 'query' = 'query'): Parameter => ({ name, in: where, required: true, description, schema: ref('Date') });

const DEADLINES: { id: string; op: string; request: string; response: string; summary: string }[] = [
  { id: 'objection-reply', op: 'objectionReplyDueOn', request: 'ObjectionReplyRequest', response: 'Deadline', summary: 'Objection reply due date (异议答复期限)' },
  { id: 'platform-report', op: 'platformReportDueOn', request: 'PlatformReportRequest', response: 'Deadline', summary: 'Report to the provincial credit platform due date' },
  { id: 'rectification', op: 'rectificationDueOn', request: 'RectificationRequest', response: 'Deadline', summary: 'Rectification due date (限期整改)' },
  { id: 'review-application', op: 'reviewApplicationDueOn', request: 'ReviewApplicationRequest', response: 'Deadline', summary: 'Application for review of a sanction due date (复核)' },
  { id: 'appeal', op: 'appealDueOn', request: 'AppealRequest', response: 'Deadline', summary: 'Appeal due date (申诉)' },
  { id: 'review-decision', op: 'reviewDecisionDueOn', request: 'ReviewDecisionRequest', response: 'Deadline', summary: 'Review decision due date' },
  { id: 'appeal-decision', op: 'appealDecisionDueOn', request: 'AppealDecisionRequest', response: 'Deadline', summary: 'Appeal decision due date' },
  { id: 'disciplinary-period', op: 'disciplinaryPeriod', request: 'DisciplinaryPeriodRequest', response: 'DisciplinaryPeriod', summary: 'Disciplinary period (处分期) and the day the bar lifts' },
  { id: 'combined-disciplinary-period', op: 'combinedDisciplinaryPeriod', request: 'CombinedDisciplinaryPeriodRequest', response: 'CombinedDisciplinaryPeriod', summary: 'Several same-kind sanctions given together (政务处分法 15)' },
];

export const ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'GET',
    path: '/healthz',
    operationId: 'healthz',
    tag: 'operations',
    summary: 'Liveness: the process answers',
    body: 'none',
    response: { description: 'Alive.', schema: ref('Health') },
    errors: [],
    open: true,
  },
  {
    method: 'GET',
    path: '/readyz',
    operationId: 'readyz',
    tag: 'operations',
    summary: 'Readiness: the service takes requests (503 once it is shutting down)',
    body: 'none',
    response: { description: 'Ready.', schema: ref('Health') },
    errors: [],
    open: true,
  },
  {
    method: 'GET',
    path: '/openapi.json',
    operationId: 'openApiDocument',
    tag: 'operations',
    summary: 'This document (OpenAPI 3.1)',
    body: 'none',
    response: { description: 'The OpenAPI document (also shipped as gov-credit-rules/schemas/openapi.json).', schema: { type: 'object' } },
    errors: [],
    open: true,
  },
  {
    method: 'GET',
    path: '/v1/packs',
    operationId: 'listPacks',
    tag: 'packs',
    summary: 'The packs: shipped, and loaded with --load',
    body: 'none',
    response: { description: 'One summary per pack, shipped packs first.', schema: { type: 'array', items: ref('PackSummary') } },
    errors: [],
  },
  {
    method: 'GET',
    path: '/v1/packs/{id}',
    operationId: 'getPack',
    tag: 'packs',
    summary: 'One pack: its document, clauses with their quotes, rules and policy',
    body: 'none',
    parameters: [{ name: 'id', in: 'path', required: true, description: 'The pack id (e.g. cn-jl-tonghua).', schema: { type: 'string', minLength: 1, maxLength: 60 } }],
    response: { description: 'The pack as validated (getPack).', schema: ref('Pack') },
    errors: [404],
  },
  {
    method: 'POST',
    path: '/v1/evaluate',
    operationId: 'evaluate',
    tag: 'decisions',
    summary: 'Decide one query: does this record bar or restrict this action?',
    description: 'The same decision as the library\'s evaluate(query) (decided with the compiled evaluator, which the library checks equal). The service\'s --policy and --unknown-years fill what the query\'s policy leaves out.',
    body: 'json',
    request: ref('Query'),
    response: { description: 'The decision.', schema: ref('Decision') },
    errors: DECISION_ERRORS,
  },
  {
    method: 'POST',
    path: '/v1/decide-subject',
    operationId: 'decideSubject',
    tag: 'decisions',
    summary: 'Decide one subject under several packs and actions at once',
    description: 'decideSubject(subject, options): the decisions evaluate gives for each pack × action, validated and reduced once.',
    body: 'json',
    request: ref('DecideSubjectRequest'),
    response: { description: '{ [packId]: { [action]: Decision } }.', schema: ref('SubjectDecisions') },
    errors: DECISION_ERRORS,
  },
  {
    method: 'POST',
    path: '/v1/screen',
    operationId: 'screen',
    tag: 'decisions',
    summary: 'Screen a roster: NDJSON subjects in, NDJSON answers out, streamed',
    description:
      'screen(roster, options) over HTTP: one subject per line in (Content-Type: application/x-ndjson), one line out per line in, in order, each with its line number, written as each subject is answered. Memory stays constant: a subject is answered only once the answer before it has been taken (back-pressure); while the client is not reading (most clients send the whole body first), the roster waits in a temporary file up to the service\'s --spool-limit, and beyond it the service stops reading until the client reads. The questions (packs, actions, day, year, policy, which decisions to include) are query parameters; a bad one is a 400 before any line is read. A line the library refuses is an error line, not the end of the stream. An answer that ends without a line for every line sent was cut short (the client went away, the service stopped): send the lines after the last one answered again.',
    body: 'ndjson',
    request: ref('Subject'),
    parameters: [
      { name: 'packs', in: 'query', required: true, description: 'Pack ids, comma-separated, or `all`.', schema: { type: 'string', minLength: 1 } },
      { name: 'actions', in: 'query', required: false, description: 'Actions, comma-separated, or `all` (default): those that apply to each subject\'s kind.', schema: { type: 'string', minLength: 1 } },
      dateParam('asOf', 'The day of the questions.'),
      { name: 'assessmentYear', in: 'query', required: false, description: 'The year under review, for excellent-rating and annual-rating.', schema: { type: 'integer' } },
      { name: 'decisions', in: 'query', required: false, description: 'Which answers carry their full Decision: not-clear (default), all, none.', schema: { type: 'string', enum: ['not-clear', 'all', 'none'] } },
      { name: 'policy', in: 'query', required: false, description: 'Policy overrides as JSON (URL-encoded); default the service\'s --policy.', schema: { type: 'string' } },
    ],
    response: { description: 'One ScreenLine per line of the request body, in order.', schema: ref('ScreenLine'), ndjson: true },
    errors: [400, 404, 415, 422],
  },
  {
    method: 'POST',
    path: '/v1/record-state',
    operationId: 'recordState',
    tag: 'decisions',
    summary: 'What is known about one record on a day: in effect, its periods, objection and deadlines',
    body: 'json',
    request: ref('RecordStateRequest'),
    response: { description: 'The record\'s state on asOf.', schema: ref('RecordState') },
    errors: DECISION_ERRORS,
  },
  {
    method: 'POST',
    path: '/v1/timeline',
    operationId: 'timeline',
    tag: 'decisions',
    summary: 'When the verdict for one action changes between two days (when can this person be promoted?)',
    body: 'json',
    request: ref('TimelineRequest'),
    response: { description: 'The changes in date order; the first is the verdict on `from`.', schema: { type: 'array', items: ref('TimelineChange') } },
    errors: DECISION_ERRORS,
  },
  {
    method: 'GET',
    path: '/v1/calendar/coverage',
    operationId: 'calendarCoverage',
    tag: 'calendar',
    summary: 'What the working-day calendar covers (official years, --schedule years, provisional days)',
    body: 'none',
    response: { description: 'The coverage of the service\'s calendar.', schema: ref('CalendarCoverage') },
    errors: [],
  },
  {
    method: 'GET',
    path: '/v1/calendar/days/{date}',
    operationId: 'dayInfo',
    tag: 'calendar',
    summary: 'One day: working or not, holiday or make-up working day (调休), provisional',
    body: 'none',
    parameters: [dateParam('date', 'The day, YYYY-MM-DD.', 'path')],
    response: { description: 'What the calendar knows about the day.', schema: ref('DayInfo') },
    errors: [400, 422],
  },
  {
    method: 'GET',
    path: '/v1/calendar/add-working-days',
    operationId: 'addWorkingDays',
    tag: 'calendar',
    summary: 'The day n working days after a date (the date itself not counted, 民法典 201)',
    body: 'none',
    parameters: [dateParam('date', 'The start day (not counted).'), { name: 'n', in: 'query', required: true, description: 'Working days, a non-negative integer.', schema: { type: 'integer', minimum: 0 } }],
    response: { description: 'The day, and whether it is provisional.', schema: ref('WorkingDayResult') },
    errors: [400, 422],
  },
  {
    method: 'GET',
    path: '/v1/calendar/working-days-between',
    operationId: 'workingDaysBetween',
    tag: 'calendar',
    summary: 'Working days after `from` up to and including `to`',
    body: 'none',
    parameters: [dateParam('from', 'The start (not counted).'), dateParam('to', 'The end (counted).')],
    response: { description: 'The count.', schema: ref('WorkingDaysBetween') },
    errors: [400, 422],
  },
  ...DEADLINES.map(
    (d): Endpoint => ({
      method: 'POST',
      path: `/v1/deadlines/${d.id}`,
      operationId: d.op,
      tag: 'deadlines',
      summary: d.summary,
      description: (DEADLINE_REQUESTS[d.request]!.description as string) + ' Counted on the service\'s calendar (--schedule, --unknown-years).',
      body: 'json',
      request: ref(d.request),
      response: { description: 'The deadline.', schema: ref(d.response) },
      errors: [...JSON_ERRORS, 422],
    }),
  ),
];

/** The Fastify form of an OpenAPI path: `/v1/packs/{id}` → `/v1/packs/:id`. */
export function routePath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
