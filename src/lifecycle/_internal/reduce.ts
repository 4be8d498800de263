import { addDaysIso, addMonthsIso, isDateOutOfRange, toDayNumber } from '../../_lib/days.js';
import { CalendarCoverageError } from '../../calendar/CalendarCoverageError.js';
import type { CalendarImpl } from '../../calendar/internal.js';
import { workingDaysAfter } from '../../deadlines/internal.js';
import type { DisciplinaryPeriod, LegalBasis } from '../../deadlines/types.js';
import type { ProvisionalReason } from '../../calendar/types.js';
import type { DeadlineState, Note } from '../../model/decision.js';
import { InvalidEventLogError, issue } from '../../model/errors.js';
import type { CreditRecord } from '../../model/record.js';
import { LIFETIME_BY_SEVERITY, type Policy } from '../../model/policy.js';
import type {
  Action,
  CreditCorrectionOutcome,
  InvestigationOutcome,
  LighterMeasure,
  MitigationOutcome,
  ObjectionChannel,
  OrganisationalMeasure,
  ObjectionOutcome,
  RecordKind,
  Sanction,
  Severity,
  SelfCorrectionMeasure,
} from '../../model/vocabulary.js';
import type { LifecycleEvent } from '../../model/events.js';
import type { PlacedEvent } from './eventLog.js';
import { sanctionAsKnown, type PeriodDetermination, type PeriodPlan, type SanctionRegime } from './sanctionPeriods.js';

/** How a record's effect ended (or was voided). */
export type EndKind = 'revoked' | 'corrected' | 'repaired' | 'lifted' | 'period-ended' | 'expired' | 'investigation-closed' | 'sanction-revoked';

export type ObjectionStatus = 'none' | 'awaiting-reply' | 'reply-overdue' | 'replied' | 'report-due' | 'report-overdue' | 'closed';

export interface ObjectionState {
  status: ObjectionStatus;
  channel: ObjectionChannel;
  filedOn: string;
  replyDueOn: string | null;
  repliedOn: string | null;
  outcome: ObjectionOutcome | null;
  reportDueOn: string | null;
  reportedOn: string | null;
}

/**
 * The record's 处分期: the statutory, decided or combined period of the sanction as it stands, and
 * the records combined with it.
 */
export interface SanctionPeriodState extends Omit<DisciplinaryPeriod, 'dateRules' | 'months'> {
  /** Months from `effectiveOn`; null where the period is a remainder plus a new period (条例 10 ②). */
  months: number | null;
  /** How the end was fixed: statutory, decided, to-be-fixed (政务处分法 15), assumed by policy, or remainder. */
  determination: PeriodDetermination;
  /** Where the deciding body has yet to fix the period: the last day if it fixes the longest the law allows. */
  latestLastDay: string | null;
  /** Which law governs the period: 政务处分法 (from 2020-07-01), 行政机关公务员处分条例 (2007-06-01 on), or earlier. */
  regime: SanctionRegime;
  /** Other records whose periods were combined with this one (政务处分法 15; 条例 10). */
  combinedWith: string[];
}

export interface RectificationState {
  orderedOn: string;
  /** The due date the order set. */
  dueOn: string;
  /**
   * The last day to complete it: `dueOn`, or, where that is not a working day, the first working day
   * after it (民法典 203: a time limit whose last day is a holiday ends on the day after the holiday).
   */
  lastDay: string;
  /** True where `lastDay` was rolled from `dueOn` (民法典 203). */
  rolled: boolean;
  completedOn: string | null;
  state: 'pending' | 'met' | 'overdue';
  responsiblePerson: string | null;
}

/** An authority's mitigation decision (可从轻或免于): what it decided, on which measures, and any lighter measure it named. */
export interface MitigationDecision {
  date: string;
  outcome: MitigationOutcome;
  by: string;
  /** The measures (actions) it covers; null where the host did not say (policy mitigationScope). */
  actions: Action[] | null;
  /** For lighter: the lighter measure the body named, as a verdict; null where it named none. */
  lighterTo: LighterMeasure | null;
}

