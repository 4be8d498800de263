import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parseOrThrow, type Check } from '../../src/_lib/check.js';
import { CalendarOptionsSchema, HostScheduleSchema, RegionalOverlaySchema } from '../../src/calendar/_internal/schemas.js';
import * as Formats from '../../src/calendar/_internal/scheduleSchema.js';
import { createCalendar, defaultCalendar } from '../../src/calendar/index.js';
import { objectionReplyDueOn } from '../../src/deadlines/index.js';
import { GovCreditError, issuesFromZod, type Issue } from '../../src/model/errors.js';

// The calendar's validators are hand-written (no zod in the calendar entry) but must report what the
// zod schemas of the file format (scheduleSchema.ts, the JSON Schema's source) report; the deadline
// basis keeps the schema it replaced, verbatim, as the oracle.
const Z = {
  schedule: Formats.HostScheduleSchema,
  overlay: Formats.RegionalOverlaySchema,
  options: Formats.CalendarOptionsSchema,
  basis: z.strictObject({
    clause: z.string().trim().min(1).max(200),
    document: z.string().trim().min(1).max(500),
    section: z.string().trim().min(1).max(200).optional(),
  }),
};

type Outcome = { ok: true; data: unknown } | { ok: false; issues: Issue[] };

function viaZod(schema: z.ZodType, input: unknown, prefix: string[]): Outcome {
  const r = schema.safeParse(input, { reportInput: true });
  return r.success ? { ok: true, data: r.data } : { ok: false, issues: issuesFromZod(r.error.issues, prefix) };
}

function viaCheck(check: Check, input: unknown, prefix: string[]): Outcome {
  try {
    return { ok: true, data: parseOrThrow(check, input, prefix) };
  } catch (e) {
    if (e instanceof GovCreditError) return { ok: false, issues: e.issues };
    throw e;
  }
}

// Values that probe every branch: right and wrong types, bounds, whitespace, surrogate pairs,
// numbers zod names specially (NaN, Infinity, unsafe integers), class instances.
const long = (n: number, unit = 'a') => unit.repeat(n);
const leaf = fc.oneof(
  fc.constantFrom(
    '', ' ', '  x  ', 'x', '2027-01-01', ' 2027-01-01', '2027/01/04', '2027-02-30', '2026-12-31', '1999-12-31',
    long(200), long(201), ` ${long(200)} `, long(1000), long(1001), long(101, '😀'), long(201, '😀'), long(401),
    'error', 'weekends-only', 'day-after-receipt', 'next-working-day', 'guess',
    0, 999, 1000, 1948, 1949, 2027, 2027.5, 2199, 2200, 9999, 10000, -5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e20, -1e20,
    true, false, null, undefined,
  ),
  fc.constant([]),
  fc.constant(Array.from({ length: 401 }, () => '2027-01-01')),
  fc.constant(Array.from({ length: 401 }, () => 5)),
  fc.constant(new Date(0)),
  fc.constant(new Map()),
  fc.constant(Object.create(null) as object),
  fc.string(),
  fc.integer(),
  fc.double(),
);

/** An object built from entries that may miss required keys and carry unknown ones. */
function objectOf(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const extras = fc.array(fc.tuple(fc.constantFrom('extra', 'note', 'Year', '__proto__', 'zh'), leaf), { maxLength: 2 });
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), extras, fc.boolean()).map(([rec, more, keepAll]) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) out[k] = v;
    if (!keepAll) for (const [k, v] of more) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  });
}

