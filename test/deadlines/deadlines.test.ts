import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarCoverageError, createCalendar, defaultCalendar } from '../../src/calendar/index.js';
import {
  appealDecisionDueOn,
  appealDueOn,
  LEGAL_BASES,
  objectionReplyDueOn,
  platformReportDueOn,
  rectificationDueOn,
  reviewApplicationDueOn,
  reviewDecisionDueOn,
} from '../../src/deadlines/index.js';
import { InvalidInputError } from '../../src/model/errors.js';
import { dn, iso, TEST_ONLY_2027, thrown } from '../calendar/_helpers.js';

describe('objection reply (TH-9: 十五个工作日内书面答复)', () => {
  it('counts 15 working days from the day after receipt', () => {
    expect(objectionReplyDueOn('2026-09-28')).toEqual({
      kind: 'objection-reply',
      eventOn: '2026-09-28',
      startsOn: '2026-09-29',
      dueOn: '2026-10-23',
      period: { unit: 'working-days', length: 15 },
      basis: { clause: 'TH-9', document: '通市信用〔2018〕2号《通化市关于加强政务诚信建设的实施方案》', section: '二（7）' },
      dateRules: ['CC-201'],
      provisional: false,
    });
  });

  it('receipt on a non-working day, 2026-10-03 (国庆节): day-after-receipt 2026-10-27, next-working-day 2026-10-28', () => {
    const dar = objectionReplyDueOn('2026-10-03');
    expect(dar).toMatchObject({ startsOn: '2026-10-04', dueOn: '2026-10-27' });
    const nwd = objectionReplyDueOn('2026-10-03', { receiptOnNonWorkingDay: 'next-working-day' });
    expect(nwd).toMatchObject({ eventOn: '2026-10-03', startsOn: '2026-10-09', dueOn: '2026-10-28' });
    // The policy can also be set on the calendar; an explicit option wins.
    const cal = createCalendar({ receiptOnNonWorkingDay: 'next-working-day' });
    expect(objectionReplyDueOn('2026-10-03', { calendar: cal }).dueOn).toBe('2026-10-28');
    expect(objectionReplyDueOn('2026-10-03', { calendar: cal, receiptOnNonWorkingDay: 'day-after-receipt' }).dueOn).toBe('2026-10-27');
  });

  it('the two receipt policies agree on a working-day receipt, and otherwise differ by exactly one working day', () => {
    const cal = defaultCalendar();
    fc.assert(
      fc.property(fc.integer({ min: dn('2004-01-01'), max: dn('2026-10-31') }), fc.integer({ min: 1, max: 20 }), (d, n) => {
        const a = objectionReplyDueOn(iso(d), { workingDays: n }).dueOn;
        const b = objectionReplyDueOn(iso(d), { workingDays: n, receiptOnNonWorkingDay: 'next-working-day' }).dueOn;
        expect(b).toBe(cal.isWorkingDay(iso(d)) ? a : cal.addWorkingDays(a, 1));
      }),
      { numRuns: 500 },
    );
  });

  it('other day counts and bases (provincial rules), Date input', () => {
    const basis = { clause: 'SD-39', document: '山东省社会信用条例', section: '第三十九条' };
    expect(objectionReplyDueOn('2026-09-30', { workingDays: 3, basis })).toMatchObject({ dueOn: '2026-10-10', basis }); // make-up Saturday
    expect(objectionReplyDueOn(new Date('2026-09-27T16:00:00Z')).dueOn).toBe('2026-10-23');
  });

  it('is provisional when it depends on December of the last covered year; needs 2027 → throws; a 2027 schedule answers', () => {
    expect(objectionReplyDueOn('2026-11-06')).toMatchObject({ dueOn: '2026-11-27', provisional: false });
    expect(objectionReplyDueOn('2026-11-10')).toMatchObject({ dueOn: '2026-12-01', provisional: true });
    expect(objectionReplyDueOn('2026-11-20')).toMatchObject({ dueOn: '2026-12-11', provisional: true });
    const e = thrown(() => objectionReplyDueOn('2026-12-20'));
    expect(e).toBeInstanceOf(CalendarCoverageError);
    expect(e.issues[0]!.path).toEqual(['receivedOn']);
    const cal = defaultCalendar().withSchedule(TEST_ONLY_2027);
    expect(objectionReplyDueOn('2026-12-20', { calendar: cal })).toMatchObject({ dueOn: '2027-01-11', provisional: false });
    expect(objectionReplyDueOn('2026-12-20', { calendar: createCalendar({ unknownYears: 'weekends-only' }) })).toMatchObject({
      dueOn: '2027-01-08',
      provisional: true,
    });
    // Under next-working-day, a receipt on a provisional day makes the result provisional too.
    const loose = createCalendar({ unknownYears: 'weekends-only', receiptOnNonWorkingDay: 'next-working-day' });
    expect(objectionReplyDueOn('2026-11-30', { calendar: loose, workingDays: 1 }).provisional).toBe(true);
  });
});

