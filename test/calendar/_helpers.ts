import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayNumberFromParts, fromDayNumber, isoWeekday, toDayNumber } from '../../src/_lib/days.js';
import { GovCreditError } from '../../src/model/errors.js';

export const dn = (s: string): number => toDayNumber(s);
export const iso = (n: number): string => fromDayNumber(n);
export const ymd = dayNumberFromParts;
export const isWeekday = (n: number): boolean => isoWeekday(n) <= 5;

export interface HolidayCnDay {
  date: string;
  isOffDay: boolean;
  name: string;
}

/** holiday-cn files by notice year (a notice may list late-December days of the year before). */
export function loadHolidayCnYears(dir: string): Map<number, HolidayCnDay[]> {
  const out = new Map<number, HolidayCnDay[]>();
  for (const f of readdirSync(dir).filter((x) => /^\d{4}\.json$/.test(x)).sort()) {
    const j = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { year: number; days: HolidayCnDay[] };
    out.set(j.year, j.days);
  }
  return out;
}

/** holiday-cn data merged into date → isOffDay. */
export function loadHolidayCn(dir: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const days of loadHolidayCnYears(dir).values()) for (const d of days) out.set(d.date, d.isOffDay);
  return out;
}

/** Runs fn and returns the error it throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): GovCreditError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GovCreditError) return e;
    throw new Error(`expected a GovCreditError, got ${String(e)}`);
  }
  throw new Error('expected an error, none was thrown');
}

/**
 * A made-up 2027 schedule for tests only. It is NOT the State Council's 2027 notice (not published
 * when this was written); it only has the usual shape: New Year, Spring Festival, National Day with
 * make-up weekends.
 */
export const TEST_ONLY_2027 = {
  year: 2027,
  source: 'TEST DATA — invented for the test suite, not an official notice',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-02', name: '元旦' },
    { date: '2027-01-03', name: '元旦' },
    ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({ date, name: '春节' })),
    ...['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'].map((date) => ({ date, name: 'National Day' })),
  ],
  workdays: [{ date: '2027-02-14', name: '春节' }, '2027-09-26', '2027-10-09'],
};