/** A case under investigation (立案审查调查): opened on the record's decision day, open until closed (结案). */
export interface InvestigationState {
  openedOn: string;
  /** The day it was closed (结案), if known. */
  closedOn: string | null;
  outcome: InvestigationOutcome | null;
  /** The record of the sanction it led to, as the host named it. */
  sanctionRecord: string | null;
  /** Assessment years whose review was held while it was open and left ungraded (考核规定 28), as the host named them. */
  ungradedYears: number[];
  /**
   * The first day its bars no longer apply: the closing day, or (policy investigationHandover
   * `until-sanction-decided`, a warning or heavier outcome) the day the named sanction takes effect.
   * Null while open (or while that sanction is not known).
   */
  barsUntil: string | null;
}

/** A credit record found wrong and corrected or revoked (TH-10): on an objection, or by the recording authority itself. */
export interface CreditCorrection {
  kind: CreditCorrectionOutcome;
  on: string;
  via: 'objection' | 'authority';
  /** The authority that corrected its own record; null for an objection's reply. */
  by: string | null;
}

/**
 * What is known about a record on one day (`knownOn`): only events dated on or before it are read.
 * Effects that follow from the data alone (a sanction period's end, a record lifetime) are known
 * in advance; effects that need an event (repair, revocation) only once the event is known.
 *
 * A `disciplinary-sanction` record has two layers: the credit record (政务失信记录, what the local
 * documents' measures rest on) and the sanction itself (what national law attaches effects to). A
 * credit correction (TH-10) voids the first; only the body that decided the sanction, or a review,
 * can revoke or change the second.
 */
export interface RecordState {
  id: string;
  kind: RecordKind;
  /** The sanction as it stands: after any change known (变更处分决定). */
  sanction: Sanction | null;
  derived: boolean;
  knownOn: string;
  /** Decided on or before `knownOn`. */
  known: boolean;
  /** 在履职过程中 as the record says; null where it does not say. */
  inOfficialDuty: boolean | null;
  severity: Severity | null;
  /** No effect as a 政务失信记录 at all: the credit record was corrected or revoked, or the sanction revoked. */
  voided: boolean;
  creditCorrection: CreditCorrection | null;
  /** 撤销处分决定: the sanction and all its effects are void. */
  sanctionRevoked: { on: string; by: string } | null;
  /** 变更处分决定: the sanction was changed from `from`. */
  sanctionChanged: { on: string; from: Sanction; by: string } | null;
  /** First day with effect as a credit record (the decision day). */
  effectiveFrom: string;
  /** First day without effect as a credit record, where known; null while nothing known ends it. */
  effectiveUntil: string | null;
  /** The same, ignoring a lifetime set by policy `recordLifetimeMonths` (what statutory rules read). */
  statutoryUntil: string | null;
  endedBy: { kind: EndKind; on: string } | null;
  /** The day the decision took effect (the sanction's effective day, as it stands, for a 处分): what `trigger: 'decision'` rules date. */
  decisionEffectiveOn: string;
  sanctionPeriod: SanctionPeriodState | null;
  /** First day outside the sanction period (处分期): its end + 1 with auto-lift, a lifting, or null. */
  sanctionUntil: string | null;
  objection: ObjectionState | null;
  objectionPending: boolean;
  /** Every self-correction known, oldest first. */
  selfCorrections: { date: string; measures: SelfCorrectionMeasure[] }[];
  /** The authority's mitigation decisions known, oldest first (each on its own measures, TH-10). */
  mitigationDecisions: MitigationDecision[];
  /** For an `organisational-handling` record: what it did (调整职务, 责令辞职, 免职, 降职), where the host says. */
  organisationalMeasure: OrganisationalMeasure | null;
  /** For an `under-investigation` record: the case, as known. */
  investigation: InvestigationState | null;
  rectification: RectificationState | null;
  deadlines: DeadlineState[];
  notes: Note[];
  provisional: boolean;
  /**
   * Where the deciding body has yet to fix a combined period (政务处分法 15): the state if it fixes
   * the longest the law allows. Null otherwise. What holds in this state and not in the main one is
   * uncertain, and a decision says so.
   */
  latest: RecordState | null;
}

