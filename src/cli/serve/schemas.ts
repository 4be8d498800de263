/**
 * JSON Schemas of what the web service sends and takes besides the shipped schemas/*.json (which
 * the OpenAPI document embeds as they are: Query, Subject, Decision, Pack, Error): the requests of
 * the endpoints that are not a Query, and the library's answers that have no zod schema (packs
 * list, record state, timeline, calendar, deadlines). Enumerations come from the library's own
 * vocabulary. The spawn tests validate every answer the service gives against these.
 */
import { DEADLINE_FUNCTION_KINDS, TIMELINE_CAUSE_KINDS, VERDICTS } from '../../model/vocabulary.js';
import { PERIOD_SANCTIONS } from '../../model/statutes.js';

export type Json = Record<string, unknown>;

/** A reference to a component of the OpenAPI document, with a description of this use of it. */
export function ref(name: string, description?: string): Json {
  return description ? { $ref: `#/components/schemas/${name}`, description } : { $ref: `#/components/schemas/${name}` };
}


const text: Json = { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } }, required: ['zh-CN', 'en'] };
const date = (description: string): Json => ref('Date', description);
const dateOrNull = (description: string): Json => ({ anyOf: [ref('Date'), { type: 'null' }], description });
const verdict: Json = { type: 'string', enum: [...VERDICTS] };
const periodSanctions = [...PERIOD_SANCTIONS];