describe('report to the provincial platform (TH-10: 五个工作日内)', () => {
  it('counts 5 working days from the day after correction', () => {
    expect(platformReportDueOn('2026-09-30')).toMatchObject({
      kind: 'platform-report',
      startsOn: '2026-10-01',
      dueOn: '2026-10-13',
      basis: LEGAL_BASES['TH-10'],
      provisional: false,
    });
    // The receipt policy does not apply: the correction is the body's own act.
    expect(platformReportDueOn('2026-10-03').dueOn).toBe('2026-10-13');
  });
});

describe('rectification (限期整改: the limit is set by the ordering authority)', () => {
  it('a fixed date is taken as given, needs no calendar and is never provisional', () => {
    expect(rectificationDueOn('2026-09-01', { dueOn: '2026-10-03' })).toMatchObject({
      kind: 'rectification',
      dueOn: '2026-10-03',
      period: { unit: 'fixed-date' },
      basis: LEGAL_BASES['TH-5'],
      provisional: false,
    });
    expect(rectificationDueOn('2026-12-01', { dueOn: '2027-06-30' }).dueOn).toBe('2027-06-30');
  });

  it('calendar days roll per 民法典 203; working days count on the calendar', () => {
    expect(rectificationDueOn('2026-09-01', { calendarDays: 30 })).toMatchObject({
      dueOn: '2026-10-08',
      rolledFrom: '2026-10-01',
      dateRules: ['CC-201', 'CC-203'],
    });
    expect(rectificationDueOn('2026-09-02', { calendarDays: 30 })).toMatchObject({ dueOn: '2026-10-08', rolledFrom: '2026-10-02' });
    expect(rectificationDueOn('2026-09-10', { calendarDays: 30 })).not.toHaveProperty('rolledFrom'); // 2026-10-10 is a make-up Saturday
    expect(rectificationDueOn('2026-09-28', { workingDays: 15 }).dueOn).toBe('2026-10-23');
    expect(rectificationDueOn('2026-11-20', { calendarDays: 15 }).provisional).toBe(true);
  });

  it('refuses an unclear limit', () => {
    expect(thrown(() => rectificationDueOn('2026-09-01', { calendarDays: 3, workingDays: 3 } as never)).issues[0]!.path).toEqual(['limit']);
    expect(thrown(() => rectificationDueOn('2026-09-01', {} as never)).issues[0]!.path).toEqual(['limit']);
    expect(thrown(() => rectificationDueOn('2026-09-01', undefined as never)).issues[0]!.path).toEqual(['limit']);
    expect(thrown(() => rectificationDueOn('2026-09-01', { dueOn: '2026-09-01' })).issues[0]!.path).toEqual(['limit', 'dueOn']);
    expect(thrown(() => rectificationDueOn('2026-09-01', { dueOn: '2026-9-30' })).issues[0]!.path).toEqual(['limit', 'dueOn']);
    expect(thrown(() => rectificationDueOn('2026-09-01', { calendarDays: 0 })).issues[0]!.path).toEqual(['limit', 'calendarDays']);
    expect(thrown(() => rectificationDueOn('2026-09-01', { workingDays: -2 })).issues[0]!.path).toEqual(['limit', 'workingDays']);
    expect(thrown(() => rectificationDueOn('2026/09/01', { workingDays: 2 })).issues[0]!.path).toEqual(['orderedOn']);
  });
});

