import { deepFreeze } from '../../../_lib/plain.js';
import type { LocalizedText } from '../../../model/errors.js';

/**
 * The days the 全国年节及纪念日放假办法 itself gives every citizen off (第二条), version by version, and
 * its weekend rule (第六条: 全体公民放假的假日，如果适逢周六、周日，应当在工作日补假). The 2024 and 2013
 * texts are vendored verbatim in law/全国年节及纪念日放假办法.md (LawRefBook/Laws); the 2007 and 1999
 * texts are not in that corpus and are marked secondary: they only serve years that have official data
 * (the backtest) or years before it.
 *
 * A day is one of: a fixed solar date, a day counted from 正月初一 (−1 is 除夕), or the day of 清明,
 * 端午 (农历五月初五) or 中秋 (农历八月十五), which come from tyme4ts (lunarDates.generated.ts).
 */
export type StatutoryDay =
  | { solar: [month: number, day: number] }
  | { springFestival: number }
  | { lunar: 'qingming' | 'dragonBoat' | 'midAutumn' };

export type HolidayKey = 'new-year' | 'spring-festival' | 'qingming' | 'labour-day' | 'dragon-boat' | 'mid-autumn' | 'national-day';

export interface StatutoryHoliday {
  key: HolidayKey;
  name: LocalizedText;
  days: StatutoryDay[];
}

export interface HolidayLawVersion {
  /** Clause id prefix, e.g. HLD2024 (第二条 is HLD2024-2). */
  id: string;
  title: string;
  /** The decision that made this version (国务院令). */
  decree: string;
  /** The decision's date, and the day the version took effect. */
  adoptedOn: string;
  inForceFrom: string;
  /** The first and last calendar years the version governs whole. */
  firstYear: number;
  lastYear: number | null;
  /** Checked against the vendored text (law/全国年节及纪念日放假办法.md), or secondary: see HOLIDAY_LAW_TEXT. */
  verified: boolean;
  holidays: StatutoryHoliday[];
}

const N = {
  newYear: { 'zh-CN': '元旦', en: "New Year's Day" },
  spring: { 'zh-CN': '春节', en: 'Spring Festival' },
  qingming: { 'zh-CN': '清明节', en: 'Tomb-sweeping Day' },
  labour: { 'zh-CN': '劳动节', en: 'Labour Day' },
  dragon: { 'zh-CN': '端午节', en: 'Dragon Boat Festival' },
  midAutumn: { 'zh-CN': '中秋节', en: 'Mid-autumn Festival' },
  national: { 'zh-CN': '国庆节', en: 'National Day' },
} as const;

const LAW_COMMIT = '2f4c5c23716267af9dbebbbbd6cbbf732b101981';