/** The service's own schemas, by component name. */
export const SERVICE_SCHEMAS: Record<string, Json> = {
  ErrorResponse: {
    type: 'object',
    description: 'Every error answer: the command line\'s JSON error contract (`--format json`), with the HTTP status in place of the exit code.',
    properties: { error: ref('Error') },
    required: ['error'],
    additionalProperties: false,
  },
  Health: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['ok', 'ready'], description: '`ok` (/healthz: the process answers) or `ready` (/readyz: it takes requests).' },
      version: { type: 'string', description: 'The version of gov-credit-rules.' },
    },
    required: ['status', 'version'],
  },
  PackSummary: {
    type: 'object',
    description: 'A pack the service knows: shipped, or loaded with --load.',
    properties: {
      id: { type: 'string' },
      name: text,
      division: { type: ['string', 'null'], description: 'Administrative division code (GB/T 2260).' },
      document: { type: 'string', description: '文号 of the document the pack encodes.' },
      title: { type: 'string' },
      issuer: { type: 'string' },
      issuedOn: ref('Date'),
      effectiveOn: ref('Date'),
      extends: { type: 'array', items: { type: 'string' } },
      rules: { type: 'integer', minimum: 0 },
      clauses: { type: 'integer', minimum: 0 },
      shipped: { type: 'boolean', description: 'False for a pack loaded with --load.' },
    },
    required: ['id', 'name', 'division', 'document', 'title', 'issuer', 'issuedOn', 'effectiveOn', 'extends', 'rules', 'clauses', 'shipped'],
  },
  DecideSubjectRequest: {
    type: 'object',
    description: 'decideSubject(subject, options): one subject under several packs and actions at once.',
    properties: {
      subject: ref('Subject'),
      packs: { type: 'array', minItems: 1, items: { anyOf: [{ type: 'string', minLength: 1, maxLength: 60 }, ref('Pack')] }, description: 'Pack ids (shipped or loaded with --load) or pack objects, each once.' },
      actions: {
        anyOf: [{ type: 'array', minItems: 1, items: ref('Action') }, { type: 'string', const: 'all' }],
        description: 'The actions to ask under every pack; default `all`: every action that applies to the subject\'s kind (the annual-review ones only with assessmentYear).',
      },
      asOf: date('The day of the questions.'),
      assessmentYear: { type: 'integer', description: 'The year under review, given to excellent-rating and annual-rating.' },
      policy: ref('Policy', 'Policy overrides for every question; default the service\'s --policy.'),
    },
    required: ['subject', 'packs', 'asOf'],
    additionalProperties: false,
  },
  SubjectDecisions: {
    type: 'object',
    description: '{ [packId]: { [action]: Decision } }, packs and actions in the order asked.',
    additionalProperties: { type: 'object', additionalProperties: ref('Decision') },
  },
  ScreenResult: {
    type: 'object',
    properties: {
      pack: { type: 'string' },
      action: ref('Action'),
      verdict,
      clearFrom: dateOrNull('The first day from which the answer is clear with the records known (asOf when clear), or null.'),
      decision: ref('Decision', 'The full decision: where the answer is not clear (decisions=not-clear), always (all) or never (none).'),
    },
    required: ['pack', 'action', 'verdict', 'clearFrom'],
  },
  ScreenLine: {
    type: 'object',
    description:
      'One line of the answer per line of the roster, in order, with its number: `ok` (the subject\'s answers, pack by pack, action by action; actions that do not apply to its kind are left out), `blank`, or `error` (not UTF-8, not JSON, too long, or refused by the library: paths are relative to the line\'s subject).',
    properties: {
      line: { type: 'integer', minimum: 1, description: 'The line of the request body it answers (1-based).' },
      status: { type: 'string', enum: ['ok', 'blank', 'error'] },
      subject: { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string' } }, required: ['id', 'kind'] },
      results: { type: 'array', items: ref('ScreenResult') },
      error: ref('Error'),
    },
    required: ['line', 'status'],
  },
  RecordStateRequest: {
    type: 'object',
    description: 'recordState(record, asOf, options): what is known about one record on a day.',
    properties: {
      record: ref('CreditRecord'),
      asOf: date('The day of the question.'),
      pack: { anyOf: [{ type: 'string', minLength: 1, maxLength: 60 }, ref('Pack')], description: 'The pack whose deadlines apply; default cn-national (none fixed).' },
      policy: ref('Policy', 'Host policy; default the service\'s --policy.'),
    },
    required: ['record', 'asOf'],
    additionalProperties: false,
  },
  RecordState: {
    type: 'object',
    description: 'What is known about a record on `knownOn` (recordState): in effect or not and why, its sanction period, objection, rectification, deadlines and notes. Fields are described in the library\'s RecordState type.',
    properties: {
      id: { type: 'string' },
      kind: { type: 'string' },
      knownOn: ref('Date'),
      known: { type: 'boolean' },
      voided: { type: 'boolean' },
      effectiveFrom: ref('Date'),
      effectiveUntil: dateOrNull('First day without effect as a credit record, where known.'),
      sanctionUntil: dateOrNull('First day outside the sanction period (处分期), where known.'),
      objection: { type: ['object', 'null'] },
      objectionPending: { type: 'boolean' },
      rectification: { type: ['object', 'null'] },
      deadlines: { type: 'array', items: ref('DeadlineState') },
      notes: { type: 'array', items: ref('Note') },
      provisional: { type: 'boolean' },
    },
    required: ['id', 'kind', 'knownOn', 'known', 'voided', 'effectiveFrom', 'effectiveUntil', 'objectionPending', 'deadlines', 'notes', 'provisional'],
  },
  TimelineRequest: {
    type: 'object',
    description: 'timeline(subject, options): the days one action\'s verdict changes between two days.',
    properties: {
      subject: ref('Subject'),
      from: date('First day (its verdict is the first entry).'),
      to: date('Last day.'),
      action: ref('Action'),
      pack: { anyOf: [{ type: 'string', minLength: 1, maxLength: 60 }, ref('Pack')] },
      assessmentYear: { type: 'integer', description: 'Required for excellent-rating and annual-rating.' },
      policy: ref('Policy', 'Default the service\'s --policy.'),
    },
    required: ['subject', 'from', 'to', 'action', 'pack'],
    additionalProperties: false,
  },
  TimelineChange: {
    type: 'object',
    description: 'From `on`, the verdict is `verdict`, because of `causes`; it holds until the next entry.',
    properties: {
      on: ref('Date'),
      verdict,
      previous: { anyOf: [verdict, { type: 'null' }] },
      reasons: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            rule: { type: 'string' },
            pack: { type: 'string' },
            clauses: { type: 'array', items: { type: 'string' } },
            records: { type: 'array', items: { type: 'string' } },
            verdict,
          },
          required: ['rule', 'pack', 'clauses', 'records', 'verdict'],
        },
      },
      causes: {
        type: 'array',
        items: {
          type: 'object',
          properties: { kind: { type: 'string', enum: [...TIMELINE_CAUSE_KINDS] }, record: { type: 'string' }, event: { type: 'string' }, rule: { type: 'string' } },
          required: ['kind'],
        },
      },
    },
    required: ['on', 'verdict', 'previous', 'reasons', 'causes'],
  },
  CalendarCoverage: {
    type: 'object',
    description: 'What the service\'s calendar covers: the official years, the years added with --schedule, and how a year without data is answered.',
    properties: {
      officialYears: { type: 'array', items: { type: 'integer' } },
      hostYears: { type: 'array', items: { type: 'integer' } },
      hostSchedules: { type: 'array', items: { type: 'object', properties: { year: { type: 'integer' }, source: { type: 'string' } }, required: ['year', 'source'] } },
      firstDate: ref('Date'),
      lastDate: ref('Date'),
      provisionalFrom: ref('Date'),
      overlays: { type: 'array', items: { type: 'object', properties: { region: { type: 'string' }, source: { type: 'string' } }, required: ['region', 'source'] } },
      unknownYears: { type: 'string', enum: ['error', 'statutory', 'weekends-only'], description: 'How a year without a schedule is answered (--unknown-years).' },
    },
    required: ['officialYears', 'hostYears', 'hostSchedules', 'firstDate', 'lastDate', 'provisionalFrom', 'overlays', 'unknownYears'],
  },
  DayInfo: {
    type: 'object',
    properties: {
      date: ref('Date'),
      working: { type: 'boolean' },
      kind: { type: 'string', enum: ['workday', 'weekend', 'holiday', 'make-up-workday'] },
      holiday: text,
      makeUpFor: text,
      region: { type: 'string' },
      provisional: { type: 'boolean' },
      source: { type: 'string', enum: ['official', 'host-schedule', 'overlay', 'statutory', 'weekends-only'] },
    },
    required: ['date', 'working', 'kind', 'provisional', 'source'],
  },
  ProvisionalReason: {
    type: 'object',
    description: 'Why a result is provisional: the years without a schedule it estimated, how (--unknown-years), and the first day a coming notice can still move.',
    properties: {
      estimatedYears: { type: 'array', items: { type: 'integer' } },
      mode: { type: ['string', 'null'], enum: ['statutory', 'weekends-only', null] },
      movableFrom: dateOrNull('First day the result depends on that a coming notice can still move.'),
    },
    required: ['estimatedYears', 'mode', 'movableFrom'],
  },
  WorkingDayResult: {
    type: 'object',
    properties: {
      date: ref('Date'),
      provisional: { type: 'boolean', description: 'A day the result depends on is provisional.' },
      provisionalReason: ref('ProvisionalReason'),
    },
    required: ['date', 'provisional'],
  },
  WorkingDaysBetween: {
    type: 'object',
    properties: {
      workingDays: { type: 'integer', description: 'Working days after `from` up to and including `to`.' },
    },
    required: ['workingDays'],
  },
  LegalBasis: {
    type: 'object',
    properties: { clause: { type: 'string' }, document: { type: 'string' }, section: { type: 'string' } },
    required: ['clause', 'document'],
  },
  Deadline: {
    type: 'object',
    description: 'A time limit to act on the working-day calendar: the start day is not counted (民法典 201).',
    properties: {
      kind: { type: 'string', enum: [...DEADLINE_FUNCTION_KINDS] },
      eventOn: ref('Date'),
      startsOn: ref('Date'),
      dueOn: ref('Date'),
      period: { type: 'object', properties: { unit: { type: 'string', enum: ['working-days', 'calendar-days', 'fixed-date'] }, length: { type: 'integer' } }, required: ['unit'] },
      basis: ref('LegalBasis'),
      dateRules: { type: 'array', items: { type: 'string' } },
      rolledFrom: ref('Date'),
      provisional: { type: 'boolean' },
      provisionalReason: ref('ProvisionalReason'),
    },
    required: ['kind', 'eventOn', 'startsOn', 'dueOn', 'period', 'basis', 'dateRules', 'provisional'],
  },
  DisciplinaryPeriod: {
    type: 'object',
    description: 'A disciplinary period (处分期) and the day the bar lifts; never rolled to a working day.',
    properties: {
      sanction: { type: 'string', enum: periodSanctions },
      months: { type: 'integer' },
      effectiveOn: ref('Date'),
      lastDay: ref('Date'),
      liftsOn: ref('Date'),
      basis: ref('LegalBasis'),
      dateRules: { type: 'array', items: { type: 'string' } },
    },
    required: ['sanction', 'months', 'effectiveOn', 'lastDay', 'liftsOn', 'basis', 'dateRules'],
  },
  CombinedDisciplinaryPeriod: {
    type: 'object',
    description: 'Several same-kind sanctions given together (政务处分法 15): the period, or its bounds where the deciding body has not fixed it.',
    properties: {
      sanction: { type: 'string', enum: periodSanctions },
      count: { type: 'integer' },
      months: { type: ['integer', 'null'] },
      minMonths: { type: 'integer' },
      maxMonths: { type: 'integer' },
      determined: { type: 'boolean' },
      effectiveOn: ref('Date'),
      lastDay: ref('Date'),
      liftsOn: ref('Date'),
      latestLastDay: ref('Date'),
      latestLiftsOn: ref('Date'),
      basis: ref('LegalBasis'),
      dateRules: { type: 'array', items: { type: 'string' } },
    },
    required: ['sanction', 'count', 'months', 'minMonths', 'maxMonths', 'determined', 'effectiveOn', 'lastDay', 'liftsOn', 'latestLastDay', 'latestLiftsOn', 'basis', 'dateRules'],
  },
};

