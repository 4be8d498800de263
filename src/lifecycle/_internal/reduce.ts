import { addDaysIso, addMonthsIso, isDateOutOfRange } from '../../_lib/days.js';
import { CalendarCoverageError } from '../../calendar/CalendarCoverageError.js';
import type { Calendar } from '../../calendar/types.js';
import { combinedDisciplinaryPeriod } from '../../deadlines/combinedDisciplinaryPeriod.js';
import { disciplinaryPeriod } from '../../deadlines/disciplinaryPeriod.js';
import { LEGAL_BASES } from '../../deadlines/legalBases.js';
import { objectionReplyDueOn } from '../../deadlines/objectionReplyDueOn.js';
import { platformReportDueOn } from '../../deadlines/platformReportDueOn.js';
import type { DisciplinaryPeriod, LegalBasis, PeriodSanction } from '../../deadlines/types.js';
import type { DeadlineState, Note } from '../../model/decision.js';
import type { CreditRecord } from '../../model/record.js';
import type { Policy } from '../../model/policy.js';
import type {
  MitigationOutcome,
  ObjectionChannel,
  ObjectionOutcome,
  RecordKind,
  Sanction,
  SelfCorrectionMeasure,
} from '../../model/vocabulary.js';
import type { PlacedEvent } from './eventLog.js';

/** How a record's effect ended (or was voided). */
export type EndKind = 'revoked' | 'corrected' | 'repaired' | 'lifted' | 'period-ended' | 'expired' | 'investigation-closed';

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

/** The record's 处分期: the statutory (or combined, or decided) period, and the records combined with it. */
export interface SanctionPeriodState extends Omit<DisciplinaryPeriod, 'dateRules'> {
  /** Other records whose periods were combined with this one (政务处分法 15). */
  combinedWith: string[];
}

export interface RectificationState {
  orderedOn: string;
  dueOn: string;
  completedOn: string | null;
  state: 'pending' | 'met' | 'overdue';
  responsiblePerson: string | null;
}

/**
 * What is known about a record on one day (`knownOn`): only events dated on or before it are read.
 * Effects that follow from the data alone (a sanction period's end, a record lifetime) are known
 * in advance; effects that need an event (repair, revocation) only once the event is known.
 */
export interface RecordState {
  id: string;
  kind: RecordKind;
  sanction: Sanction | null;
  derived: boolean;
  knownOn: string;
  /** Decided on or before `knownOn`. */
  known: boolean;
  /** Corrected or revoked (TH-10): no effect at all, for every question asked after the reply. */
  voided: boolean;
  /** First day with effect (the decision day). */
  effectiveFrom: string;
  /** First day without effect, where known; null while nothing known ends it. */
  effectiveUntil: string | null;
  endedBy: { kind: EndKind; on: string } | null;
  sanctionPeriod: SanctionPeriodState | null;
  /** First day outside the sanction period (处分期): its end + 1 with auto-lift, an earlier lifting, or null. */
  sanctionUntil: string | null;
  objection: ObjectionState | null;
  objectionPending: boolean;
  /** Every self-correction known, oldest first. */
  selfCorrections: { date: string; measures: SelfCorrectionMeasure[] }[];
  mitigationDecision: { date: string; outcome: MitigationOutcome; by: string } | null;
  rectification: RectificationState | null;
  deadlines: DeadlineState[];
  notes: Note[];
  provisional: boolean;
}

export interface ReduceContext {
  knownOn: string;
  policy: Policy;
  calendar: Calendar;
  /** From the pack (TH-9) or host policy; null where nothing fixes one. */
  objectionReply: { days: number; basis: LegalBasis } | null;
  platformReport: { days: number; basis: LegalBasis } | null;
  /** Periods combined across records under 政务处分法 15, by record id. */
  combined?: ReadonlyMap<string, { months: number; effectiveOn: string; group: string[] }>;
}

