import { obj, opt, parseOrThrow, str } from '../../_lib/check.js';
import { addMonthsIso, fromDayNumber, partsFromDayNumber, toDayNumber } from '../../_lib/days.js';
import { CalendarImpl } from '../../calendar/internal.js';
import { checkMonthRange, formatDay, toCount, toEnum, type Path } from '../../_lib/input.js';
import { defaultCalendar } from '../../calendar/defaultCalendar.js';
import type { Calendar, ProvisionalReason } from '../../calendar/types.js';
import { InvalidInputError, issue } from '../../model/errors.js';
import { SANCTIONS } from '../../model/vocabulary.js';
import { PERIOD_SANCTIONS } from '../../model/statutes.js';
import type { Deadline, DeadlineKind, LegalBasis, PeriodSanction } from '../types.js';

const LegalBasisSchema = obj({
  clause: str({ trim: true, min: 1, max: 200 }),
  document: str({ trim: true, min: 1, max: 500 }),
  section: opt(str({ trim: true, min: 1, max: 200 })),
});

/** The `basis` option, or the default clause. */
export function toBasis(v: unknown, fallback: LegalBasis, path: Path): LegalBasis {
  if (v === undefined) return { ...fallback };
  return parseOrThrow(LegalBasisSchema, v, path);
}

/** The `calendar` option: a calendar made by createCalendar, or the default one. */
export function toCalendar(v: unknown, path: Path): CalendarImpl {
  const cal = v === undefined ? defaultCalendar() : v;
  if (!(cal instanceof CalendarImpl)) {
    throw new InvalidInputError([issue([...path], 'invalid_type', '应为 createCalendar() 创建的日历', 'expected a calendar made by createCalendar()')]);
  }
  return cal;
}

/** A positive count (a deadline of zero days is not a deadline). */
export function toPositive(v: unknown, path: Path, max = 100_000): number {
  const n = toCount(v, path);
  if (n < 1 || n > max) {
    throw new InvalidInputError([issue([...path], 'invalid_count', `数量应在 1 到 ${max} 之间，收到 ${n}`, `expected a count from 1 to ${max}, got ${n}`)]);
  }
  return n;
}

/**
 * A period of n working days after an event. Under 'next-working-day' a receipt on a non-working
 * day is first moved to the first working day, and counting starts the day after that.
 */
export function workingDayDeadline(
  kind: DeadlineKind,
  event: unknown,
  eventPath: Path,
  n: number,
  basis: LegalBasis,
  cal: CalendarImpl,
  receipt: 'day-after-receipt' | 'next-working-day' = 'day-after-receipt',
): Deadline {
  const ev = cal._day(event, eventPath);
  const { from, dueOn, provisional, provisionalReason } = workingDaysAfter(cal, ev, eventPath, n, receipt);
  const out: Deadline = {
    kind,
    eventOn: fromDayNumber(ev),
    startsOn: fromDayNumber(from + 1),
    dueOn,
    period: { unit: 'working-days', length: n },
    basis,
    dateRules: ['CC-201'],
    provisional,
  };
  if (provisionalReason) out.provisionalReason = provisionalReason;
  return out;
}

/**
 * The internal form of a working-day deadline, for callers whose arguments are validated already
 * (the lifecycle reducer): `n` working days after the event day `ev` (a day number), the event day
 * not counted. Throws what the public functions throw for the same day (CalendarCoverageError, a
 * date out of range), with the same messages; `eventPath` names the argument in them.
 */
export function workingDaysAfter(
  cal: CalendarImpl,
  ev: number,
  eventPath: Path,
  n: number,
  receipt: 'day-after-receipt' | 'next-working-day' = 'day-after-receipt',
): { from: number; due: number; dueOn: string; provisional: boolean; provisionalReason?: ProvisionalReason } {
  cal._requireCovered(ev, ev, eventPath);
  const from = receipt === 'next-working-day' ? cal._firstWorkingOnOrAfter(ev) : ev;
  const due = cal._addWorking(from, n);
  const dueOn = formatDay(due, eventPath);
  cal._requireCovered(ev, due, eventPath);
  // Under 'next-working-day' the receipt day's own status decides where counting starts.
  return { from, due, dueOn, ...cal._provisionalOf(receipt === 'next-working-day' ? ev : ev + 1, due) };
}

/** A period of n calendar days after an event, its last day rolled to a working day (民法典 203). */
export function calendarDayDeadline(kind: DeadlineKind, event: unknown, eventPath: Path, n: number, basis: LegalBasis, cal: CalendarImpl): Deadline {
  const ev = cal._day(event, eventPath);
  const raw = ev + n;
  formatDay(raw, eventPath);
  cal._requireCovered(raw, raw, eventPath);
  const due = cal._firstWorkingOnOrAfter(raw);
  const dueOn = formatDay(due, eventPath);
  cal._requireCovered(raw, due, eventPath);
  const out: Deadline = {
    kind,
    eventOn: fromDayNumber(ev),
    startsOn: fromDayNumber(ev + 1),
    dueOn,
    period: { unit: 'calendar-days', length: n },
    basis,
    dateRules: due === raw ? ['CC-201'] : ['CC-201', 'CC-203'],
    ...cal._provisionalOf(raw, due),
  };
  if (due !== raw) out.rolledFrom = fromDayNumber(raw);
  return out;
}


export function toSanction(v: unknown, path: Path): PeriodSanction {
  if (v === 'expulsion') {
    throw new InvalidInputError([
      issue(
        [...path],
        'no_period',
        '开除没有处分期：公务员法第六十四条、政务处分法第八条只规定警告至撤职的期间',
        'expulsion has no period: 公务员法 64 and 政务处分法 8 set periods for warning to removal only',
      ),
    ]);
  }
  return toEnum(v, path, PERIOD_SANCTIONS) ?? invalidSanction(v, path);
}

function invalidSanction(v: unknown, path: Path): never {
  throw new InvalidInputError([
    issue([...path], 'invalid_value', `处分种类无效，应为 ${SANCTIONS.join(' | ')}`, `invalid sanction ${String(v)}; expected ${SANCTIONS.join(' | ')}`),
  ]);
}

/** The last day of a month period from a day number (民法典 201/202), never rolled. */
export function monthPeriodEnd(start: number, months: number, path: Path): { lastDay: string; liftsOn: string } {
  const startIso = fromDayNumber(start);
  const p = partsFromDayNumber(start);
  checkMonthRange(p.year, p.month, months, path);
  const lastDay = addMonthsIso(startIso, months);
  const last = toDayNumber(lastDay);
  return { lastDay, liftsOn: formatDay(last + 1, path) };
}

export type { Calendar };