export interface ReduceContext {
  knownOn: string;
  policy: Policy;
  /** A calendar made by createCalendar (validated where it came in). */
  calendar: CalendarImpl;
  /** From the pack (TH-9) or host policy; null where nothing fixes one. */
  objectionReply: { days: number; basis: LegalBasis } | null;
  platformReport: { days: number; basis: LegalBasis } | null;
  /** The period of each record's sanction, planned across the subject's sanctions (planSanctionPeriods). */
  periods?: ReadonlyMap<string, PeriodPlan>;
  /** Paths of the record in the query, for errors about its events. */
  prefix?: (string | number)[];
  /** Each host record's decision day and the day it takes effect (effectiveOn or decidedOn): the hand-over from an investigation to its sanction. */
  decisionDays?: ReadonlyMap<string, { decidedOn: string; effectiveOn: string }>;
}

/** met (done by the due day), overdue (done late, or not done and the due day has passed), else pending. */
function deadlineState(doneOn: string | null, dueOn: string, knownOn: string): 'met' | 'overdue' | 'pending' {
  if (doneOn) return doneOn <= dueOn ? 'met' : 'overdue';
  return knownOn > dueOn ? 'overdue' : 'pending';
}

// The argument names objectionReplyDueOn and platformReportDueOn give the event day, for errors.
const RECEIVED_ON = Object.freeze(['receivedOn']);
const CORRECTED_ON = Object.freeze(['correctedOn']);

/** Deadline computed on the calendar, or a note saying why it cannot be. */
function tryDeadline(
  compute: () => { dueOn: string; provisional: boolean; provisionalReason?: ProvisionalReason },
  notes: Note[],
  recordId: string,
  what: { 'zh-CN': string; en: string },
): { dueOn: string; provisional: boolean; provisionalReason?: ProvisionalReason } | null {
  try {
    return compute();
  } catch (e) {
    // A deadline past the calendar's data, or past the supported date range, is a note, not an error.
    if (e instanceof CalendarCoverageError || isDateOutOfRange(e)) {
      const note: Note = {
        code: e instanceof CalendarCoverageError ? 'calendar-coverage' : 'date-out-of-range',
        records: [recordId],
        message: {
          'zh-CN': `${what['zh-CN']}无法计算：${e.issues[0]?.message['zh-CN'] ?? ''}`,
          en: `${what.en} cannot be computed: ${e.issues[0]?.message.en ?? ''}`,
        },
      };
      // The year, so that a command line or a page can give its own advice instead of the options'.
      if (e instanceof CalendarCoverageError) note.value = e.statutoryFrom === undefined ? { year: e.year } : { year: e.year, statutoryFrom: e.statutoryFrom };
      notes.push(note);
      return null;
    }
    throw e;
  }
}

/** Accumulates what the steps below find: deadlines, notes, provisional answers. */
interface Acc {
  deadlines: DeadlineState[];
  notes: Note[];
  provisional: boolean;
}

// --- Step 1: the sanction (公务员法 64, 政务处分法 8/15, 条例 7/10) -----------------------------------

interface SanctionLayer {
  sanction: Sanction | null;
  changed: RecordState['sanctionChanged'];
  revoked: RecordState['sanctionRevoked'];
  /** The period in the certain reading, and in the latest reading where the body has yet to fix it. */
  period: SanctionPeriodState | null;
  latestPeriod: SanctionPeriodState | null;
  /** The day a `sanction-lifted` event ended it, if known. */
  liftedOn: string | null;
}

function periodState(plan: PeriodPlan, sanction: Sanction, lastDay: string, latestLastDay: string | null): SanctionPeriodState {
  return {
    sanction: sanction as SanctionPeriodState['sanction'],
    months: plan.months,
    effectiveOn: plan.effectiveOn,
    lastDay,
    liftsOn: addDaysIso(lastDay, 1),
    basis: plan.basis,
    determination: plan.determination,
    latestLastDay,
    regime: plan.regime,
    combinedWith: plan.combinedWith,
  };
}