const name = fc.oneof(leaf, objectOf({ 'zh-CN': leaf, en: leaf }), fc.constant({ 'zh-CN': ' 春节 ', en: 'Spring Festival ' }));
const dayText = fc.oneof(fc.constantFrom('2027-10-01', '2027-10-07', '2027-11-15', '2027-09-20'), leaf);
const day = fc.oneof(
  fc.constantFrom('2027-01-01', '2027-02-11', '2026-12-26'),
  leaf,
  objectOf({ date: fc.oneof(fc.constant('2027-10-01'), leaf), name }),
  objectOf({ from: dayText, to: dayText, name }),
);
const source = fc.oneof(
  maybeLeaf(' 国办发明电〔2026〕1号 '),
  objectOf({ notice: maybeLeaf('国办发明电〔2026〕1号'), issuedOn: maybeLeaf('2026-11-10'), title: maybeLeaf('通知'), url: maybeLeaf('https://www.gov.cn/') }),
);
function maybeLeaf<T>(good: T) {
  return fc.oneof({ weight: 2, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: leaf });
}
const days = fc.oneof(fc.array(day, { maxLength: 4 }), leaf);
const maybe = <T>(good: T) => fc.oneof({ weight: 2, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: leaf });
const inputs = {
  schedule: fc.oneof(leaf, objectOf({ $schema: maybe('../schemas/schedule.schema.json'), year: maybe(2027), holidays: days, workdays: days, source })),
  overlay: fc.oneof(leaf, objectOf({ region: maybe('广西'), days, workdays: days, source: maybe('s') })),
  options: fc.oneof(
    leaf,
    objectOf({ unknownYears: maybe('weekends-only'), receiptOnNonWorkingDay: maybe('next-working-day'), schedules: fc.oneof(fc.constant([{}]), leaf) }),
  ),
  basis: fc.oneof(leaf, objectOf({ clause: maybe('TH-9'), document: maybe(' 通市信用〔2018〕2号 '), section: maybe('第九条') })),
};

describe('hand-written calendar validators report what zod reported', () => {
  const cases: [keyof typeof inputs, Check, string[]][] = [
    ['schedule', HostScheduleSchema as Check, ['schedule']],
    ['overlay', RegionalOverlaySchema as Check, ['overlay']],
    ['options', CalendarOptionsSchema as Check, ['options']],
  ];
  for (const [key, check, prefix] of cases) {
    it(`${key}: same outcome, issues (path, code, zh-CN and en messages) and parsed value`, () => {
      fc.assert(
        fc.property(inputs[key], (input) => {
          expect(viaCheck(check, input, prefix)).toEqual(viaZod(Z[key], input, prefix));
        }),
        { numRuns: 1500, seed: 20261122 },
      );
    });
  }

  it('basis (deadline functions): same issues as zod, at the option path', () => {
    fc.assert(
      fc.property(inputs.basis, (basis) => {
        let got: Outcome;
        try {
          got = { ok: true, data: objectionReplyDueOn('2026-09-28', { workingDays: 15, basis: basis as never }).basis };
        } catch (e) {
          got = { ok: false, issues: (e as GovCreditError).issues };
        }
        // undefined is the default basis, not a parse.
        if (basis === undefined) return;
        expect(got).toEqual(viaZod(Z.basis, basis, ['opts', 'basis']));
      }),
      { numRuns: 1000, seed: 20261122 },
    );
  });

  it('examples a host meets, through the public functions', () => {
    const issuesOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as GovCreditError).issues;
      }
      throw new Error('did not throw');
    };
    const schedule = { year: 2027, holidays: ['2027-01-01', { date: '2027-02-30' }, 5], workdays: 'none', source: '', extra: 1 };
    const got = issuesOf(() => defaultCalendar().withSchedule(schedule as never));
    expect({ ok: false, issues: got }).toEqual(viaZod(Z.schedule, schedule, ['schedule']));
    expect(got.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['schedule.holidays.1.date', 'invalid_date'],
      ['schedule.holidays.2', 'invalid_union'],
      ['schedule.workdays', 'invalid_type'],
      ['schedule.source', 'too_small'],
      ['schedule', 'unrecognized_keys'],
    ]);
    // Messages name the field and what it takes (issueText), never zod's generic texts.
    expect(got[1]!.message).toEqual({ 'zh-CN': 'holidays[2] 应为文字或对象', en: 'holidays[2] must be text or an object' });
    expect(got[2]!.message).toEqual({ 'zh-CN': 'workdays 应为数组，收到"none"', en: 'workdays must be a list, got "none"' });
    expect(got[3]!.message).toEqual({ 'zh-CN': 'source 不能为空', en: 'source must not be empty' });
    expect(issuesOf(() => createCalendar({ unknownYears: 'guess' } as never))[0]!.message.en).toBe('unknownYears must be one of error, statutory, weekends-only; got "guess"');
    for (const i of got) expect(i.message.en + i.message['zh-CN']).not.toMatch(/Invalid input|Invalid option|无效输入|未知的键/);
  });
});
