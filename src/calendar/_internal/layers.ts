import { dayNumberFromParts, fromDayNumber, isoWeekday, partsFromDayNumber, toDayNumber } from '../../_lib/days.js';
import { parseOrThrow } from '../../_lib/check.js';
import { InvalidInputError, issue, type Issue, type LocalizedText } from '../../model/errors.js';
import type { HostDay } from '../types.js';
import type { Coverage } from './coverage.js';
type Path = (string | number)[];
import { GENERIC_HOLIDAY, GENERIC_REGIONAL_HOLIDAY, localizeName } from './names.js';
import type { DayEntry } from './officialData.js';
import { HostScheduleSchema, RegionalOverlaySchema, sourceText } from './schemas.js';

/** The data a calendar is made of; a derived calendar gets a modified copy. */
export interface CalendarState {
  entries: ReadonlyMap<number, DayEntry>;
  officialYears: readonly number[];
  /** Host-added year → its source. */
  hostYears: ReadonlyMap<number, string>;
  overlays: readonly { region: string; source: string }[];
}

interface Listed {
  dn: number;
  date: string;
  kind: DayEntry['kind'];
  name: string | LocalizedText | undefined;
  path: Path;
}

const KIND_TEXT = {
  holiday: { zh: '放假', en: 'a day off' },
  'make-up-workday': { zh: '调休上班', en: 'a make-up working day' },
} as const;

function describeEntry(e: DayEntry | undefined, dn: number): { zh: string; en: string } {
  if (!e) return isoWeekday(dn) <= 5 ? { zh: '工作日', en: 'an ordinary working day' } : { zh: '周末休息日', en: 'a weekend day' };
  const where =
    e.source === 'official'
      ? { zh: '官方数据', en: 'the official data' }
      : e.source === 'overlay'
        ? { zh: `地方安排（${e.region ?? ''}）`, en: `the regional overlay (${e.region ?? ''})` }
        : { zh: `主机提供的安排（${e.origin}）`, en: `the host schedule (${e.origin})` };
  return { zh: `${where.zh}中为${KIND_TEXT[e.kind].zh}`, en: `${KIND_TEXT[e.kind].en} in ${where.en}` };
}

function listDays(days: readonly HostDay[] | undefined, kind: DayEntry['kind'], base: Path): Listed[] {
  const out: Listed[] = [];
  (days ?? []).forEach((d, i) => {
    const path = [...base, i];
    if (typeof d === 'string') out.push({ dn: toDayNumber(d), date: d, kind, name: undefined, path });
    else if ('date' in d) out.push({ dn: toDayNumber(d.date), date: d.date, kind, name: d.name, path });
    else {
      // A run of days, as notices write them (10月1日至7日): each day, under the run's path.
      for (let dn = toDayNumber(d.from); dn <= toDayNumber(d.to); dn++) out.push({ dn, date: fromDayNumber(dn), kind, name: d.name, path });
    }
  });
  return out;
}

/** Duplicates, and days listed both as off and as working. */
function checkListed(listed: Listed[], issues: Issue[]): void {
  const seen = new Map<number, Listed>();
  for (const l of listed) {
    const prev = seen.get(l.dn);
    if (prev) {
      const both = prev.kind !== l.kind;
      issues.push(
        issue(
          l.path,
          both ? 'conflict' : 'duplicate_date',
          both ? `${l.date} 同时被列为放假日和调休上班日` : `${l.date} 重复列出（首次见 ${prev.path.join('.')}）`,
          both ? `${l.date} is listed both as a day off and as a make-up working day` : `${l.date} is listed twice (first at ${prev.path.join('.')})`,
        ),
      );
      continue;
    }
    seen.set(l.dn, l);
  }
}

/**
 * A working day listed on a Monday–Friday is an ordinary working day: notices (and holiday-cn)
 * sometimes list one to mark the end of a holiday (2020-02-03). It is checked for conflicts but
 * stored as nothing, so it never shows as a make-up day.
 */
function isPlainWorkday(l: Listed): boolean {
  return l.kind === 'make-up-workday' && isoWeekday(l.dn) <= 5;
}

/** A holiday always has a name (the generic one if none is given); a make-up day only when the data names its holiday. */
function withName(entry: DayEntry, l: Listed, generic: LocalizedText): DayEntry {
  if (l.name !== undefined) entry.name = localizeName(l.name, generic);
  else if (l.kind === 'holiday') entry.name = generic;
  return entry;
}