function sanctionLayer(record: CreditRecord, events: readonly PlacedEvent[], visible: readonly PlacedEvent[], ctx: ReduceContext): SanctionLayer {
  const known = sanctionAsKnown(record, events, ctx.knownOn, ctx.prefix ?? []);
  if (!known) return { sanction: record.sanction ?? null, changed: null, revoked: null, period: null, latestPeriod: null, liftedOn: null };
  const lifting = visible.find((p) => p.event.type === 'sanction-lifted');
  const liftedOn = lifting?.event.date ?? null;
  const plan = ctx.periods?.get(record.id);
  let period: SanctionPeriodState | null = null;
  let latestPeriod: SanctionPeriodState | null = null;
  if (plan && known.sanction !== 'expulsion' && !known.revoked) {
    period = periodState(plan, known.sanction, plan.lastDay, plan.latestLastDay);
    // 公务员法 65, 政务处分法 26: a sanction lifts when its period ends, not before. An earlier
    // lifting is refused: only revocation ends a sanction early.
    if (lifting && lifting.event.date < period.liftsOn) {
      throw new InvalidEventLogError([
        issue(
          lifting.path,
          'lifted_early',
          `记录 ${record.id}：处分期至 ${period.lastDay} 届满，最早于 ${period.liftsOn} 解除；${lifting.event.date} 解除不合法（公务员法第六十五条、政务处分法第二十六条），提前终止只能撤销处分决定`,
          `record ${record.id}: the sanction period runs to ${period.lastDay}; the earliest lawful lifting is ${period.liftsOn}, not ${lifting.event.date} (公务员法 65, 政务处分法 26); only a revocation ends it earlier`,
        ),
      ]);
    }
    if (plan.latestLastDay) {
      if (liftedOn && liftedOn <= addDaysIso(plan.latestLastDay, 1)) {
        // A lifting within the open range fixes the period: it ran to the day before.
        period = { ...periodState(plan, known.sanction, addDaysIso(liftedOn, -1), null), determination: 'decided' };
      } else {
        latestPeriod = periodState(plan, known.sanction, plan.latestLastDay, null);
      }
    }
  }
  return { sanction: known.sanction, changed: known.changed, revoked: known.revoked, period, latestPeriod, liftedOn };
}

// --- Step 2: objections and credit corrections (TH-8..10) -----------------------------------------

interface CreditLayer {
  objection: ObjectionState | null;
  correction: CreditCorrection | null;
}