describe('review and appeal (公务员法 95/96: calendar days, rolled per 民法典 203)', () => {
  it('review application: 30 days from knowing of the decision', () => {
    expect(reviewApplicationDueOn('2026-09-01')).toMatchObject({
      kind: 'review-application',
      startsOn: '2026-09-02',
      dueOn: '2026-10-08',
      rolledFrom: '2026-10-01',
      period: { unit: 'calendar-days', length: 30 },
      basis: LEGAL_BASES['CSL-95'],
    });
    expect(reviewApplicationDueOn('2026-03-10').dueOn).toBe('2026-04-09');
    expect(reviewApplicationDueOn('2026-03-14').dueOn).toBe('2026-04-13'); // 2026-04-13 is a Monday; no roll
  });

  it('appeal: 15 days from receiving the review decision', () => {
    expect(appealDueOn('2026-09-16')).toMatchObject({ kind: 'appeal', dueOn: '2026-10-08', basis: LEGAL_BASES['CSL-95'] });
    expect(appealDueOn('2026-06-01')).toMatchObject({ dueOn: '2026-06-16' });
  });

  it('review decision: 30 days from receiving the application', () => {
    expect(reviewDecisionDueOn('2026-03-02')).toMatchObject({ kind: 'review-decision', dueOn: '2026-04-01', basis: LEGAL_BASES['CSL-96'] });
  });

  it('appeal decision: 60 days, extended by at most 30', () => {
    expect(appealDecisionDueOn('2026-03-02')).toMatchObject({ kind: 'appeal-decision', dueOn: '2026-05-06', rolledFrom: '2026-05-01' });
    expect(appealDecisionDueOn('2026-03-02', { extended: true })).toMatchObject({ dueOn: '2026-06-01', period: { length: 90 } });
    expect(appealDecisionDueOn('2026-03-02', { extensionDays: 10 })).toMatchObject({ dueOn: '2026-05-11', period: { length: 70 } });
    expect(thrown(() => appealDecisionDueOn('2026-03-02', { extensionDays: 31 })).issues[0]!.path).toEqual(['opts', 'extensionDays']);
    expect(thrown(() => appealDecisionDueOn('2026-03-02', { extended: false, extensionDays: 5 })).issues[0]!.path).toEqual(['opts', 'extensionDays']);
    expect(thrown(() => appealDecisionDueOn('2026-03-02', { extended: 'yes' } as never)).issues[0]!.path).toEqual(['opts', 'extended']);
  });

  it('a last day in an uncovered year throws, naming the argument', () => {
    const e = thrown(() => reviewApplicationDueOn('2026-12-10'));
    expect(e).toBeInstanceOf(CalendarCoverageError);
    expect(e.issues[0]!.path).toEqual(['knownOn']);
  });
});

describe('bad input to deadline functions', () => {
  it('names the argument', () => {
    for (const [fn, path] of [
      [() => objectionReplyDueOn('2026-02-30'), ['receivedOn']],
      [() => objectionReplyDueOn(new Date(Number.NaN)), ['receivedOn']],
      [() => objectionReplyDueOn('2026-10-01', { workingDays: 1.5 }), ['opts', 'workingDays']],
      [() => objectionReplyDueOn('2026-10-01', { workingDays: 0 }), ['opts', 'workingDays']],
      [() => objectionReplyDueOn('2026-10-01', { workingDays: Number.NaN }), ['opts', 'workingDays']],
      [() => objectionReplyDueOn('2026-10-01', { receiptOnNonWorkingDay: 'later' } as never), ['opts', 'receiptOnNonWorkingDay']],
      [() => objectionReplyDueOn('2026-10-01', { basis: { clause: 'X' } } as never), ['opts', 'basis', 'document']],
      [() => objectionReplyDueOn('2026-10-01', { calendar: {} } as never), ['opts', 'calendar']],
      [() => objectionReplyDueOn('2026-10-01', { wd: 3 } as never), ['opts', 'wd']],
      [() => platformReportDueOn('2026/10/01'), ['correctedOn']],
      [() => reviewApplicationDueOn('x'), ['knownOn']],
      [() => appealDueOn(5 as never), ['reviewDecisionReceivedOn']],
      [() => reviewDecisionDueOn('2026-02-29'), ['receivedOn']],
      [() => appealDecisionDueOn('2026-13-01'), ['acceptedOn']],
    ] as const) {
      const e = thrown(fn);
      expect(e).toBeInstanceOf(InvalidInputError);
      expect(e.issues[0]!.path).toEqual(path);
      expect(e.issues[0]!.message['zh-CN'].length).toBeGreaterThan(0);
      expect(e.issues[0]!.message.en.length).toBeGreaterThan(0);
    }
  });
});