/** met (done by the due day), overdue (done late, or not done and the due day has passed), else pending. */
function deadlineState(doneOn: string | null, dueOn: string, knownOn: string): 'met' | 'overdue' | 'pending' {
  if (doneOn) return doneOn <= dueOn ? 'met' : 'overdue';
  return knownOn > dueOn ? 'overdue' : 'pending';
}

/** Deadline computed on the calendar, or a note saying why it cannot be. */
function tryDeadline(
  compute: () => { dueOn: string; provisional: boolean },
  notes: Note[],
  recordId: string,
  what: { 'zh-CN': string; en: string },
): { dueOn: string; provisional: boolean } | null {
  try {
    return compute();
  } catch (e) {
    // A deadline past the calendar's data, or past the supported date range, is a note, not an error.
    if (e instanceof CalendarCoverageError || isDateOutOfRange(e)) {
      notes.push({
        code: e instanceof CalendarCoverageError ? 'calendar-coverage' : 'date-out-of-range',
        records: [recordId],
        message: {
          'zh-CN': `${what['zh-CN']}无法计算：${e.issues[0]?.message['zh-CN'] ?? ''}`,
          en: `${what.en} cannot be computed: ${e.issues[0]?.message.en ?? ''}`,
        },
      });
      return null;
    }
    throw e;
  }
}

