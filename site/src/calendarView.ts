// A month calendar for a deadline, like `gov-credit-rules deadline` prints in the terminal: the day
// of the event (not counted), each working day counted with its number, holidays and weekends
// skipped, make-up working days (调休上班) counted, and the due day. A period counted in calendar
// days or months (a sanction period, a rectification period set by its order) gets a month view in
// calendar days instead: every day of the period marked, its first and last day, and for a sanction
// the day it lifts — no working days, no 调休 legend.
import {
  addCalendarDays,
  getPack,
  objectionReplyDueOn,
  platformReportDueOn,
  type Calendar,
  type DayInfo,
  type LegalBasis,
  type Pack,
  type ProvisionalReason,
} from 'gov-credit-rules';
import { currentCalendar, provisionalWords } from './calendarSetup.js';
import { h } from './dom.js';
import { label, locale, t, tx } from './i18n.js';
import { dayNumber } from './state.js';

export interface CalendarQuestion {
  title: string;
  eventOn: string;
  dueOn: string;
  /** Working days are numbered when the period counts them. */
  countsWorkingDays: boolean;
  length: number | null;
  basis: LegalBasis | null;
  /** The clause's quoted text, when the pack has it. */
  quote: string | null;
  provisional: boolean;
  /** Why it is provisional (the year estimated, and how). */
  provisionalReason?: ProvisionalReason;
  /** A period in calendar days rather than working days: a sanction period (and the day it lifts) or a rectification period. */
  period?: { kind: 'sanction'; liftsOn: string } | { kind: 'rectification' };
}

/** The pack and its parents, nearest first: where a deadline clause is looked for. */
function chainOf(pack: Pack): Pack[] {
  return [pack, ...pack.extends.flatMap((id) => chainOf(getPack(id)))];
}

function basisOf(chain: Pack[], clauseId: string): { basis: LegalBasis; quote: string | null } {
  for (const p of chain) {
    const c = p.clauses.find((x) => x.id === clauseId);
    if (c) {
      const document = c.document ?? `${p.document.number}《${p.document.title}》`;
      return { basis: { clause: clauseId, document, section: c.section }, quote: c.quoteSimplified ?? c.quote };
    }
  }
  return { basis: { clause: clauseId, document: chain[0]!.document.number }, quote: null };
}

/** The working-day deadline a pack fixes for an objection (reply) or a correction (report), or why there is none. */
export function packDeadline(mode: 'objection' | 'report', date: string, packId: string, hostWorkingDays: number | null, calendar: Calendar = currentCalendar()): CalendarQuestion | { none: string } {
  const chain = chainOf(getPack(packId));
  const key = mode === 'objection' ? 'replyWorkingDays' : 'platformReportWorkingDays';
  const owner = chain.find((p) => p.objections?.[key]);
  const fixed = owner?.objections?.[key];
  const days = fixed?.days ?? hostWorkingDays;
  if (!days) {
    const clauses = chain.flatMap((p) => p.objections?.clauses ?? []);
    return {
      none: t(
        `${packId} 未规定${mode === 'objection' ? '异议答复' : '报送省级信用平台'}期限（其异议条款：${clauses.join('、') || '无'}）；可填写工作日数作为本单位政策。`,
        `${packId} fixes no ${mode === 'objection' ? 'objection reply' : 'provincial-platform report'} deadline (its objection clauses: ${clauses.join(', ') || 'none'}); enter working days as host policy.`,
      ),
    };
  }
  const cited = fixed ? basisOf(chain, fixed.clause) : { basis: { clause: 'host-policy', document: t('本单位政策', 'host policy') }, quote: null };
  const d = mode === 'objection' ? objectionReplyDueOn(date, { workingDays: days, basis: cited.basis, calendar }) : platformReportDueOn(date, { workingDays: days, basis: cited.basis, calendar });
  return {
    title: mode === 'objection' ? t(`${date} 收到异议：书面答复期限`, `Objection received ${date}: written reply due`) : t(`${date} 更正或撤销：报送省级信用平台期限`, `Corrected or revoked ${date}: report to the provincial platform due`),
    eventOn: d.eventOn,
    dueOn: d.dueOn,
    countsWorkingDays: true,
    length: days,
    basis: d.basis,
    quote: cited.quote,
    provisional: d.provisional,
    ...(d.provisionalReason ? { provisionalReason: d.provisionalReason } : {}),
  };
}

export function workingDaysQuestion(date: string, n: number, calendar: Calendar = currentCalendar()): CalendarQuestion {
  const r = calendar.addWorkingDaysDetailed(date, n);
  return {
    title: t(`${date} 后 ${n} 个工作日`, `${n} working days after ${date}`),
    eventOn: date,
    dueOn: r.date,
    countsWorkingDays: true,
    length: n,
    basis: null,
    quote: null,
    provisional: r.provisional,
    ...(r.provisionalReason ? { provisionalReason: r.provisionalReason } : {}),
  };
}