/** The versions, newest first. */
// In a pure function, so that a bundle that never reaches the statutory mode drops the table.
export const HOLIDAY_LAW: readonly HolidayLawVersion[] = /* @__PURE__ */ (() =>
  deepFreeze([
  {
    id: 'HLD2024',
    title: '全国年节及纪念日放假办法（2024修订）',
    decree: '国务院令第795号',
    adoptedOn: '2024-11-10',
    inForceFrom: '2025-01-01',
    firstYear: 2025,
    lastYear: null,
    verified: true,
    holidays: [
      { key: 'new-year', name: N.newYear, days: [{ solar: [1, 1] }] },
      { key: 'spring-festival', name: N.spring, days: [{ springFestival: -1 }, { springFestival: 0 }, { springFestival: 1 }, { springFestival: 2 }] },
      { key: 'qingming', name: N.qingming, days: [{ lunar: 'qingming' }] },
      { key: 'labour-day', name: N.labour, days: [{ solar: [5, 1] }, { solar: [5, 2] }] },
      { key: 'dragon-boat', name: N.dragon, days: [{ lunar: 'dragonBoat' }] },
      { key: 'mid-autumn', name: N.midAutumn, days: [{ lunar: 'midAutumn' }] },
      { key: 'national-day', name: N.national, days: [{ solar: [10, 1] }, { solar: [10, 2] }, { solar: [10, 3] }] },
    ],
  },
  {
    id: 'HLD2013',
    title: '全国年节及纪念日放假办法（2013修订）',
    decree: '国务院令第644号',
    adoptedOn: '2013-12-11',
    inForceFrom: '2014-01-01',
    firstYear: 2014,
    lastYear: 2024,
    verified: true,
    holidays: [
      { key: 'new-year', name: N.newYear, days: [{ solar: [1, 1] }] },
      { key: 'spring-festival', name: N.spring, days: [{ springFestival: 0 }, { springFestival: 1 }, { springFestival: 2 }] },
      { key: 'qingming', name: N.qingming, days: [{ lunar: 'qingming' }] },
      { key: 'labour-day', name: N.labour, days: [{ solar: [5, 1] }] },
      { key: 'dragon-boat', name: N.dragon, days: [{ lunar: 'dragonBoat' }] },
      { key: 'mid-autumn', name: N.midAutumn, days: [{ lunar: 'midAutumn' }] },
      { key: 'national-day', name: N.national, days: [{ solar: [10, 1] }, { solar: [10, 2] }, { solar: [10, 3] }] },
    ],
  },
  {
    id: 'HLD2007',
    title: '全国年节及纪念日放假办法（2007修订）',
    decree: '国务院令第513号',
    adoptedOn: '2007-12-14',
    inForceFrom: '2008-01-01',
    firstYear: 2008,
    lastYear: 2013,
    verified: false,
    holidays: [
      { key: 'new-year', name: N.newYear, days: [{ solar: [1, 1] }] },
      { key: 'spring-festival', name: N.spring, days: [{ springFestival: -1 }, { springFestival: 0 }, { springFestival: 1 }] },
      { key: 'qingming', name: N.qingming, days: [{ lunar: 'qingming' }] },
      { key: 'labour-day', name: N.labour, days: [{ solar: [5, 1] }] },
      { key: 'dragon-boat', name: N.dragon, days: [{ lunar: 'dragonBoat' }] },
      { key: 'mid-autumn', name: N.midAutumn, days: [{ lunar: 'midAutumn' }] },
      { key: 'national-day', name: N.national, days: [{ solar: [10, 1] }, { solar: [10, 2] }, { solar: [10, 3] }] },
    ],
  },
  {
    id: 'HLD1999',
    title: '全国年节及纪念日放假办法（1999修订）',
    decree: '国务院令第270号',
    adoptedOn: '1999-09-18',
    inForceFrom: '1999-09-18',
    firstYear: 2000,
    lastYear: 2007,
    verified: false,
    holidays: [
      { key: 'new-year', name: N.newYear, days: [{ solar: [1, 1] }] },
      { key: 'spring-festival', name: N.spring, days: [{ springFestival: 0 }, { springFestival: 1 }, { springFestival: 2 }] },
      { key: 'labour-day', name: N.labour, days: [{ solar: [5, 1] }, { solar: [5, 2] }, { solar: [5, 3] }] },
      { key: 'national-day', name: N.national, days: [{ solar: [10, 1] }, { solar: [10, 2] }, { solar: [10, 3] }] },
    ],
  },
  ]))();

/**
 * The text each version's days encode, next to them: 第二条's items and 第六条's first sentence as
 * the text writes them, and where the text was checked. Tests hold the verified versions' quotes to
 * law/全国年节及纪念日放假办法.md; nothing at run time reads this (bundles drop it).
 */