const basis = ref('LegalBasis', 'The clause to cite, where the host\'s own rule sets the period.');
const body = (description: string, properties: Json, required: string[]): Json => ({ type: 'object', description, properties, required, additionalProperties: false });

/** `pack` on the objection deadline requests: the period its chain fixes, as its decisions count it. */
const packPeriod = (what: 'reply' | 'report'): Json => ({
  type: 'string',
  minLength: 1,
  maxLength: 60,
  description: `A pack id: the ${what} period and clause its chain fixes, as its decisions count them (cn-jl-tonghua: ${what === 'reply' ? '15 working days, TH-9' : '5 working days, TH-10'}). A pack that fixes none is refused (code no_deadline) unless workingDays is given.`,
});

/** Request bodies of the deadline endpoints: the library function's arguments by name. */
export const DEADLINE_REQUESTS: Record<string, Json> = {
  ObjectionReplyRequest: body(
    'objectionReplyDueOn(receivedOn, options): the written reply to an objection (TH-9: 15 working days).',
    {
      receivedOn: date('The day the objection was received (not counted).'),
      pack: packPeriod('reply'),
      workingDays: { type: 'integer', minimum: 1, description: 'Working days to reply in (the host\'s period: it wins over the pack\'s); default: the pack\'s, or 15 (TH-9) without a pack.' },
      basis,
      receiptOnNonWorkingDay: { type: 'string', enum: ['day-after-receipt', 'next-working-day'] },
    },
    ['receivedOn'],
  ),
  PlatformReportRequest: body(
    'platformReportDueOn(correctedOn, options): the report to the provincial credit platform after a correction (TH-10: 5 working days).',
    {
      correctedOn: date('The day of the correction or revocation.'),
      pack: packPeriod('report'),
      workingDays: { type: 'integer', minimum: 1, description: 'The host\'s period (it wins over the pack\'s); default: the pack\'s, or 5 (TH-10) without a pack.' },
      basis,
    },
    ['correctedOn'],
  ),
  RectificationRequest: body(
    'rectificationDueOn(orderedOn, limit, options): a rectification ordered by a deadline (限期整改).',
    {
      orderedOn: date('The day the rectification was ordered.'),
      limit: {
        description: 'The limit the ordering authority set: a date, calendar days (a last day off work rolls, 民法典 203) or working days.',
        anyOf: [
          { type: 'object', properties: { dueOn: ref('Date') }, required: ['dueOn'], additionalProperties: false },
          { type: 'object', properties: { calendarDays: { type: 'integer', minimum: 1 } }, required: ['calendarDays'], additionalProperties: false },
          { type: 'object', properties: { workingDays: { type: 'integer', minimum: 1 } }, required: ['workingDays'], additionalProperties: false },
        ],
      },
      basis,
    },
    ['orderedOn', 'limit'],
  ),
  ReviewApplicationRequest: body('reviewApplicationDueOn(knownOn): applying for review of a sanction (公务员法 95: 30 days).', { knownOn: date('The day the civil servant learned of the decision.') }, ['knownOn']),
  AppealRequest: body('appealDueOn(reviewDecisionReceivedOn): appealing after a review (公务员法 95: 15 days).', { reviewDecisionReceivedOn: date('The day the review decision was received.') }, ['reviewDecisionReceivedOn']),
  ReviewDecisionRequest: body('reviewDecisionDueOn(receivedOn): the review decision (公务员法 96: 30 days).', { receivedOn: date('The day the application was received.') }, ['receivedOn']),
  AppealDecisionRequest: body(
    'appealDecisionDueOn(acceptedOn, options): the appeal decision (公务员法 96: 60 days, extendable by up to 30).',
    { acceptedOn: date('The day the appeal was accepted (受理).'), extended: { type: 'boolean', description: 'Extended by the maximum 30 days.' }, extensionDays: { type: 'integer', minimum: 1, maximum: 30 } },
    ['acceptedOn'],
  ),
  DisciplinaryPeriodRequest: body(
    'disciplinaryPeriod(sanction, effectiveOn, options): a sanction\'s period (政务处分法 8, 公务员法 64) and the day the bar lifts.',
    { sanction: { type: 'string', enum: periodSanctions }, effectiveOn: date('The day the decision took effect.'), basis },
    ['sanction', 'effectiveOn'],
  ),
  CombinedDisciplinaryPeriodRequest: body(
    'combinedDisciplinaryPeriod(sanctions, options): several same-kind sanctions given together (政务处分法 15).',
    {
      sanctions: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', properties: { sanction: { type: 'string', enum: periodSanctions }, effectiveOn: ref('Date') }, required: ['sanction', 'effectiveOn'], additionalProperties: false },
      },
      months: { type: 'integer', minimum: 1, description: 'The period the deciding body fixed, where it did.' },
      basis,
    },
    ['sanctions'],
  ),
};