/** The pure reducer: the state of one record from its (already checked) events, as known on `ctx.knownOn`. */
export function reduceRecord(record: CreditRecord, events: readonly PlacedEvent[], ctx: ReduceContext, derived = false): RecordState {
  const K = ctx.knownOn;
  const known = record.decidedOn <= K;
  const notes: Note[] = [];
  const deadlines: DeadlineState[] = [];
  let provisional = false;
  const visible = events.filter((p) => p.event.date <= K).map((p) => p.event);

  // Sanction period (公务员法 64, 政务处分法 8/15): fixed by the data, so known in advance.
  let sanctionPeriod: SanctionPeriodState | null = null;
  if (record.kind === 'disciplinary-sanction' && record.sanction && record.sanction !== 'expulsion') {
    const effectiveOn = record.effectiveOn ?? record.decidedOn;
    const combined = ctx.combined?.get(record.id);
    if (record.periodMonths !== undefined) {
      // The decision fixed its own period (政务处分法 15); it is used as given.
      const lastDay = addMonthsIso(effectiveOn, record.periodMonths);
      sanctionPeriod = {
        sanction: record.sanction,
        months: record.periodMonths,
        effectiveOn,
        lastDay,
        liftsOn: addDaysIso(lastDay, 1),
        basis: LEGAL_BASES['PSL-15'],
        combinedWith: combined ? combined.group.filter((id) => id !== record.id) : [],
      };
    } else if (combined && combined.group.length > 1) {
      const p = combinedDisciplinaryPeriod(
        combined.group.map(() => ({ sanction: record.sanction as PeriodSanction, effectiveOn: combined.effectiveOn })),
        { months: combined.months },
      );
      sanctionPeriod = { sanction: p.sanction, months: p.months, effectiveOn, lastDay: p.lastDay, liftsOn: p.liftsOn, basis: p.basis, combinedWith: combined.group.filter((id) => id !== record.id) };
    } else {
      const p = disciplinaryPeriod(record.sanction, effectiveOn, { basis: LEGAL_BASES['CSL-64'] });
      sanctionPeriod = { sanction: p.sanction, months: p.months, effectiveOn, lastDay: p.lastDay, liftsOn: p.liftsOn, basis: p.basis, combinedWith: [] };
    }
  }

  // Objections (TH-8..10): the latest objection's status; a deadline per objection.
  let objection: ObjectionState | null = null;
  let voidedBy: { kind: 'revoked' | 'corrected'; on: string } | null = null;
  for (let i = 0; i < visible.length; i++) {
    const e = visible[i]!;
    if (e.type !== 'objection-filed') continue;
    const reply = visible.slice(i + 1).find((x) => x.type === 'objection-replied');
    const replyDue = ctx.objectionReply
      ? tryDeadline(
          () =>
            objectionReplyDueOn(e.date, {
              workingDays: ctx.objectionReply!.days,
              basis: ctx.objectionReply!.basis,
              calendar: ctx.calendar,
              receiptOnNonWorkingDay: ctx.policy.receiptOnNonWorkingDay,
            }),
          notes,
          record.id,
          { 'zh-CN': '异议答复期限', en: 'the objection reply deadline' },
        )
      : null;
    if (replyDue) {
      provisional ||= replyDue.provisional;
      const repliedOn = reply?.date ?? null;
      deadlines.push({
        kind: 'objection-reply',
        record: record.id,
        eventOn: e.date,
        dueOn: replyDue.dueOn,
        basis: ctx.objectionReply!.basis,
        state: deadlineState(repliedOn, replyDue.dueOn, K),
        metOn: repliedOn,
        provisional: replyDue.provisional,
      });
    }
    const outcome = reply && reply.type === 'objection-replied' ? reply.outcome : null;
    let reportDueOn: string | null = null;
    let reportedOn: string | null = null;
    let status: ObjectionStatus;
    if (!reply) {
      status = replyDue && K > replyDue.dueOn ? 'reply-overdue' : 'awaiting-reply';
    } else if (outcome === 'upheld') {
      status = 'closed';
    } else {
      voidedBy = { kind: outcome === 'revoked' ? 'revoked' : 'corrected', on: reply.date };
      reportedOn = visible.find((x) => x.type === 'reported-to-provincial-platform')?.date ?? null;
      const reportDue = ctx.platformReport
        ? tryDeadline(
            () => platformReportDueOn(reply.date, { workingDays: ctx.platformReport!.days, basis: ctx.platformReport!.basis, calendar: ctx.calendar }),
            notes,
            record.id,
            { 'zh-CN': '报送省级信用平台期限', en: 'the provincial-platform report deadline' },
          )
        : null;
      if (reportDue) {
        provisional ||= reportDue.provisional;
        reportDueOn = reportDue.dueOn;
        deadlines.push({
          kind: 'platform-report',
          record: record.id,
          eventOn: reply.date,
          dueOn: reportDue.dueOn,
          basis: ctx.platformReport!.basis,
          state: deadlineState(reportedOn, reportDue.dueOn, K),
          metOn: reportedOn,
          provisional: reportDue.provisional,
        });
      }
      status = reportedOn ? 'closed' : reportDueOn ? (K > reportDueOn ? 'report-overdue' : 'report-due') : 'replied';
    }
    objection = {
      status,
      channel: e.channel,
      filedOn: e.date,
      replyDueOn: replyDue?.dueOn ?? null,
      repliedOn: reply?.date ?? null,
      outcome,
      reportDueOn,
      reportedOn,
    };
  }
  if (objection && !ctx.objectionReply) {
    notes.push({
      code: 'no-objection-deadline',
      policy: 'objectionReplyWorkingDays',
      records: [record.id],
      message: {
        'zh-CN': `记录 ${record.id} 有异议，本文件未规定答复期限，宿主政策也未设定（objectionReplyWorkingDays）`,
        en: `record ${record.id} has an objection; this document fixes no reply deadline and host policy sets none (objectionReplyWorkingDays)`,
      },
    });
  }
  const objectionPending = objection !== null && objection.repliedOn === null;

  // Rectification (限期整改, GD-6/7): met, pending or overdue as known on K.
  let rectification: RectificationState | null = null;
  for (let i = 0; i < visible.length; i++) {
    const e = visible[i]!;
    if (e.type !== 'rectification-ordered') continue;
    const done = visible.slice(i + 1).find((x) => x.type === 'rectification-completed');
    const completedOn = done?.date ?? null;
    rectification = {
      orderedOn: e.date,
      dueOn: e.dueOn,
      completedOn,
      state: deadlineState(completedOn, e.dueOn, K),
      responsiblePerson: e.responsiblePerson ?? null,
    };
    deadlines.push({
      kind: 'rectification',
      record: record.id,
      eventOn: e.date,
      dueOn: e.dueOn,
      basis: { clause: 'rectification-order', document: e.by ?? 'ordering authority' },
      state: rectification.state,
      metOn: completedOn,
      provisional: false,
    });
  }
  if (sanctionPeriod) {
    deadlines.push({
      kind: 'sanction-period',
      record: record.id,
      eventOn: sanctionPeriod.effectiveOn,
      dueOn: sanctionPeriod.lastDay,
      basis: sanctionPeriod.basis,
      state: K > sanctionPeriod.lastDay ? 'ended' : 'running',
      metOn: null,
      provisional: false,
    });
  }

  // When the effect ends: the earliest of what is known.
  const ends: { kind: EndKind; on: string }[] = [];
  for (const e of visible) {
    if (e.type === 'repaired') ends.push({ kind: 'repaired', on: e.date });
    else if (e.type === 'sanction-lifted') ends.push({ kind: 'lifted', on: e.date });
    else if (e.type === 'investigation-closed') ends.push({ kind: 'investigation-closed', on: e.date });
  }
  if (sanctionPeriod && ctx.policy.sanctionPeriodAutoLift) ends.push({ kind: 'period-ended', on: sanctionPeriod.liftsOn });
  if (!sanctionPeriod && record.kind !== 'disciplinary-sanction' && ctx.policy.recordLifetimeMonths !== null) {
    ends.push({ kind: 'expired', on: addDaysIso(addMonthsIso(record.decidedOn, ctx.policy.recordLifetimeMonths), 1) });
  }
  let sanctionUntil: string | null = null;
  if (sanctionPeriod) {
    const liftedOn = visible.find((e) => e.type === 'sanction-lifted')?.date ?? null;
    const candidates = [ctx.policy.sanctionPeriodAutoLift ? sanctionPeriod.liftsOn : null, liftedOn].filter((x): x is string => x !== null);
    sanctionUntil = voidedBy ? sanctionPeriod.effectiveOn : candidates.length ? candidates.sort()[0]! : null;
  }
  // The earliest end wins; on the same day a fixed rank decides, so the log's order does not matter.
  const rank: Record<EndKind, number> = { revoked: 0, corrected: 1, repaired: 2, lifted: 3, 'investigation-closed': 4, 'period-ended': 5, expired: 6 };
  let endedBy: { kind: EndKind; on: string } | null = null;
  for (const e of ends) if (!endedBy || e.on < endedBy.on || (e.on === endedBy.on && rank[e.kind] < rank[endedBy.kind])) endedBy = e;
  if (voidedBy) endedBy = voidedBy;

  const selfCorrections: { date: string; measures: SelfCorrectionMeasure[] }[] = [];
  for (const e of visible) if (e.type === 'self-correction') selfCorrections.push({ date: e.date, measures: [...e.measures] });
  // The shorthand field comes after the log: order by date (stable) so "oldest first" holds.
  selfCorrections.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const md = visible.find((e) => e.type === 'mitigation-decided');

  return {
    id: record.id,
    kind: record.kind,
    sanction: record.sanction ?? null,
    derived,
    knownOn: K,
    known,
    voided: voidedBy !== null,
    effectiveFrom: record.decidedOn,
    effectiveUntil: voidedBy ? record.decidedOn : (endedBy?.on ?? null),
    endedBy,
    sanctionPeriod,
    sanctionUntil,
    objection,
    objectionPending,
    selfCorrections,
    mitigationDecision: md && md.type === 'mitigation-decided' ? { date: md.date, outcome: md.outcome, by: md.by } : null,
    rectification,
    deadlines,
    notes,
    provisional,
  };
}
