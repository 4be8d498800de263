import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/calendar/index.js';
import { combinedDisciplinaryPeriod, disciplinaryPeriod, LEGAL_BASES, type PeriodSanction } from '../../src/deadlines/index.js';
import { InvalidInputError } from '../../src/model/errors.js';
import { dn, iso, thrown } from '../calendar/_helpers.js';

describe('disciplinary period (公务员法 64 / 政务处分法 8; 民法典 201/202)', () => {
  it('effective 2026-03-15, warning: last day 2026-09-15, lifts 2026-09-16', () => {
    expect(disciplinaryPeriod('warning', '2026-03-15')).toEqual({
      sanction: 'warning',
      months: 6,
      effectiveOn: '2026-03-15',
      lastDay: '2026-09-15',
      liftsOn: '2026-09-16',
      basis: LEGAL_BASES['PSL-8'],
      dateRules: ['CC-201', 'CC-202'],
    });
  });

  it('month end when the target month has no corresponding day: 2026-08-31 + 6 months = 2027-02-28', () => {
    expect(disciplinaryPeriod('warning', '2026-08-31')).toMatchObject({ lastDay: '2027-02-28', liftsOn: '2027-03-01' });
    expect(disciplinaryPeriod('demotion', '2026-02-28')).toMatchObject({ lastDay: '2028-02-28', liftsOn: '2028-02-29' });
    expect(disciplinaryPeriod('major-demerit', '2027-02-28')).toMatchObject({ lastDay: '2028-08-28' });
  });

  it('months per sanction: 6 / 12 / 18 / 24 / 24', () => {
    const months = (['warning', 'demerit', 'major-demerit', 'demotion', 'removal'] as const).map((s) => disciplinaryPeriod(s, '2026-01-10').months);
    expect(months).toEqual([6, 12, 18, 24, 24]);
    expect(disciplinaryPeriod('removal', '2026-01-10')).toMatchObject({ lastDay: '2028-01-10', liftsOn: '2028-01-11' });
  });

  it('does not roll to a working day and needs no calendar coverage', () => {
    // 2026-04-01 + 6 months = 2026-10-01, a holiday: a sanction period still ends that day.
    expect(disciplinaryPeriod('warning', '2026-04-01')).toMatchObject({ lastDay: '2026-10-01', liftsOn: '2026-10-02' });
    expect(disciplinaryPeriod('removal', '2035-06-30')).toMatchObject({ lastDay: '2037-06-30' });
    expect(disciplinaryPeriod('demerit', '1999-12-31')).toMatchObject({ lastDay: '2000-12-31', liftsOn: '2001-01-01' });
    expect(disciplinaryPeriod('warning', new Date('2026-03-14T16:00:00Z')).effectiveOn).toBe('2026-03-15');
  });

  it('agrees with addMonths and lifts the day after the last day, for any date', () => {
    const sanction = fc.constantFrom<PeriodSanction>('warning', 'demerit', 'major-demerit', 'demotion', 'removal');
    fc.assert(
      fc.property(sanction, fc.integer({ min: dn('1990-01-01'), max: dn('2090-12-31') }), (s, d) => {
        const p = disciplinaryPeriod(s, iso(d));
        expect(p.lastDay).toBe(addMonths(iso(d), p.months));
        expect(dn(p.liftsOn)).toBe(dn(p.lastDay) + 1);
        expect(p.lastDay > p.effectiveOn).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('cites 公务员法 64 when asked', () => {
    expect(disciplinaryPeriod('warning', '2026-03-15', { basis: LEGAL_BASES['CSL-64'] }).basis).toEqual({
      clause: 'CSL-64',
      document: '中华人民共和国公务员法（2018修订）',
      section: '第六十四条',
    });
  });

  it('expulsion has no period; other bad input names the argument', () => {
    const e = thrown(() => disciplinaryPeriod('expulsion' as never, '2026-03-15'));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.issues[0]).toMatchObject({ path: ['sanction'], code: 'no_period' });
    expect(e.issues[0]!.message['zh-CN']).toContain('开除');
    expect(thrown(() => disciplinaryPeriod('reprimand' as never, '2026-03-15')).issues[0]!.path).toEqual(['sanction']);
    expect(thrown(() => disciplinaryPeriod('warning', '2026-02-29')).issues[0]!.path).toEqual(['effectiveOn']);
    expect(thrown(() => disciplinaryPeriod('warning', '2026-03-15', { months: 3 } as never)).issues[0]!.path).toEqual(['opts', 'months']);
    expect(thrown(() => disciplinaryPeriod('removal', '2198-06-01')).issues[0]).toMatchObject({ path: ['effectiveOn'], code: 'out_of_range' });
    expect(thrown(() => disciplinaryPeriod('warning', '2199-07-01')).issues[0]).toMatchObject({ path: ['effectiveOn'], code: 'out_of_range' });
    expect(disciplinaryPeriod('warning', '2199-06-30')).toMatchObject({ lastDay: '2199-12-30', liftsOn: '2199-12-31' });
  });
});

describe('combined period (政务处分法 15: 在一个政务处分期以上、多个政务处分期之和以下确定，最长四十八个月)', () => {
  const item = (sanction: PeriodSanction, effectiveOn: string) => ({ sanction, effectiveOn });

  it('without the decided period, fixes only the bounds: certain through one period, at most the sum', () => {
    expect(combinedDisciplinaryPeriod([item('demerit', '2026-03-15'), item('demerit', '2026-04-01')])).toMatchObject({
      sanction: 'demerit',
      count: 2,
      months: null,
      determined: false,
      minMonths: 12,
      maxMonths: 24,
      effectiveOn: '2026-03-15',
      lastDay: '2027-03-15',
      liftsOn: '2027-03-16',
      latestLastDay: '2028-03-15',
      latestLiftsOn: '2028-03-16',
      basis: LEGAL_BASES['PSL-15'],
    });
  });

  it('caps the longest at 48 months; removal counts as "撤职以下"; one sanction is determined', () => {
    const three = combinedDisciplinaryPeriod([item('major-demerit', '2026-03-15'), item('major-demerit', '2026-03-15'), item('major-demerit', '2026-03-15')]);
    expect(three).toMatchObject({ months: null, maxMonths: 48, lastDay: '2027-09-15', latestLastDay: '2030-03-15', latestLiftsOn: '2030-03-16' });
    expect(combinedDisciplinaryPeriod([item('removal', '2026-01-31'), item('removal', '2026-01-31'), item('removal', '2026-01-31')])).toMatchObject({
      maxMonths: 48,
      latestLastDay: '2030-01-31',
    });
    expect(combinedDisciplinaryPeriod([item('warning', '2026-03-15')])).toMatchObject({ months: null, determined: true, lastDay: '2026-09-15', latestLastDay: '2026-09-15' });
  });

  it('takes the period the decision fixed, within one period and the capped sum', () => {
    const two = [item('major-demerit', '2026-03-15'), item('major-demerit', '2026-03-15')];
    expect(combinedDisciplinaryPeriod(two, { months: 30 })).toMatchObject({ months: 30, determined: true, lastDay: '2028-09-15', latestLastDay: '2028-09-15' });
    expect(thrown(() => combinedDisciplinaryPeriod(two, { months: 37 })).issues[0]!.path).toEqual(['opts', 'months']);
    expect(thrown(() => combinedDisciplinaryPeriod(two, { months: 17 })).issues[0]!.path).toEqual(['opts', 'months']);
  });

  it('refuses mixed kinds, expulsion and empty input', () => {
    expect(thrown(() => combinedDisciplinaryPeriod([item('warning', '2026-03-15'), item('demerit', '2026-03-15')])).issues[0]).toMatchObject({
      path: ['sanctions', 1, 'sanction'],
      code: 'mixed_kinds',
    });
    expect(thrown(() => combinedDisciplinaryPeriod([item('warning', '2026-03-15'), { sanction: 'expulsion' as never, effectiveOn: '2026-03-15' }])).issues[0]).toMatchObject({
      path: ['sanctions', 1, 'sanction'],
      code: 'no_period',
    });
    expect(thrown(() => combinedDisciplinaryPeriod([])).issues[0]!.path).toEqual(['sanctions']);
    expect(thrown(() => combinedDisciplinaryPeriod([item('warning', '2026/03/15')])).issues[0]!.path).toEqual(['sanctions', 0, 'effectiveOn']);
  });
});