function creditLayer(record: CreditRecord, visible: readonly LifecycleEvent[], ctx: ReduceContext, acc: Acc): CreditLayer {
  const K = ctx.knownOn;
  let objection: ObjectionState | null = null;
  let correction: CreditCorrection | null = null;
  for (let i = 0; i < visible.length; i++) {
    const e = visible[i]!;
    if (e.type === 'record-corrected') {
      correction = { kind: e.outcome, on: e.date, via: 'authority', by: e.by };
      continue;
    }
    if (e.type !== 'objection-filed') continue;
    const reply = visible.slice(i + 1).find((x) => x.type === 'objection-replied');
    // The internal form of objectionReplyDueOn (TH-9): the arguments are validated already.
    const replyDue = ctx.objectionReply
      ? tryDeadline(
          () => workingDaysAfter(ctx.calendar, toDayNumber(e.date), RECEIVED_ON, ctx.objectionReply!.days, ctx.policy.receiptOnNonWorkingDay),
          acc.notes,
          record.id,
          { 'zh-CN': '异议答复期限', en: 'the objection reply deadline' },
        )
      : null;
    if (replyDue) {
      acc.provisional ||= replyDue.provisional;
      const repliedOn = reply?.date ?? null;
      acc.deadlines.push({
        kind: 'objection-reply',
        record: record.id,
        eventOn: e.date,
        dueOn: replyDue.dueOn,
        basis: ctx.objectionReply!.basis,
        state: deadlineState(repliedOn, replyDue.dueOn, K),
        metOn: repliedOn,
        provisional: replyDue.provisional,
        ...(replyDue.provisionalReason ? { provisionalReason: replyDue.provisionalReason } : {}),
      });
    }
    const outcome = reply && reply.type === 'objection-replied' ? reply.outcome : null;
    if (reply && outcome && outcome !== 'upheld') correction = { kind: outcome, on: reply.date, via: 'objection', by: null };
    objection = {
      status: !reply ? (replyDue && K > replyDue.dueOn ? 'reply-overdue' : 'awaiting-reply') : outcome === 'upheld' ? 'closed' : 'replied',
      channel: e.channel,
      filedOn: e.date,
      replyDueOn: replyDue?.dueOn ?? null,
      repliedOn: reply?.date ?? null,
      outcome,
      reportDueOn: null,
      reportedOn: null,
    };
  }
  // TH-10: a record found wrong is reported to the provincial platform within N working days of the correction.
  if (correction) {
    const reportedOn = visible.find((x) => x.type === 'reported-to-provincial-platform')?.date ?? null;
    const at = correction.on;
    const reportDue = ctx.platformReport
      ? tryDeadline(
          () => workingDaysAfter(ctx.calendar, toDayNumber(at), CORRECTED_ON, ctx.platformReport!.days),
          acc.notes,
          record.id,
          { 'zh-CN': '报送省级信用平台期限', en: 'the provincial-platform report deadline' },
        )
      : null;
    if (reportDue) {
      acc.provisional ||= reportDue.provisional;
      acc.deadlines.push({
        kind: 'platform-report',
        record: record.id,
        eventOn: at,
        dueOn: reportDue.dueOn,
        basis: ctx.platformReport!.basis,
        state: deadlineState(reportedOn, reportDue.dueOn, K),
        metOn: reportedOn,
        provisional: reportDue.provisional,
        ...(reportDue.provisionalReason ? { provisionalReason: reportDue.provisionalReason } : {}),
      });
    }
    if (objection && correction.via === 'objection') {
      objection.reportDueOn = reportDue?.dueOn ?? null;
      objection.reportedOn = reportedOn;
      objection.status = reportedOn ? 'closed' : reportDue ? (K > reportDue.dueOn ? 'report-overdue' : 'report-due') : 'replied';
    }
  }
  if (objection && objection.repliedOn === null && !ctx.objectionReply) {
    acc.notes.push({
      code: 'no-objection-deadline',
      policy: 'objectionReplyWorkingDays',
      records: [record.id],
      message: {
        'zh-CN': `记录 ${record.id} 的异议尚待答复，本文件未规定答复期限，本单位也未设定`,
        en: `record ${record.id} has an objection awaiting its reply; this document fixes no reply deadline and the host sets none`,
      },
    });
  }
  return { objection, correction };
}

// --- Step 3: rectification (限期整改, GD-6/7) ------------------------------------------------------

function rectificationStep(record: CreditRecord, visible: readonly LifecycleEvent[], ctx: ReduceContext, acc: Acc): RectificationState | null {
  const K = ctx.knownOn;
  let rectification: RectificationState | null = null;
  for (let i = 0; i < visible.length; i++) {
    const e = visible[i]!;
    if (e.type !== 'rectification-ordered') continue;
    const done = visible.slice(i + 1).find((x) => x.type === 'rectification-completed');
    const completedOn = done?.date ?? null;
    // 民法典 203: a time limit ending on a holiday ends on the first working day after it.
    const rolled = tryDeadline(
      () => ({ dueOn: ctx.calendar.firstWorkingDayOnOrAfter(e.dueOn), provisional: ctx.calendar.isProvisional(e.dueOn) }),
      acc.notes,
      record.id,
      { 'zh-CN': '整改期限的顺延（民法典第二百零三条）', en: 'the rolled rectification deadline (民法典 203)' },
    );
    const lastDay = rolled?.dueOn ?? e.dueOn;
    if (rolled) acc.provisional ||= rolled.provisional;
    rectification = {
      orderedOn: e.date,
      dueOn: e.dueOn,
      lastDay,
      rolled: lastDay !== e.dueOn,
      completedOn,
      state: deadlineState(completedOn, lastDay, K),
      responsiblePerson: e.responsiblePerson ?? null,
    };
    acc.deadlines.push({
      kind: 'rectification',
      record: record.id,
      eventOn: e.date,
      dueOn: lastDay,
      basis: lastDay !== e.dueOn ? { clause: 'CC-203', document: '中华人民共和国民法典', section: `第二百零三条（整改期限 ${e.dueOn} 为休息日，顺延）` } : { clause: 'rectification-order', document: e.by ?? 'ordering authority' },
      state: rectification.state,
      metOn: completedOn,
      provisional: rolled?.provisional ?? false,
    });
  }
  return rectification;
}