/** A day on the page's calendar (its loaded schedules and its choice for years without one). */
const dayInfo = (date: string): DayInfo => currentCalendar().dayInfo(date);

interface Cell {
  date: string;
  info: DayInfo;
  role: 'start' | 'counted' | 'skipped' | 'due' | 'period' | 'outside';
  count: number | null;
}

const WEEKDAYS = { 'zh-CN': ['一', '二', '三', '四', '五', '六', '日'], en: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] };
const MAX_MONTHS = 14;

function cellsOf(q: CalendarQuestion): Map<string, Cell> {
  const out = new Map<string, Cell>();
  let count = 0;
  for (let d = q.eventOn; d <= q.dueOn; d = addCalendarDays(d, 1)) {
    const info = dayInfo(d);
    let role: Cell['role'];
    if (d === q.eventOn) role = 'start';
    else if (d === q.dueOn) role = 'due';
    else if (!q.countsWorkingDays) role = 'period';
    else role = info.working ? 'counted' : 'skipped';
    if (q.countsWorkingDays && d !== q.eventOn && info.working) count++;
    out.set(d, { date: d, info, role, count: q.countsWorkingDays && d !== q.eventOn && info.working ? count : null });
  }
  return out;
}

/** A month as a table, Monday first: each day's cell drawn by `cell`. */
function monthGrid(y: number, m: number, className: string, cell: (date: string) => HTMLElement): HTMLElement {
  const mm = String(m).padStart(2, '0');
  const first = `${y}-${mm}-01`;
  const offset = (((dayNumber(first) + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday: Monday-first column
  const days: (string | null)[] = Array.from({ length: offset }, () => null);
  for (let d = first; d.startsWith(`${y}-${mm}`); d = addCalendarDays(d, 1)) days.push(d);
  while (days.length % 7) days.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return h(
    'table',
    { class: className, 'data-month': `${y}-${mm}` },
    h('caption', null, t(`${y} 年 ${m} 月`, `${y}-${mm}`)),
    h('thead', null, h('tr', null, WEEKDAYS[locale()].map((w) => h('th', null, w)))),
    h('tbody', null, weeks.map((week) => h('tr', null, week.map((d) => (d ? cell(d) : h('td', { class: 'empty' })))))),
  );
}

function month(y: number, m: number, cells: Map<string, Cell>): HTMLElement {
  return monthGrid(y, m, 'month', (d) => {
    const c = cells.get(d) ?? { date: d, info: dayInfo(d), role: 'outside' as const, count: null };
    const name = c.info.holiday ? tx(c.info.holiday) : c.info.kind === 'make-up-workday' ? t('班', 'work') : '';
    const title = [c.date, label('dayKind', c.info.kind), c.info.holiday ? tx(c.info.holiday) : '', c.info.makeUpFor ? t(`（${tx(c.info.makeUpFor)}调休）`, `(for ${tx(c.info.makeUpFor)})`) : '', c.info.provisional ? t('暂定', 'provisional') : ''].filter(Boolean).join(' ');
    return h(
      'td',
      { class: `day kind-${c.info.kind} role-${c.role}`, 'data-date': c.date, 'data-kind': c.info.kind, 'data-role': c.role, 'data-count': c.count ?? null, title },
      h('span', { class: 'num' }, String(Number(c.date.slice(8)))),
      name ? h('span', { class: 'name' }, name) : null,
      c.count !== null ? h('span', { class: 'count' }, String(c.count)) : null,
    );
  });
}

/** The clause (code, document, section) a deadline rests on, or the host's policy, or the order that set it. */
export function basisText(b: LegalBasis): HTMLElement {
  if (b.clause === 'host-policy') return h('span', null, label('basis', b.clause));
  if (b.clause === 'rectification-order') return h('span', null, label('basis', b.clause), t(`（${b.document} 作出）`, ` (by ${b.document})`));
  const i = b.document.indexOf('《');
  const doc = i > 0 ? [h('span', { class: 'docno' }, b.document.slice(0, i)), b.document.slice(i)] : [h('span', { class: 'docno' }, b.document)];
  return h('span', null, `${b.clause} `, doc, b.section ? ` ${b.section}` : '');
}

export function renderCalendar(q: CalendarQuestion): HTMLElement {
  if (q.period) return renderPeriodCalendar(q, q.period);
  const cells = cellsOf(q);
  const all = [...cells.values()];
  const skipped = all.filter((c) => c.role === 'skipped');
  const makeUp = all.filter((c) => c.info.kind === 'make-up-workday' && c.role !== 'start' && c.role !== 'outside');
  // Runs of skipped holidays, e.g. 2026-10-01 – 2026-10-08 国庆节、中秋节.
  const runs: { from: string; to: string; names: string[] }[] = [];
  for (const c of skipped.filter((x) => x.info.kind === 'holiday')) {
    const name = c.info.holiday ? tx(c.info.holiday) : t('节假日', 'holiday');
    const last = runs[runs.length - 1];
    if (last && addCalendarDays(last.to, 1) === c.date) {
      last.to = c.date;
      if (!last.names.includes(name)) last.names.push(name);
    } else runs.push({ from: c.date, to: c.date, names: [name] });
  }
  const holidays = runs.map((r) => `${r.from}${r.to !== r.from ? ` – ${r.to}` : ''} ${r.names.join(t('、', ', '))}`);
  const months: HTMLElement[] = [];
  let y = Number(q.eventOn.slice(0, 4));
  let m = Number(q.eventOn.slice(5, 7));
  const endKey = Number(q.dueOn.slice(0, 4)) * 12 + Number(q.dueOn.slice(5, 7));
  while (y * 12 + m <= endKey && months.length < MAX_MONTHS) {
    months.push(month(y, m, cells));
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return h(
    'div',
    { class: 'deadline-calendar', 'data-due': q.dueOn, 'data-event': q.eventOn },
    h('h3', null, q.title),
    h(
      'table',
      { class: 'facts' },
      h('tr', null, h('th', null, t('最后一日', 'Last day')), h('td', null, h('strong', { class: 'due-on' }, q.dueOn), t('（含当日）', ' (that day included)'), q.provisional ? h('span', { class: 'provisional', 'data-provisional': q.provisionalReason?.mode ?? 'late-december' }, t('（', ' ('), provisionalWords(q.provisionalReason), t('）', ')')) : '')),
      h('tr', null, h('th', null, t('计算', 'Counted')), h('td', null, q.countsWorkingDays && q.length !== null
        ? t(`自 ${addCalendarDays(q.eventOn, 1)} 起 ${q.length} 个工作日（事件当日不计入，民法典第二百零一条）`, `${q.length} working days from ${addCalendarDays(q.eventOn, 1)} (the day of the event is not counted, 民法典 201)`)
        : t(`${q.eventOn} 至 ${q.dueOn}`, `${q.eventOn} to ${q.dueOn}`))),
      q.countsWorkingDays ? h('tr', null, h('th', null, t('跳过', 'Skipped')), h('td', null, t(`${skipped.length} 天（节假日 ${skipped.filter((c) => c.info.kind === 'holiday').length} 天，周末 ${skipped.filter((c) => c.info.kind === 'weekend').length} 天）`, `${skipped.length} days (${skipped.filter((c) => c.info.kind === 'holiday').length} holiday, ${skipped.filter((c) => c.info.kind === 'weekend').length} weekend)`))) : null,
      holidays.length ? h('tr', null, h('th', null, t('节假日', 'Holidays')), h('td', null, holidays.join(t('；', '; ')))) : null,
      makeUp.length ? h('tr', { class: 'make-up' }, h('th', null, t('调休上班', 'Make-up working days')), h('td', null, makeUp.map((c) => c.date).join(t('、', ', ')), q.countsWorkingDays ? t('（计入）', ' (counted)') : '')) : null,
      q.basis ? h('tr', null, h('th', null, t('依据', 'Basis')), h('td', null, basisText(q.basis), q.quote ? h('blockquote', { class: 'quote', lang: 'zh-CN', 'data-verbatim': '' }, q.quote) : null)) : null,
    ),
    h('div', { class: 'months' }, months),
    months.length === MAX_MONTHS ? h('p', { class: 'muted' }, t(`仅显示前 ${MAX_MONTHS} 个月。`, `Only the first ${MAX_MONTHS} months are shown.`)) : null,
    h('div', { class: 'legend' },
      h('span', { class: 'key day role-start' }, t('起算日（不计入）', 'event day (not counted)')),
      h('span', { class: 'key day role-counted' }, t('计入的工作日（序号）', 'working day counted (its number)')),
      h('span', { class: 'key day kind-make-up-workday role-counted' }, t('调休上班日（计入）', 'make-up working day (counted)')),
      h('span', { class: 'key day kind-holiday role-skipped' }, t('节假日（跳过）', 'holiday (skipped)')),
      h('span', { class: 'key day kind-weekend role-skipped' }, t('周末（跳过）', 'weekend (skipped)')),
      h('span', { class: 'key day role-due' }, t('最后一日（含当日）', 'last day (included)'))),
  );
}

// ---------------------------------------------------------------------------------------------
// Periods in calendar days: a month view.

type PeriodRole = 'first' | 'period' | 'last' | 'lift' | 'outside';

function periodMonth(y: number, m: number, roleOf: (d: string) => PeriodRole): HTMLElement {
  return monthGrid(y, m, 'month period-month', (d) => {
    const role = roleOf(d);
    return h('td', { class: `pday prole-${role}`, 'data-date': d, 'data-role': role }, String(Number(d.slice(8))));
  });
}

/** Whole months from `from` to `to` as 民法典 202 counts them (to the corresponding day, or the month's end). */
const monthsBetween = (from: string, to: string): number => (Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7))) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)));

