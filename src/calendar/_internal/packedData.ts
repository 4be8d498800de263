import { fromDayNumber, toDayNumber } from '../../_lib/days.js';

/**
 * chinese-days' tables: date → "English name,中文名,days". Only these two are read
 * (officialData.ts); the JSON's third table (inLieuDays) is not.
 */
export interface HolidayTables {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The tables as runs of consecutive days with the same value: about a third of the JSON's gzip size. */
export interface PackedHolidayTables {
  values: string[];
  /** Per table, `start.length.value;…` in base 36, start as a day number, in the JSON's key order. */
  holidays: string;
  workdays: string;
}

function packTable(table: Record<string, string>, values: string[]): string {
  const runs: [number, number, number][] = [];
  for (const [date, value] of Object.entries(table)) {
    let v = values.indexOf(value);
    if (v < 0) v = values.push(value) - 1;
    const day = toDayNumber(date);
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === day && last[2] === v) last[1]++;
    else runs.push([day, 1, v]);
  }
  return runs.map((r) => r.map((x) => x.toString(36)).join('.')).join(';');
}

/**
 * Packs the official tables at build time (tsup.config.ts inlines the result instead of the JSON).
 * `unpackHolidayTables(packHolidayTables(t))` gives the same tables, keys in the same order.
 */
export function packHolidayTables(tables: HolidayTables): PackedHolidayTables {
  const values: string[] = [];
  const holidays = packTable(tables.holidays, values);
  const workdays = packTable(tables.workdays, values);
  return { values, holidays, workdays };
}

function unpackTable(runs: string, values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!runs) return out;
  for (const run of runs.split(';')) {
    const [start, length, value] = run.split('.').map((x) => parseInt(x, 36)) as [number, number, number];
    for (let i = 0; i < length; i++) out[fromDayNumber(start + i)] = values[value]!;
  }
  return out;
}

/** The tables back from their packed form. */
export function unpackHolidayTables(packed: PackedHolidayTables): HolidayTables {
  return { holidays: unpackTable(packed.holidays, packed.values), workdays: unpackTable(packed.workdays, packed.values) };
}