export const HOLIDAY_LAW_TEXT: Readonly<Record<string, HolidayLawText>> = /* @__PURE__ */ (() =>
  deepFreeze({
  HLD2024: {
    source: { verified: true, file: 'law/全国年节及纪念日放假办法.md', corpus: 'LawRefBook/Laws', commit: LAW_COMMIT, path: '行政法规/全国年节及纪念日放假办法(2024-11-10).md' },
    quotes: {
      'new-year': '（一）元旦，放假1天（1月1日）；',
      'spring-festival': '（二）春节，放假4天（农历除夕、正月初一至初三）；',
      'qingming': '（三）清明节，放假1天（农历清明当日）；',
      'labour-day': '（四）劳动节，放假2天（5月1日、2日）；',
      'dragon-boat': '（五）端午节，放假1天（农历端午当日）；',
      'mid-autumn': '（六）中秋节，放假1天（农历中秋当日）；',
      'national-day': '（七）国庆节，放假3天（10月1日至3日）。',
    },
    weekendRule: '全体公民放假的假日，如果适逢周六、周日，应当在工作日补假。',
  },
  HLD2013: {
    source: { verified: true, file: 'law/全国年节及纪念日放假办法.md', corpus: 'LawRefBook/Laws', commit: LAW_COMMIT, path: '行政法规/全国年节及纪念日放假办法(2013-12-11).md' },
    quotes: {
      'new-year': '(一)新年，放假1天(1月1日)；',
      'spring-festival': '(二)春节，放假3天(农历正月初一、初二、初三)；',
      'qingming': '(三)清明节，放假1天(农历清明当日)；',
      'labour-day': '(四)劳动节，放假1天(5月1日)；',
      'dragon-boat': '(五)端午节，放假1天(农历端午当日)；',
      'mid-autumn': '(六)中秋节，放假1天(农历中秋当日)；',
      'national-day': '(七)国庆节，放假3天(10月1日、2日、3日)。',
    },
    weekendRule: '全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假。',
  },
  HLD2007: {
    source: { verified: false, note: 'not in LawRefBook/Laws; the days as NATIONAL.md and public summaries give them (春节 除夕、正月初一、初二; adds 清明、端午、中秋; 劳动节 1 day)' },
    quotes: {
      'new-year': '（一）新年，放假1天（1月1日）；',
      'spring-festival': '（二）春节，放假3天（农历除夕、正月初一、初二）；',
      'qingming': '（三）清明节，放假1天（农历清明当日）；',
      'labour-day': '（四）劳动节，放假1天（5月1日）；',
      'dragon-boat': '（五）端午节，放假1天（农历端午当日）；',
      'mid-autumn': '（六）中秋节，放假1天（农历中秋当日）；',
      'national-day': '（七）国庆节，放假3天（10月1日、2日、3日）。',
    },
    weekendRule: '全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假。',
  },
  HLD1999: {
    source: { verified: false, note: 'not in LawRefBook/Laws; the days as public summaries quote them (新年 1, 春节 3, 劳动节 3, 国庆节 3)' },
    quotes: {
      'new-year': '新年，放假1天（1月1日）；',
      'spring-festival': '春节，放假3天（农历正月初一、初二、初三）；',
      'labour-day': '劳动节，放假3天（5月1日、2日、3日）；',
      'national-day': '国庆节，放假3天（10月1日、2日、3日）。',
    },
    weekendRule: '全体公民放假的假日，如果适逢星期六、日，应当在工作日补假。',
  },
  }))();

export interface HolidayLawText {
  source: { verified: true; file: string; corpus: string; commit: string; path: string } | { verified: false; note: string };
  /** Each holiday's item of 第二条. */
  quotes: Partial<Record<HolidayKey, string>>;
  /** 第六条's first sentence. */
  weekendRule: string;
}

/** The first year the statutory calendar can answer: the first year of the oldest version encoded. */
export const STATUTORY_FIRST_YEAR = 2000;

/** The version that governs a year, or null before STATUTORY_FIRST_YEAR. */
export function holidayLawFor(year: number): HolidayLawVersion | null {
  for (const v of HOLIDAY_LAW) if (year >= v.firstYear && (v.lastYear === null || year <= v.lastYear)) return v;
  return null;
}
