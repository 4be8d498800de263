/**
 * The testing kit's entry points refuse what they cannot use with the library's typed error, a path
 * and a code (as every other entry point does), not a TypeError from deep inside.
 */
import { describe, expect, it } from 'vitest';
import { getPack, InvalidInputError, InvalidPackError } from '../../src/index.js';
import { checkPack, diffPacks, eventsArb, formatCheck, formatDiff, invariantProperty, queryArb, recordArb, subjectArb } from '../../src/testing/index.js';

async function refusal(f: () => unknown): Promise<[string, string]> {
  try {
    await f();
  } catch (e) {
    expect(InvalidInputError.is(e), String(e)).toBe(true);
    const i = (e as InvalidInputError).issues[0]!;
    return [i.path.join('.'), i.code];
  }
  throw new Error('accepted');
}

const untyped = (v: unknown) => v as never;

describe('testing kit: arguments', () => {
  it('checkPack and diffPacks: a pack that is neither an id nor an object, options that are not an object or unknown', async () => {
    expect(await refusal(() => checkPack(untyped(null)))).toEqual(['pack', 'invalid_type']);
    expect(await refusal(() => checkPack('cn-gd', untyped(null)))).toEqual(['options', 'invalid_type']);
    expect(await refusal(() => checkPack('cn-gd', untyped({ numruns: 5 })))).toEqual(['options.numruns', 'unrecognized_key']);
    expect(await refusal(() => diffPacks(untyped(5), 'cn-gd'))).toEqual(['before', 'invalid_type']);
    expect(await refusal(() => diffPacks('cn-gd', untyped(null)))).toEqual(['after', 'invalid_type']);
    expect(await refusal(() => diffPacks('cn-gd', 'cn-gd', untyped({ invariants: [] })))).toEqual(['options.invariants', 'unrecognized_key']);
  });

  it('formatCheck and formatDiff: something that is not a result; an unknown locale', async () => {
    expect(await refusal(() => formatCheck(untyped(null)))).toEqual(['result', 'invalid_type']);
    expect(await refusal(() => formatDiff(untyped({})))).toEqual(['result', 'invalid_type']);
    const check = await checkPack('cn-tj-binhai', { numRuns: 3, seed: 7, timeZones: false });
    const diff = await diffPacks('cn-tj-binhai', 'cn-tj-binhai', { numRuns: 3, seed: 7 });
    expect(await refusal(() => formatCheck(check, untyped({ locale: 'fr' })))).toEqual(['options.locale', 'invalid_locale']);
    expect(await refusal(() => formatDiff(diff, untyped({ locale: 'fr' })))).toEqual(['options.locale', 'invalid_locale']);
    expect(await refusal(() => formatDiff(diff, untyped({ lang: 'en' })))).toEqual(['options.lang', 'unrecognized_key']);
    expect(formatCheck(check, { locale: 'en' })).toMatch(/^checkPack cn-tj-binhai: 3 queries, seed 7/);
    expect(formatDiff(diff)).toMatch(/^规则变更的语义差异/);
  });

  it('the arbitraries and invariantProperty: options that are not an object, unknown options, a pack that is neither id nor object (issue 22)', async () => {
    for (const [name, f] of [
      ['queryArb', queryArb],
      ['subjectArb', subjectArb],
      ['recordArb', recordArb],
      ['eventsArb', eventsArb],
      ['invariantProperty', invariantProperty],
    ] as const) {
      expect(await refusal(() => (f as (o: unknown) => unknown)(null)), name).toEqual(['options', 'invalid_type']);
      expect(await refusal(() => (f as (o: unknown) => unknown)(5)), name).toEqual(['options', 'invalid_type']);
    }
    expect(await refusal(() => queryArb(untyped({ pak: 'cn-gd' })))).toEqual(['options.pak', 'unrecognized_key']);
    expect(await refusal(() => subjectArb(untyped({ pack: 5 })))).toEqual(['options.pack', 'invalid_type']);
    expect(await refusal(() => eventsArb(untyped({})))).toEqual(['options.record', 'required']);
    expect(await refusal(() => eventsArb(untyped({ record: null })))).toEqual(['options.record', 'invalid_type']);
    expect(recordArb({ id: 'r9' })).toBeDefined();
  });

  it('checkPack and diffPacks on a pack object without `extends`: InvalidPackError, as loadPack answers (issue 22)', async () => {
    const noExtends = { ...structuredClone(getPack('cn-tj-binhai')), id: 'no-extends' } as Record<string, unknown>;
    delete noExtends.extends;
    for (const f of [() => checkPack(untyped(noExtends), { numRuns: 1, timeZones: false }), () => diffPacks(untyped(noExtends), 'cn-tj-binhai', { numRuns: 1 }), () => diffPacks('cn-tj-binhai', untyped(noExtends), { numRuns: 1 }), () => queryArb({ pack: untyped(noExtends) })]) {
      let e: unknown;
      try {
        await f();
      } catch (x) {
        e = x;
      }
      expect(InvalidPackError.is(e), String(e)).toBe(true);
      expect((e as InvalidPackError).issues[0]!.path).toEqual(['extends']);
    }
  });
});
