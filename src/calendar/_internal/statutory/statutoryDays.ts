import { dayNumberFromParts, isoWeekday, partsFromDayNumber } from '../../../_lib/days.js';
import type { LocalizedText } from '../../../model/errors.js';
import type { DayEntry } from '../officialData.js';
import { holidayLawFor, type HolidayLawVersion, type StatutoryDay } from './holidayLaw.js';
import { LUNAR_BASES, LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR, LUNAR_TABLE } from './lunarDates.generated.js';

/** 正月初一, 清明, 端午 and 中秋 of a year as day numbers (tyme4ts, through lunarDates.generated.ts). */
export function lunarDays(year: number): { springFestival: number; qingming: number; dragonBoat: number; midAutumn: number } {
  if (!(year >= LUNAR_FIRST_YEAR && year <= LUNAR_LAST_YEAR)) throw new RangeError(`no lunar dates for ${year}`);
  const at = (year - LUNAR_FIRST_YEAR) * 4;
  const field = (i: number, base: readonly [number, number]) => dayNumberFromParts(year, base[0], base[1]) + parseInt(LUNAR_TABLE[at + i]!, 36);
  return {
    springFestival: field(0, LUNAR_BASES.springFestival),
    qingming: field(1, LUNAR_BASES.qingming),
    dragonBoat: field(2, LUNAR_BASES.dragonBoat),
    midAutumn: field(3, LUNAR_BASES.midAutumn),
  };
}

function dayOf(rule: StatutoryDay, year: number, lunar: ReturnType<typeof lunarDays>): number {
  if ('solar' in rule) return dayNumberFromParts(year, rule.solar[0], rule.solar[1]);
  if ('springFestival' in rule) return lunar.springFestival + rule.springFestival;
  return lunar[rule.lunar];
}

const isWeekend = (dn: number): boolean => isoWeekday(dn) >= 6;

/** A day the 办法 gives off in a year, and why. */
export interface StatutoryEntry extends DayEntry {
  kind: 'holiday';
  source: 'statutory';
  name: LocalizedText;
  /** `statutory`: a day 第二条 lists; `in-lieu`: a working day given instead of one that fell on a weekend or on another holiday (第六条). */
  basis: 'statutory' | 'in-lieu';
}

const cache = new Map<number, ReadonlyMap<number, StatutoryEntry>>();

/**
 * The days off the 全国年节及纪念日放假办法 in force for `year` fixes: the days of 第二条, plus for each
 * of them that falls on a Saturday or Sunday (or on a day another holiday already takes) a day off
 * on the first working day after that holiday's block of days off (第六条: 应当在工作日补假; the text
 * does not say which working day, and the first one after is what most notices give). Weekends are
 * off anyway. Empty for a year before the oldest version encoded (STATUTORY_FIRST_YEAR).
 *
 * The annual notice's 调休 (make-up working weekends and the longer blocks they buy) is not fixed by
 * the law and is not guessed: a calendar built from these days is provisional.
 */
export function statutoryEntries(year: number): ReadonlyMap<number, StatutoryEntry> {
  let out = cache.get(year);
  if (out) return out;
  const law = holidayLawFor(year);
  out = law ? computeYear(year, law) : new Map();
  cache.set(year, out);
  return out;
}

function computeYear(year: number, law: HolidayLawVersion): Map<number, StatutoryEntry> {
  const lunar = lunarDays(year);
  const out = new Map<number, StatutoryEntry>();
  const origin = `${law.title}（${law.decree}）第二条、第六条`;
  const owed: { holiday: number; last: number }[] = [];
  law.holidays.forEach((h, i) => {
    let last = -Infinity;
    for (const rule of h.days) {
      const dn = dayOf(rule, year, lunar);
      last = Math.max(last, dn);
      // A day another holiday already takes, or a weekend day: owed a working day (第六条).
      if (out.has(dn) || isWeekend(dn)) owed.push({ holiday: i, last: -1 });
      if (!out.has(dn)) out.set(dn, { kind: 'holiday', source: 'statutory', origin, name: { ...h.name }, basis: 'statutory' });
    }
    for (const o of owed) if (o.holiday === i && o.last === -1) o.last = last;
  });
  // Each holiday's owed days go to the first working days after its block, earliest holiday first.
  owed.sort((a, b) => a.last - b.last);
  for (const o of owed) {
    let d = o.last + 1;
    while (isWeekend(d) || out.has(d)) d++;
    if (partsFromDayNumber(d).year !== year) continue;
    const name = law.holidays[o.holiday]!.name;
    out.set(d, { kind: 'holiday', source: 'statutory', origin, name: { 'zh-CN': `${name['zh-CN']}（补假）`, en: `${name.en} (day in lieu)` }, basis: 'in-lieu' });
  }
  return out;
}
