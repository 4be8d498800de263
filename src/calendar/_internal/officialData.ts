import data from 'chinese-days/dist/chinese-days.json';
import { parseIsoDate, toDayNumber } from '../../_lib/days.js';
import type { LocalizedText } from '../../model/errors.js';
import { learnName } from './names.js';

/** What an explicit calendar entry says about one day. Days without an entry follow Mon–Fri. */
export interface DayEntry {
  kind: 'holiday' | 'make-up-workday';
  /** Holiday name, or for a make-up workday the holiday it is made up for. */
  name?: LocalizedText;
  source: 'official' | 'host-schedule' | 'overlay' | 'statutory';
  /** Region of an overlay entry. */
  region?: string;
  /** The data's own source label (the package, or what the host passed as `source`). */
  origin: string;
}

export interface OfficialData {
  entries: ReadonlyMap<number, DayEntry>;
  /** Years with a published schedule, ascending. */
  years: readonly number[];
  label: string;
}

/** The shape of chinese-days' JSON: date → "English name,中文名,days". */
interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

export const OFFICIAL_SOURCE_LABEL = 'chinese-days (国务院办公厅部分节假日安排的通知)';

let cache: OfficialData | undefined;

/**
 * Parses the bundled official data once. Only the data is used: chinese-days' date functions read
 * the process time zone and answer Mon–Fri for years they do not know.
 */
export function officialData(): OfficialData {
  if (cache) return cache;
  const json = data as unknown as ChineseDaysJson;
  const entries = new Map<number, DayEntry>();
  const years = new Set<number>();
  const add = (table: Record<string, string>, kind: DayEntry['kind']) => {
    for (const [date, value] of Object.entries(table)) {
      const p = parseIsoDate(date);
      if (!p) throw new Error(`chinese-days data: bad date ${date}`);
      const [en, zh] = value.split(',');
      const name: LocalizedText | undefined = en && zh ? { 'zh-CN': zh, en } : undefined;
      if (name) learnName(name);
      const dn = toDayNumber(date);
      if (entries.has(dn)) throw new Error(`chinese-days data: ${date} is both a holiday and a workday`);
      entries.set(dn, name ? { kind, name, source: 'official', origin: OFFICIAL_SOURCE_LABEL } : { kind, source: 'official', origin: OFFICIAL_SOURCE_LABEL });
      // A year counts as published when it has entries before December: a late-December date can
      // belong to the next year's notice (2018-12-29 is in the 2019 notice).
      if (p.month < 12) years.add(p.year);
    }
  };
  add(json.holidays, 'holiday');
  add(json.workdays, 'make-up-workday');
  cache = { entries, years: [...years].sort((a, b) => a - b), label: OFFICIAL_SOURCE_LABEL };
  return cache;
}