function working(kind: DayEntry['kind'] | undefined, dn: number): boolean {
  return kind === undefined ? isoWeekday(dn) <= 5 : kind === 'make-up-workday';
}

/** The national (non-overlay) entry of a day. */
function nationalEntry(entries: ReadonlyMap<number, DayEntry>, dn: number): DayEntry | undefined {
  const e = entries.get(dn);
  return e && e.source !== 'overlay' ? e : undefined;
}

/** Days of the year before a schedule may set: from 12-25 (notices reach back a few days at most). */
export const NEW_YEAR_SPAN_DAYS = 7;

/**
 * A schedule for year Y may change the end of Y−1 only as notices do: days off in a span joined to
 * the 元旦 holiday (2018-12-30, 2018-12-31 with 2019-01-01; weekend days inside it may be left
 * unlisted), and make-up working days (2018-12-29), all from 12-25 on. Anything else would let next
 * year's file silently rewrite this December: refused, one issue per entry naming its days.
 */
function checkYearBefore(Y: number, listed: Listed[], issues: Issue[]): void {
  const jan1 = dayNumberFromParts(Y, 1, 1);
  const off = new Set<number>();
  for (const l of listed) if (l.kind === 'holiday') off.add(l.dn);
  /** Every day from d to 12-31 is off (listed, or a weekend), and 1 January is listed off. */
  const joined = (d: number): boolean => {
    for (let x = d; x < jan1; x++) if (!off.has(x) && isoWeekday(x) <= 5) return false;
    return off.has(jan1);
  };
  const refused = new Map<Path, string[]>();
  for (const l of listed) {
    // Days before December are refused as out of range already.
    if (l.dn >= jan1 || l.dn < jan1 - 31 || (l.dn >= jan1 - NEW_YEAR_SPAN_DAYS && (l.kind !== 'holiday' || joined(l.dn)))) continue;
    refused.set(l.path, [...(refused.get(l.path) ?? []), l.date]);
  }
  for (const [path, days] of refused) {
    const list = days.length > 2 ? `${days[0]}…${days[days.length - 1]}` : days.join(', ');
    issues.push(
      issue(
        path,
        'outside_new_year_span',
        `${list}：${Y} 年的安排在上一年只能有 12-25 以后与元旦相连的放假日和调休上班日`,
        `${list}: a ${Y} schedule may only set days off joined to New Year's Day, and make-up working days, from 12-25 of the year before`,
      ),
    );
  }
}

/**
 * Adds a year's national schedule. A year that is already covered is accepted only when the
 * schedule says the same as the calendar about every day (then nothing changes); anything else is
 * a conflict, never an overwrite.
 */
