/**
 * Dates at the edges: every date the library accepts or computes lies in 1949-10-01..2199-12-31.
 * A date computed past the range is a typed error at the field the host wrote (never a wrapped
 * year such as 0998-04-30 or 10000-01-01); a deadline past it is a note.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso, addMonthsIso, DATE_RANGE, fromDayNumber, MAX_DAY_NUMBER, MIN_DAY_NUMBER, shanghaiDateOf } from '../../src/_lib/days.js';
import * as lib from '../../src/index.js';
import { InvalidInputError, type GovCreditError } from '../../src/index.js';
import { createEvaluator, evaluate, recordState, timeline } from '../_support/untypedApi.js';

const person = { id: 'p1', kind: 'civil-servant' };
const warning = (extra: Record<string, unknown> = {}) => ({ id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2199-10-01', ...extra });
const query = (records: unknown[], extra: Record<string, unknown> = {}) => ({ pack: 'cn-national', subject: { ...person, records }, action: 'promotion', asOf: '2199-11-01', ...extra });

async function refusal(q: unknown): Promise<GovCreditError> {
  let ref: unknown;
  let fast: unknown;
  try {
    await evaluate(q);
  } catch (e) {
    ref = e;
  }
  try {
    createEvaluator((q as { pack: string }).pack).evaluate(q);
  } catch (e) {
    fast = e;
  }
  expect(InvalidInputError.is(ref), 'evaluate throws InvalidInputError').toBe(true);
  // Both paths refuse alike.
  expect((fast as GovCreditError).issues).toEqual((ref as GovCreditError).issues);
  return ref as GovCreditError;
}

describe('dates computed past the range are errors at the field the host wrote', () => {
  it('a 警告 decided 2199-10-01 (period to 2200-04-01): at decidedOn', async () => {
    const e = await refusal(query([warning()]));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: ['subject', 'records', 0, 'decidedOn'], code: 'out_of_range' });
    expect(e.issues[0]!.message.en).toContain('2199-10-01');
    expect(e.issues[0]!.message.en).toContain('1949-10-01..2199-12-31');
    expect(e.issues[0]!.message['zh-CN']).toContain('处分期');
  });

  it('… at effectiveOn when the host wrote it, and at the record as listed (not in id order)', async () => {
    const other = { id: 'a0', kind: 'accountability', decidedOn: '2199-01-01' };
    const e = await refusal(query([other, warning({ id: 'z9', decidedOn: '2199-06-01', effectiveOn: '2199-07-15' })]));
    expect(e.issues[0]).toMatchObject({ path: ['subject', 'records', 1, 'effectiveOn'], code: 'out_of_range' });
  });

  it('a period fixed by the decision (periodMonths) or combined (政务处分法 15) past the range', async () => {
    expect((await refusal(query([warning({ decidedOn: '2198-01-10', periodMonths: 24 })]))).issues[0]!.path).toEqual(['subject', 'records', 0, 'decidedOn']);
    const two = [warning({ id: 'a', decidedOn: '2199-05-01' }), warning({ id: 'b', decidedOn: '2199-05-01' })];
    expect((await refusal(query(two))).issues[0]!.path).toEqual(['subject', 'records', 0, 'decidedOn']);
    // Combined, two 警告 run 12 months: effective 2198-12-30, they lift on the last day of the range.
    const fits = [warning({ id: 'a', decidedOn: '2198-12-30' }), warning({ id: 'b', decidedOn: '2198-12-30' })];
    const d = await evaluate(query(fits, { asOf: '2199-06-01' }));
    expect(d.verdict).toBe('barred');
    expect(d.clearFrom).toBe('2199-12-31');
    // A day later, they would lift on 2200-01-01.
    const late = [warning({ id: 'a', decidedOn: '2198-12-31' }), warning({ id: 'b', decidedOn: '2198-12-31' })];
    expect((await refusal(query(late, { asOf: '2199-06-01' }))).issues[0]!.path).toEqual(['subject', 'records', 0, 'decidedOn']);
  });

  it('a sanction changed by a later decision (sanction-changed) past the range: at the event’s effectiveOn', async () => {
    const changed = warning({
      decidedOn: '2199-01-10',
      events: [{ type: 'sanction-changed', date: '2199-09-20', sanction: 'demerit', effectiveOn: '2199-09-20', by: 'authority-1' }],
    });
    const e = await refusal(query([changed], { asOf: '2199-10-01' }));
    expect(e.issues[0]).toMatchObject({ path: ['subject', 'records', 0, 'events', 0, 'effectiveOn'], code: 'out_of_range' });
    // Before the change is known, the 警告 itself ends inside the range.
    expect((await evaluate(query([changed], { asOf: '2199-05-01' }))).verdict).toBe('barred');
  });

  it('a record lifetime set by policy past the range: at decidedOn', async () => {
    const r = { id: 'r1', kind: 'administrative-penalty', decidedOn: '2150-01-01' };
    const e = await refusal({ ...query([r]), pack: 'cn-tj-binhai', policy: { recordLifetimeMonths: 1200 } });
    expect(e.issues[0]).toMatchObject({ path: ['subject', 'records', 0, 'decidedOn'], code: 'out_of_range' });
    expect(e.issues[0]!.message.en).toContain('recordLifetimeMonths');
  });

  it('a rectification due on the last day (GD-7 would derive a record the day after): at its dueOn', async () => {
    const dept = {
      id: 'd1',
      kind: 'department',
      records: [
        {
          id: 'r1',
          kind: 'online-approval-substandard',
          decidedOn: '2199-01-05',
          events: [
            { type: 'objection-filed', date: '2199-01-10', channel: 'credit-platform' },
            { type: 'objection-replied', date: '2199-01-20', outcome: 'upheld' },
            { type: 'rectification-ordered', date: '2199-02-01', dueOn: '2199-12-31' },
          ],
        },
      ],
    };
    const e = await refusal({ pack: 'cn-gd', subject: dept, action: 'honour-selection', asOf: '2199-06-01' });
    expect(e.issues[0]).toMatchObject({ path: ['subject', 'records', 0, 'events', 2, 'dueOn'], code: 'out_of_range' });
    // A day earlier, the derived record falls on the last day of the range and counts from then.
    const ok = structuredClone(dept);
    (ok.records[0]!.events[2] as { dueOn: string }).dueOn = '2199-12-30';
    const d = await evaluate({ pack: 'cn-gd', subject: ok, action: 'honour-selection', asOf: '2199-12-31' });
    expect(d.records.find((x) => x.derived)?.effectiveFrom).toBe('2199-12-31');
  });

  it('recordState names the field relative to the record', () => {
    let e: unknown;
    try {
      recordState(warning(), '2199-11-01');
    } catch (x) {
      e = x;
    }
    expect(InvalidInputError.is(e) && e.issues[0]).toMatchObject({ path: ['decidedOn'], code: 'out_of_range' });
  });

  it('evaluateMany prefixes the query index', () => {
    const ev = createEvaluator('cn-national');
    let e: unknown;
    try {
      ev.evaluateMany([query([]), query([warning()])]);
    } catch (x) {
      e = x;
    }
    expect(InvalidInputError.is(e) && e.issues[0]!.path).toEqual([1, 'subject', 'records', 0, 'decidedOn']);
  });
});

describe('dates written outside the range are refused at their field', () => {
  it.each([
    ['decided 9999-06-01 (once lifted on 0998-04-30)', query([warning({ decidedOn: '9999-06-01' })], { asOf: '2026-06-01' }), ['subject', 'records', 0, 'decidedOn']],
    ['asOf 2200-01-01', query([], { asOf: '2200-01-01' }), ['asOf']],
    ['asOf 1949-09-30', query([], { asOf: '1949-09-30' }), ['asOf']],
    ['asOf 0000-01-01', query([], { asOf: '0000-01-01' }), ['asOf']],
    ['rectification due 9999-12-31 (once a record dated 10000-01-01)', query([{ id: 'r', kind: 'accountability', decidedOn: '2026-01-05', events: [{ type: 'rectification-ordered', date: '2026-01-10', dueOn: '9999-12-31' }] }], { asOf: '2026-06-01' }), ['subject', 'records', 0, 'events', 0, 'dueOn']],
    ['an honour in 1900', { ...query([], { asOf: '2026-06-01' }), subject: { ...person, honours: [{ title: 't', level: 'national', date: '1900-01-01' }] } }, ['subject', 'honours', 0, 'date']],
    ['asOf a Date in year -1 (once read as 0002-06-01)', query([], { asOf: new Date('-000001-06-01T00:00:00Z') }), ['asOf']],
    ['decidedOn a Date in year 10000', query([warning({ decidedOn: new Date('+010000-01-01T00:00:00Z') })], { asOf: '2026-06-01' }), ['subject', 'records', 0, 'decidedOn']],
    ['assessmentYear 2200', query([], { action: 'excellent-rating', assessmentYear: 2200, asOf: '2199-12-31' }), ['assessmentYear']],
  ])('%s', async (_label, q, path) => {
    const e = await refusal(q);
    expect(e.issues[0]!.path).toEqual(path);
    if (path.at(-1) !== 'assessmentYear') expect(e.issues[0]!.code).toBe('out_of_range');
  });

  it('the expanded year is named, not wrapped', async () => {
    const e = await refusal(query([], { asOf: new Date('-000001-06-01T00:00:00Z') }));
    expect(e.issues[0]!.message.en).toContain('-000001-06-01');
    expect(e.issues[0]!.message.en).not.toContain('0002-06-01');
  });

  it('timeline names from and to', async () => {
    await expect(timeline(person, { from: '1900-01-01', to: '2026-01-01', action: 'promotion', pack: 'cn-national' })).rejects.toMatchObject({ issues: [{ path: ['from'], code: 'out_of_range' }] });
    await expect(timeline(person, { from: '2026-01-01', to: '2200-01-01', action: 'promotion', pack: 'cn-national' })).rejects.toMatchObject({ issues: [{ path: ['to'], code: 'out_of_range' }] });
  });
});

describe('deadlines past the range are notes; the last day of the range works', () => {
  it('an objection reply due after 2199-12-31 (weekends-only calendar) is a note, not an error', async () => {
    const r = { id: 'r1', kind: 'administrative-penalty', decidedOn: '2199-12-01', events: [{ type: 'objection-filed', date: '2199-12-28', channel: 'credit-platform' }] };
    const q = { pack: 'cn-jl-tonghua', subject: { ...person, records: [r] }, action: 'promotion', asOf: '2199-12-31', policy: { unknownCalendarYears: 'weekends-only' } };
    const d = await evaluate(q);
    expect(d.verdict).toBe('restricted');
    const note = d.notes.find((n) => n.code === 'date-out-of-range');
    expect(note?.records).toEqual(['r1']);
    expect(note?.message.en).toContain('the objection reply deadline cannot be computed');
    expect(createEvaluator('cn-jl-tonghua').evaluate(q)).toEqual(d);
  });

  it('a pack in force to 2199-12-31 decides on that day, and timeline reaches it', async () => {
    const r = { id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2199-06-30' };
    const d = await evaluate(query([r], { asOf: '2199-12-31' }));
    expect(d.verdict).toBe('clear');
    const changes = await timeline({ ...person, records: [r] }, { from: '2199-01-01', to: '2199-12-31', action: 'promotion', pack: 'cn-national' });
    expect(changes.map((c) => [c.on, c.verdict])).toEqual([
      ['2199-01-01', 'clear'],
      ['2199-06-30', 'barred'],
      ['2199-12-31', 'clear'],
    ]);
  });
});

describe('day arithmetic throws past the range, never wraps', () => {
  it('the range is exported, frozen', () => {
    expect(lib.DATE_RANGE).toEqual({ from: '1949-10-01', to: '2199-12-31' });
    expect(Object.isFrozen(lib.DATE_RANGE)).toBe(true);
  });

  it('addDaysIso, addMonthsIso and fromDayNumber', () => {
    expect(addDaysIso('2199-12-30', 1)).toBe('2199-12-31');
    expect(() => addDaysIso('2199-12-31', 1)).toThrow(InvalidInputError);
    expect(() => addDaysIso('1949-10-01', -1)).toThrow(/1949-10-01\.\.2199-12-31/);
    expect(addMonthsIso('2199-06-30', 6)).toBe('2199-12-30');
    expect(() => addMonthsIso('2199-07-01', 6)).toThrow(InvalidInputError);
    expect(() => addMonthsIso('9999-06-01', 6)).toThrow(InvalidInputError);
    expect(() => fromDayNumber(MAX_DAY_NUMBER + 1)).toThrow(InvalidInputError);
    expect(() => fromDayNumber(MIN_DAY_NUMBER - 1)).toThrow(InvalidInputError);
  });

  it('any day number: a date in the range, or an out_of_range error', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000, max: 3_000_000 }), fc.integer({ min: -100_000, max: 100_000 }), (n, k) => {
        for (const f of [() => fromDayNumber(n), () => addDaysIso(fromDayNumber(Math.max(MIN_DAY_NUMBER, Math.min(MAX_DAY_NUMBER, n))), k)]) {
          try {
            const s = f();
            expect(s >= DATE_RANGE.from && s <= DATE_RANGE.to && /^\d{4}-\d{2}-\d{2}$/.test(s)).toBe(true);
          } catch (e) {
            expect(InvalidInputError.is(e) && e.issues[0]!.code).toBe('out_of_range');
          }
        }
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('shanghaiDateOf names far dates with expanded years', () => {
    expect(shanghaiDateOf(new Date('-000001-06-01T00:00:00Z'))).toBe('-000001-06-01');
    expect(shanghaiDateOf(new Date('+010000-01-01T00:00:00Z'))).toBe('+010000-01-01');
    expect(shanghaiDateOf(new Date('0002-06-01T00:00:00Z'))).toBe('0002-06-01');
    expect(shanghaiDateOf(new Date('2026-03-14T16:00:00Z'))).toBe('2026-03-15');
  });
});