function renderPeriodCalendar(q: CalendarQuestion, period: NonNullable<CalendarQuestion['period']>): HTMLElement {
  const end = period.kind === 'sanction' ? period.liftsOn : q.dueOn;
  const roleOf = (d: string): PeriodRole =>
    d === q.eventOn ? 'first' : d === q.dueOn ? 'last' : d > q.eventOn && d < q.dueOn ? 'period' : period.kind === 'sanction' && d === period.liftsOn ? 'lift' : 'outside';
  const months: HTMLElement[] = [];
  let y = Number(q.eventOn.slice(0, 4));
  let m = Number(q.eventOn.slice(5, 7));
  const endKey = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7));
  while (y * 12 + m <= endKey) {
    months.push(periodMonth(y, m, roleOf));
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  const n = monthsBetween(q.eventOn, q.dueOn);
  const sanction = period.kind === 'sanction';
  const facts = sanction
    ? [
        [t('处分期', 'Sanction period'), h('span', null, h('strong', { class: 'due-on' }, t(`${q.eventOn} 至 ${q.dueOn}`, `${q.eventOn} to ${q.dueOn}`)), t('（含首尾两日）', ' (both days included)'))],
        [t('计算', 'Counted'), t(`${n} 个月，按日历计算：自处分决定生效之日 ${q.eventOn} 起受限；月数自次日起算，到期月的对应日 ${q.dueOn} 为最后一日，没有对应日的为该月末日（民法典第二百零一条、第二百零二条）`,
          `${n} months on the calendar: barred from the day the decision took effect, ${q.eventOn}; the months run from the next day and end on the corresponding day, ${q.dueOn} (or the month's last day where there is none; 民法典 201, 202)`)],
        [t('解除', 'Lifts'), h('strong', null, t(`${period.liftsOn} 起不再受该处分期限制`, `from ${period.liftsOn} the period no longer bars`))],
        [t('节假日', 'Holidays'), t('处分期不是办理事项的期限，逢节假日不顺延，工作日与调休与它无关', 'A sanction period is not a time limit to act: it does not roll past holidays, and working days and 调休 play no part')],
      ]
    : [
        [t('整改期间', 'Rectification period'), h('span', null, t(`${q.eventOn} 责令整改，至 `, `ordered ${q.eventOn}, due by `), h('strong', { class: 'due-on' }, q.dueOn), t('（最后一日，含当日）', ' (the last day, included)'))],
        [t('计算', 'Counted'), t(`期限由整改通知确定，按日历日计（共 ${dayNumber(q.dueOn) - dayNumber(q.eventOn)} 天）`, `the order sets the due day; calendar days (${dayNumber(q.dueOn) - dayNumber(q.eventOn)} days)`)],
      ];
  return h(
    'div',
    { class: 'deadline-calendar period-calendar', 'data-due': q.dueOn, 'data-event': q.eventOn, 'data-period': period.kind },
    h('h3', null, q.title),
    h('table', { class: 'facts' },
      facts.map(([k, v]) => h('tr', null, h('th', null, k as string), h('td', null, v as HTMLElement | string))),
      q.basis ? h('tr', null, h('th', null, t('依据', 'Basis')), h('td', null, basisText(q.basis), q.quote ? h('blockquote', { class: 'quote', lang: 'zh-CN', 'data-verbatim': '' }, q.quote) : null)) : null),
    h('div', { class: 'months' }, months),
    h('div', { class: 'legend' },
      h('span', { class: 'key pday prole-first' }, sanction ? t('处分决定生效日（当日起受限）', 'decision in effect (barred from this day)') : t('责令整改日', 'day of the order')),
      h('span', { class: 'key pday prole-period' }, sanction ? t('处分期内', 'in the period') : t('整改期间', 'rectification period')),
      h('span', { class: 'key pday prole-last' }, sanction ? t('处分期最后一日', 'last day of the period') : t('整改期限最后一日', 'last day to rectify')),
      sanction ? h('span', { class: 'key pday prole-lift' }, t('解除，不再受限', 'lifted, no longer barred')) : null),
  );
}
