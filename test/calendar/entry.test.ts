/**
 * `gov-credit-rules/calendar` as built: no zod, no json-rules-engine, and the same answers and errors
 * as the main entry. The built-file checks need `npm run build` (CI builds before testing) and are
 * skipped when dist/ is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import data from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/_lib/days.js';
import { packHolidayTables, unpackHolidayTables } from '../../src/calendar/_internal/packedData.js';
import * as calendarIndex from '../../src/calendar/index.js';
import * as deadlinesIndex from '../../src/deadlines/index.js';
import * as main from '../../src/index.js';
import { requireBuild } from '../_support/built.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
// Needs the build (`npm test` makes it first): without it the file fails, saying so, rather than skipping.
requireBuild('calendar.js', 'calendar.cjs', 'index.js', 'index.cjs', 'jre.js', 'jre.cjs');
const read = (f: string) => readFileSync(join(dist, f), 'utf8');
type Entry = typeof import('../../src/entries/calendar.js');

describe('packed holiday data', () => {
  it('unpacks to chinese-days’ holiday and workday tables exactly, keys in the same order', () => {
    const tables = { holidays: data.holidays as Record<string, string>, workdays: data.workdays as Record<string, string> };
    const packed = packHolidayTables(tables);
    const back = unpackHolidayTables(packed);
    expect(back).toEqual(tables);
    expect(Object.keys(back.holidays)).toEqual(Object.keys(tables.holidays));
    expect(Object.keys(back.workdays)).toEqual(Object.keys(tables.workdays));
    // The point of packing: far smaller than the JSON it replaces.
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(tables).length / 3);
  });
});

describe('package: gov-credit-rules/calendar', () => {
  it('package.json exports ./calendar (ESM and CJS, with types)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['./calendar']).toEqual({
      import: { types: './dist/calendar.d.ts', default: './dist/calendar.js' },
      require: { types: './dist/calendar.d.cts', default: './dist/calendar.cjs' },
    });
  });

  it('the calendar entry imports nothing: no zod, no json-rules-engine, data inlined', () => {
    for (const f of ['calendar.js', 'calendar.cjs']) {
      const src = read(f);
      expect(src, f).not.toMatch(/^import |\brequire\(["']/m);
      expect(src, f).not.toMatch(/["'](zod(\/[^"']*)?|json-rules-engine|chinese-days\/[^"']*)["']/);
    }
    for (const f of ['calendar.d.ts', 'calendar.d.cts']) expect(read(f), f).not.toMatch(/from ["'](zod|json-rules-engine)/);
  });

  it('the main entry reaches json-rules-engine only through its adapter module, loaded on first use', () => {
    // An import of the package, in any form (a label naming it in text is not one).
    const imports = /(from\s*|import\s*\(\s*|require\(\s*)["']json-rules-engine["']/;
    expect(read('index.js')).not.toMatch(imports);
    expect(read('index.js')).toMatch(/import\(["']\.\/jre\.js["']\)/);
    expect(read('index.cjs')).not.toMatch(imports);
    expect(read('index.cjs')).toMatch(/import\(["']\.\/jre\.cjs["']\)|require\(["']\.\/jre\.cjs["']\)/);
    // json-rules-engine is bundled into the adapter (without jsonpath-plus: test/engine/deadWeight.test.ts).
    for (const f of ['jre.js', 'jre.cjs']) {
      expect(read(f)).not.toMatch(imports);
      expect(read(f)).toContain('node_modules/json-rules-engine/dist/engine.js');
    }
  });

  it('exports what the main entry exports for the calendar and deadlines', async () => {
    const esm = (await import(pathToFileURL(join(dist, 'calendar.js')).href)) as Entry;
    const cjs = createRequire(import.meta.url)(join(dist, 'calendar.cjs')) as Entry;
    const expected = [...Object.keys(calendarIndex), ...Object.keys(deadlinesIndex), 'GovCreditError', 'InvalidInputError'].sort();
    expect(Object.keys(esm).sort()).toEqual(expected);
    expect(Object.keys(cjs).sort()).toEqual(expected);
  });

  it('answers every day of the covered years as the main entry does (ESM and CJS builds)', async () => {
    const esm = (await import(pathToFileURL(join(dist, 'calendar.js')).href)) as Entry;
    const cjs = createRequire(import.meta.url)(join(dist, 'calendar.cjs')) as Entry;
    const cov = main.defaultCalendar().coverage();
    expect(esm.defaultCalendar().coverage()).toEqual(cov);
    for (let d = toDayNumber(cov.firstDate); d <= toDayNumber(cov.lastDate); d++) {
      const day = fromDayNumber(d);
      const want = main.dayInfo(day);
      expect(esm.dayInfo(day), day).toEqual(want);
      expect(cjs.dayInfo(day), day).toEqual(want);
    }
    expect(esm.addWorkingDays('2026-09-28', 15)).toBe('2026-10-23');
    expect(cjs.objectionReplyDueOn('2026-10-03', { receiptOnNonWorkingDay: 'next-working-day' }).dueOn).toBe('2026-10-28');
    expect(esm.disciplinaryPeriod('warning', '2026-03-15')).toEqual(main.disciplinaryPeriod('warning', '2026-03-15'));
  });

  it('throws the same typed errors, with the same issues', async () => {
    const esm = (await import(pathToFileURL(join(dist, 'calendar.js')).href)) as Entry;
    const caught = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as main.GovCreditError;
      }
      throw new Error('did not throw');
    };
    const cases: [string, (m: Entry) => unknown][] = [
      ['bad date', (m) => m.addWorkingDays('2026-02-30', 1)],
      ['uncovered year', (m) => m.addWorkingDays('2026-12-20', 15)],
      ['bad options', (m) => m.createCalendar({ foo: 1, unknownYears: 'guess' } as never)],
      ['bad schedule', (m) => m.defaultCalendar().withSchedule({ year: 2027.5, holidays: [5], workdays: 'x', source: '' } as never)],
      ['bad basis', (m) => m.objectionReplyDueOn('2026-09-28', { basis: { clause: '' } as never })],
    ];
    for (const [what, f] of cases) {
      const built = caught(() => f(esm));
      const source = caught(() => f(main as unknown as Entry));
      expect(built.name, what).toBe(source.name);
      expect(built.code, what).toBe(source.code);
      expect(built.issues, what).toEqual(source.issues);
      expect(built.message, what).toBe(source.message);
      expect(built).toBeInstanceOf(esm.GovCreditError);
    }
  });
});