// --- Step 3b: an investigation (立案审查调查, 政务处分法 52, 考核规定 28) ------------------------------

function investigationStep(record: CreditRecord, visible: readonly LifecycleEvent[], ctx: ReduceContext): InvestigationState | null {
  if (record.kind !== 'under-investigation') return null;
  const closed = visible.find((e) => e.type === 'investigation-closed');
  if (!closed || closed.type !== 'investigation-closed') {
    return { openedOn: record.decidedOn, closedOn: null, outcome: null, sanctionRecord: null, ungradedYears: [], barsUntil: null };
  }
  let barsUntil: string | null = closed.date;
  if (ctx.policy.investigationHandover === 'until-sanction-decided' && closed.outcome !== 'no-sanction') {
    // The bars run on until the sanction the case led to takes effect (the host names its record).
    const d = closed.sanctionRecord ? ctx.decisionDays?.get(closed.sanctionRecord) : undefined;
    const day = d && d.decidedOn <= ctx.knownOn ? d.effectiveOn : undefined;
    barsUntil = day === undefined ? null : day > closed.date ? day : closed.date;
  }
  return {
    openedOn: record.decidedOn,
    closedOn: closed.date,
    outcome: closed.outcome,
    sanctionRecord: closed.sanctionRecord ?? null,
    ungradedYears: [...new Set(closed.ungradedYears ?? [])].sort((a, b) => a - b),
    barsUntil,
  };
}

// --- Step 4: when the effect ends ----------------------------------------------------------------

/** The earliest end wins; on the same day a fixed rank decides, so the log's order does not matter. */
const END_RANK: Record<EndKind, number> = {
  'sanction-revoked': 0,
  revoked: 1,
  corrected: 2,
  repaired: 3,
  lifted: 4,
  'investigation-closed': 5,
  'period-ended': 6,
  expired: 7,
};

function earliest(ends: readonly { kind: EndKind; on: string }[]): { kind: EndKind; on: string } | null {
  let out: { kind: EndKind; on: string } | null = null;
  for (const e of ends) if (!out || e.on < out.on || (e.on === out.on && END_RANK[e.kind] < END_RANK[out.kind])) out = e;
  return out;
}

/** Months of life policy `recordLifetimeMonths` gives a record without a statutory period, or null. */
function lifetimeMonths(record: CreditRecord, policy: Policy): number | null {
  const p = policy.recordLifetimeMonths;
  if (p === null) return null;
  if (typeof p === 'number') return p;
  if (!record.severity) return null;
  return (p === 'by-severity' ? LIFETIME_BY_SEVERITY : p)[record.severity];
}

// --- The reducer --------------------------------------------------------------------------------

/**
 * The pure reducer: the state of one record from its (already checked) events, as known on
 * `ctx.knownOn`, in named steps: the sanction, the credit record's objections and corrections,
 * rectification, the end of its effect, self-correction and mitigation.
 */
