/**
 * Every error class has a stable `code` and a static `is(e)` that recognises errors of that class
 * (or a subclass) from any copy of the library: a `Symbol.for` brand, not `instanceof`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  CalendarCoverageError,
  ConfidentialRecordError,
  GovCreditError,
  InvalidEventLogError,
  InvalidInputError,
  InvalidPackError,
  loadPack,
  UnknownPackError,
} from '../../src/index.js';
import { evaluate } from '../_support/untypedApi.js';
import { requireBuild } from '../_support/built.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Needs the build (`npm test` makes it first): without it the file fails, saying so, rather than skipping.
requireBuild('index.js', 'index.cjs', 'calendar.js');

const person = { id: 'p1', kind: 'civil-servant' };
const query = { pack: 'cn-tj-binhai', subject: person, action: 'promotion', asOf: '2026-06-01' };

async function caught(f: () => unknown): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

/** One error of each class, thrown by the library itself. */
async function oneOfEach(lib: typeof import('../../src/index.js')): Promise<Record<string, unknown>> {
  return {
    invalid_input: await caught(() => lib.evaluate(lib.untyped({ ...query, asOf: '2026-02-30' }))),
    unknown_pack: await caught(() => lib.evaluate(lib.untyped({ ...query, pack: 'cn-xx' }))),
    invalid_pack: await caught(() => lib.loadPack({ id: 'x' })),
    confidential_record: await caught(() =>
      lib.evaluate(lib.untyped({ ...query, subject: { ...person, records: [{ id: 'r', kind: 'accountability', decidedOn: '2026-01-01', confidential: true }] } })),
    ),
    invalid_event_log: await caught(() =>
      lib.evaluate(lib.untyped({ ...query, subject: { ...person, records: [{ id: 'r', kind: 'accountability', decidedOn: '2026-01-01', events: [{ type: 'objection-replied', outcome: 'upheld', date: '2026-02-01' }] }] } })),
    ),
    calendar_coverage: await caught(() => lib.addWorkingDays('2026-12-20', 15)),
  };
}

const CLASSES = {
  invalid_input: InvalidInputError,
  unknown_pack: UnknownPackError,
  invalid_pack: InvalidPackError,
  confidential_record: ConfidentialRecordError,
  invalid_event_log: InvalidEventLogError,
  calendar_coverage: CalendarCoverageError,
} as const;

describe('error codes and is()', () => {
  it('each class has a stable static code, which its instances carry', async () => {
    expect(GovCreditError.code).toBe('gov_credit_error');
    const errors = await oneOfEach(await import('../../src/index.js'));
    for (const [code, Cls] of Object.entries(CLASSES)) {
      expect(Cls.code).toBe(code);
      const e = errors[code] as GovCreditError;
      expect(e).toBeInstanceOf(Cls);
      expect(e.code).toBe(code);
      expect(e.name).toBe(Cls.name);
    }
  });

  it('Cls.is(e) is true for its own class and the base class, false for the others and for non-errors', async () => {
    const errors = await oneOfEach(await import('../../src/index.js'));
    for (const [code, e] of Object.entries(errors)) {
      expect(GovCreditError.is(e)).toBe(true);
      for (const [other, Cls] of Object.entries(CLASSES)) expect(Cls.is(e), `${other}.is(${code})`).toBe(other === code);
    }
    for (const x of [null, undefined, 0, 'invalid_input', new Error('x'), new TypeError('x'), { code: 'invalid_input', issues: [] }, { name: 'InvalidInputError' }]) {
      expect(GovCreditError.is(x)).toBe(false);
      expect(InvalidInputError.is(x)).toBe(false);
    }
  });

  it('is() narrows the type', async () => {
    const e: unknown = await caught(() => addWorkingDays('2026-12-20', 15));
    if (!CalendarCoverageError.is(e)) throw new Error('expected a coverage error');
    expect(e.year).toBe(2027);
    const f: unknown = await caught(() => evaluate({ ...query, pack: 'cn-xx' }));
    expect(UnknownPackError.is(f) && f.packId).toBe('cn-xx');
    expect(InvalidPackError.is(await caught(() => loadPack(null)))).toBe(true);
  });

  it('works across the ESM and the CJS build loaded in one process, where instanceof does not', async () => {
    const cjs = createRequire(import.meta.url)(join(root, 'dist', 'index.cjs')) as typeof import('../../src/index.js');
    const esm = (await import(pathToFileURL(join(root, 'dist', 'index.js')).href)) as typeof import('../../src/index.js');
    // Two copies of every class.
    expect(cjs.InvalidInputError).not.toBe(esm.InvalidInputError);
    const fromCjs = await oneOfEach(cjs);
    const fromEsm = await oneOfEach(esm);
    for (const code of Object.keys(CLASSES) as (keyof typeof CLASSES)[]) {
      const name = CLASSES[code].name;
      const EsmCls = (esm as unknown as Record<string, typeof GovCreditError>)[name]!;
      const CjsCls = (cjs as unknown as Record<string, typeof GovCreditError>)[name]!;
      expect(fromCjs[code]).not.toBeInstanceOf(EsmCls);
      expect(EsmCls.is(fromCjs[code]), `esm ${name}.is(cjs error)`).toBe(true);
      expect(CjsCls.is(fromEsm[code]), `cjs ${name}.is(esm error)`).toBe(true);
      expect(esm.GovCreditError.is(fromCjs[code])).toBe(true);
      expect(esm.UnknownPackError.is(fromCjs[code])).toBe(code === 'unknown_pack');
      // And with this (source) copy, a third one.
      expect(CLASSES[code].is(fromCjs[code])).toBe(true);
    }
  });

  it('works across the calendar entry and the main entry, too', async () => {
    const calendar = (await import(pathToFileURL(join(root, 'dist', 'calendar.js')).href)) as typeof import('../../src/calendar/index.js');
    const e = await caught(() => calendar.addWorkingDays('2026-12-20', 15));
    expect(e).not.toBeInstanceOf(CalendarCoverageError);
    expect(CalendarCoverageError.is(e)).toBe(true);
    expect(GovCreditError.is(e)).toBe(true);
    const bad = await caught(() => calendar.addWorkingDays('2026-02-30', 1));
    expect(InvalidInputError.is(bad) && bad.issues[0]!.code).toBe('invalid_date');
    expect(calendar.CalendarCoverageError.is(await caught(() => addWorkingDays('2026-12-20', 15)))).toBe(true);
  });
});
