import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, createCalendar, dayInfo, isWorkingDay } from '../../src/calendar/index.js';
import { dn, iso } from './_helpers.js';

/**
 * The CI runs this suite under TZ=Asia/Shanghai, UTC, America/Los_Angeles and Pacific/Kiritimati
 * (scripts/test-tz.sh). Each run must produce the same fingerprint of a large batch of answers;
 * the expected value was computed once and does not depend on the zone it was computed in.
 */
describe(`results do not depend on the process time zone (TZ=${process.env.TZ ?? 'unset'})`, () => {
  it('a fingerprint of every answer 2004-01-01..2026-11-30 is the same in every zone', () => {
    const h = createHash('sha256');
    for (let d = dn('2004-01-01'); d <= dn('2026-11-30'); d++) {
      const s = iso(d);
      const info = dayInfo(s);
      h.update(`${s}|${isWorkingDay(s) ? 1 : 0}|${info.kind}|${info.holiday?.['zh-CN'] ?? ''}|${addWorkingDays(s, 1)}|${addWorkingDays(s, 15)}\n`);
    }
    expect(h.digest('hex')).toBe(FINGERPRINT);
  });

  it('Date arguments near midnight resolve to the Shanghai day', () => {
    expect(isWorkingDay(new Date('2026-09-30T15:59:59.999Z'))).toBe(true); // 2026-09-30 23:59:59.999 in Shanghai
    expect(isWorkingDay(new Date('2026-09-30T16:00:00.000Z'))).toBe(false); // 2026-10-01 00:00 in Shanghai
    expect(dayInfo(new Date('2026-10-09T16:30:00Z')).date).toBe('2026-10-10');
    expect(addWorkingDays(new Date('2026-09-27T16:00:00Z'), 15)).toBe('2026-10-23');
    expect(createCalendar().addMonths(new Date('2026-08-30T16:00:00Z'), 6)).toBe('2027-02-28');
  });
});

const FINGERPRINT = '72520c567d4679b60e1db7b126692ba919f84d8fdbbebe9fd0911ae0cb1fd243';