export function reduceRecord(record: CreditRecord, events: readonly PlacedEvent[], ctx: ReduceContext, derived = false): RecordState {
  const K = ctx.knownOn;
  const acc: Acc = { deadlines: [], notes: [], provisional: false };
  const visiblePlaced = events.filter((p) => p.event.date <= K);
  const visible = visiblePlaced.map((p) => p.event);

  const sanction = sanctionLayer(record, events, visiblePlaced, ctx);
  const credit = creditLayer(record, visible, ctx, acc);
  const rectification = rectificationStep(record, visible, ctx, acc);
  const investigation = investigationStep(record, visible, ctx);

  const selfCorrections: { date: string; measures: SelfCorrectionMeasure[] }[] = [];
  for (const e of visible) if (e.type === 'self-correction') selfCorrections.push({ date: e.date, measures: [...e.measures] });
  // The shorthand field comes after the log: order by date (stable) so "oldest first" holds.
  selfCorrections.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const mitigationDecisions: MitigationDecision[] = [];
  for (const e of visible) {
    if (e.type !== 'mitigation-decided') continue;
    mitigationDecisions.push({ date: e.date, outcome: e.outcome, by: e.by, actions: e.actions ? [...e.actions] : null, lighterTo: e.lighterTo ?? null });
  }
  mitigationDecisions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const build = (period: SanctionPeriodState | null): RecordState => {
    const deadlines = [...acc.deadlines];
    if (period) {
      deadlines.push({
        kind: 'sanction-period',
        record: record.id,
        eventOn: period.effectiveOn,
        dueOn: period.lastDay,
        ...(period.latestLastDay ? { latestDueOn: period.latestLastDay } : {}),
        basis: period.basis,
        state: K > (period.latestLastDay ?? period.lastDay) ? 'ended' : 'running',
        metOn: null,
        provisional: false,
      });
    }
    // The sanction's own interval: void once revoked; otherwise to the period's end (auto-lift) or the lifting.
    let sanctionUntil: string | null = null;
    if (period) {
      if (sanction.revoked) sanctionUntil = period.effectiveOn;
      else if (ctx.policy.sanctionPeriodAutoLift) sanctionUntil = sanction.liftedOn && sanction.liftedOn < period.liftsOn ? sanction.liftedOn : period.liftsOn;
      else sanctionUntil = sanction.liftedOn;
    }
    // The credit record's interval.
    const ends: { kind: EndKind; on: string }[] = [];
    for (const e of visible) {
      if (e.type === 'repaired') ends.push({ kind: 'repaired', on: e.date });
      else if (e.type === 'sanction-lifted') ends.push({ kind: 'lifted', on: e.date });
    }
    if (investigation && investigation.closedOn !== null && investigation.barsUntil !== null) ends.push({ kind: 'investigation-closed', on: investigation.barsUntil });
    if (period && ctx.policy.sanctionPeriodAutoLift) ends.push({ kind: 'period-ended', on: period.liftsOn });
    const withoutLifetime = earliest(ends);
    const months = !period && record.kind !== 'disciplinary-sanction' ? lifetimeMonths(record, ctx.policy) : null;
    const lifetimeEnd = months !== null ? { kind: 'expired' as const, on: addDaysIso(addMonthsIso(record.decidedOn, months), 1) } : null;
    let endedBy = earliest(lifetimeEnd ? [...ends, lifetimeEnd] : ends);
    let statutoryEnd = withoutLifetime;
    const voidedBy = sanction.revoked
      ? { kind: 'sanction-revoked' as const, on: sanction.revoked.on }
      : credit.correction
        ? { kind: credit.correction.kind, on: credit.correction.on }
        : null;
    if (voidedBy) endedBy = voidedBy;
    if (sanction.revoked) statutoryEnd = voidedBy;
    else if (credit.correction) statutoryEnd = { kind: credit.correction.kind, on: credit.correction.on };
    const voided = voidedBy !== null;
    return {
      id: record.id,
      kind: record.kind,
      sanction: sanction.sanction,
      derived,
      knownOn: K,
      known: record.decidedOn <= K,
      inOfficialDuty: derived ? true : (record.inOfficialDuty ?? null),
      severity: record.severity ?? null,
      voided,
      creditCorrection: credit.correction,
      sanctionRevoked: sanction.revoked,
      sanctionChanged: sanction.changed,
      effectiveFrom: record.decidedOn,
      effectiveUntil: voided ? record.decidedOn : (endedBy?.on ?? null),
      statutoryUntil: voided ? record.decidedOn : (statutoryEnd?.on ?? null),
      endedBy,
      decisionEffectiveOn: period?.effectiveOn ?? record.effectiveOn ?? record.decidedOn,
      sanctionPeriod: period,
      sanctionUntil,
      objection: credit.objection,
      objectionPending: credit.objection !== null && credit.objection.repliedOn === null,
      selfCorrections,
      mitigationDecisions,
      organisationalMeasure: record.organisationalMeasure ?? null,
      investigation,
      rectification,
      deadlines,
      notes: acc.notes,
      provisional: acc.provisional,
      latest: null,
    };
  };

  const state = build(sanction.period);
  if (sanction.latestPeriod) state.latest = build(sanction.latestPeriod);
  return state;
}