export function applySchedule(state: CalendarState, coverage: Coverage, input: unknown): CalendarState {
  const s = parseOrThrow(HostScheduleSchema, input, ['schedule']);
  const Y = s.year;
  const listed = [
    ...listDays(s.holidays, 'holiday', ['schedule', 'holidays']),
    ...listDays(s.workdays, 'make-up-workday', ['schedule', 'workdays']),
  ];
  const issues: Issue[] = [];
  const from = dayNumberFromParts(Y - 1, 12, 1);
  const to = dayNumberFromParts(Y, 12, 31);
  for (const l of listed) {
    if (l.dn < from || l.dn > to) {
      issues.push(
        issue(l.path, 'out_of_range', `${l.date} 不在 ${Y} 年安排的范围内（${Y - 1}-12-01 至 ${Y}-12-31）`, `${l.date} is outside a ${Y} schedule (${Y - 1}-12-01 to ${Y}-12-31)`),
      );
    }
  }
  checkListed(listed, issues);
  checkYearBefore(Y, listed, issues);
  if (issues.length) throw new InvalidInputError(issues);

  const byDay = new Map(listed.map((l) => [l.dn, l]));
  if (coverage.hasYear(Y)) {
    // Same year again: accept a confirmation, refuse a different answer.
    const jan1 = dayNumberFromParts(Y, 1, 1);
    const nov30 = dayNumberFromParts(Y, 11, 30);
    const days = new Set<number>(byDay.keys());
    for (let d = jan1; d <= nov30; d++) days.add(d);
    const sorted = [...days].sort((a, b) => a - b);
    const owner = state.hostYears.has(Y)
      ? { zh: `主机已添加的 ${Y} 年安排（${state.hostYears.get(Y)}）`, en: `the ${Y} schedule the host already added (${state.hostYears.get(Y)})` }
      : { zh: `${Y} 年官方数据`, en: `the official ${Y} data` };
    for (const d of sorted) {
      const l = byDay.get(d);
      const current = nationalEntry(state.entries, d);
      if (working(l?.kind, d) === working(current?.kind, d)) continue;
      const date = fromDayNumber(d);
      const cur = describeEntry(current, d);
      issues.push(
        issue(
          l ? l.path : ['schedule', current?.kind === 'make-up-workday' ? 'workdays' : 'holidays'],
          'conflict',
          l
            ? `与${owner.zh}冲突：${date} 此处为${KIND_TEXT[l.kind].zh}，而${cur.zh}`
            : `与${owner.zh}冲突：${date} 在${cur.zh}，此安排未列出`,
          l
            ? `conflicts with ${owner.en}: ${date} is ${KIND_TEXT[l.kind].en} here but ${cur.en}`
            : `conflicts with ${owner.en}: ${date} is ${cur.en} but this schedule does not list it`,
        ),
      );
      if (issues.length >= 50) break;
    }
    if (issues.length) throw new InvalidInputError(issues);
    return state;
  }

  // A new year: its dates may reach back into December of the previous year, which may only be
  // filled in, never contradicted.
  const entries = new Map(state.entries);
  for (const l of listed) {
    const existing = entries.get(l.dn);
    if (existing && existing.kind !== l.kind) {
      const cur = describeEntry(existing, l.dn);
      issues.push(
        issue(l.path, 'conflict', `${l.date} 此处为${KIND_TEXT[l.kind].zh}，而${cur.zh}`, `${l.date} is ${KIND_TEXT[l.kind].en} here but ${cur.en}`),
      );
      continue;
    }
    if (existing && existing.source !== 'overlay') continue; // Already says the same.
    if (isPlainWorkday(l)) continue;
    entries.set(l.dn, withName({ kind: l.kind, source: 'host-schedule', origin: sourceText(s.source) }, l, GENERIC_HOLIDAY));
  }
  if (issues.length) throw new InvalidInputError(issues);
  const hostYears = new Map(state.hostYears);
  hostYears.set(Y, sourceText(s.source));
  return { ...state, entries, hostYears };
}

/**
 * Adds regional days off (and regional make-up working days). Days must be in covered years, so
 * that a clash with the national schedule can be seen; a regional day off on a national make-up
 * working day, or a day another overlay already sets, is a conflict. A regional day off that is
 * already a national holiday changes nothing.
 */
export function applyOverlay(state: CalendarState, coverage: Coverage, input: unknown): CalendarState {
  const o = parseOrThrow(RegionalOverlaySchema, input, ['overlay']);
  const listed = [
    ...listDays(o.days, 'holiday', ['overlay', 'days']),
    ...listDays(o.workdays, 'make-up-workday', ['overlay', 'workdays']),
  ];
  const issues: Issue[] = [];
  checkListed(listed, issues);
  const entries = new Map(state.entries);
  for (const l of listed) {
    const y = partsFromDayNumber(l.dn).year;
    if (!coverage.hasYear(y)) {
      issues.push(
        issue(
          l.path,
          'calendar_coverage',
          `${l.date}：日历未覆盖 ${y} 年，请先用 withSchedule 添加该年的全国安排，再添加地方安排`,
          `${l.date}: the calendar does not cover ${y}; add the national ${y} schedule with withSchedule before a regional overlay`,
        ),
      );
      continue;
    }
    const existing = entries.get(l.dn);
    if (!existing && isPlainWorkday(l)) continue;
    if (existing) {
      const sameNational = existing.source !== 'overlay' && existing.kind === l.kind;
      if (sameNational) continue; // A regional day off on a national holiday: nothing changes.
      const cur = describeEntry(existing, l.dn);
      issues.push(
        issue(
          l.path,
          'conflict',
          `${l.date} 此处为地方${KIND_TEXT[l.kind].zh}，而${cur.zh}`,
          `${l.date} is a regional ${l.kind === 'holiday' ? 'day off' : 'make-up working day'} here but ${cur.en}`,
        ),
      );
      continue;
    }
    entries.set(l.dn, withName({ kind: l.kind, source: 'overlay', region: o.region, origin: o.source }, l, GENERIC_REGIONAL_HOLIDAY));
  }
  if (issues.length) throw new InvalidInputError(issues);
  return { ...state, entries, overlays: [...state.overlays, { region: o.region, source: o.source }] };
}
