/**
 * Field documentation from one source: the doc comment above each field of the zod schemas. It is
 * copied into src/model/types.generated.ts (the types editors and the .d.ts show) and into the JSON
 * Schemas' descriptions by `npm run docs` (scripts/_shared/modelDocs.ts). These tests fail when a
 * field has no comment, when the generated types or schemas are stale, and when the generated types
 * are not the ones zod infers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import { GENERATED_TYPES, modelDocs, typesFile, undocumentedFields } from '../../scripts/_shared/modelTypes.js';
import type { HostScheduleSchema } from '../../src/calendar/_internal/scheduleSchema.js';
import type * as M from '../../src/model/index.js';
import type { HostSchedule } from '../../src/model/types.generated.js';

const repo = join(import.meta.dirname, '..', '..');
const schema = (name: string) => JSON.parse(readFileSync(join(repo, 'schemas', `${name}.schema.json`), 'utf8')) as Record<string, any>;

describe('every field of the model is documented, from one source', () => {
  const docs = modelDocs();

  it('every field of Subject, CreditRecord, the lifecycle events, Query, Decision, Pack and the schedule has a doc comment', () => {
    expect(undocumentedFields(docs)).toEqual([]);
    // The walk did reach the model: a few hundred fields, in every named schema.
    const count = [...docs.fields.values()].reduce((n, f) => n + f.size, 0);
    expect(count).toBeGreaterThan(200);
  });

  it('a field without a comment is caught, with where it is', () => {
    const first = [...docs.fields.values()][0]!;
    const [key, doc] = [...first][0]!;
    first.set(key, { ...doc, text: null });
    try {
      expect(undocumentedFields(docs)).toEqual([expect.stringContaining(`.${key} (src/model/`)]);
    } finally {
      first.set(key, doc);
    }
  });

  it('the generated types are current (npm run docs) and carry the comments', () => {
    const text = readFileSync(join(repo, GENERATED_TYPES), 'utf8');
    expect(text === typesFile(docs), `${GENERATED_TYPES} is out of date: run \`npm run docs\``).toBe(true);
    expect(text).toContain('/** When the record was determined (认定/作出决定). It has effect from this day. */\n  decidedOn: string;');
    expect(text).toContain('decidedOn: DateInput;');
  });

  it('the JSON Schemas describe each property with the same comment', () => {
    const record = schema('subject').properties.records.items;
    expect(record.properties.decidedOn.description).toBe('When the record was determined (认定/作出决定). It has effect from this day.');
    const events = record.properties.events.items.oneOf ?? record.properties.events.items.anyOf;
    const filed = events.find((e: any) => e.properties.type.const === 'objection-filed');
    expect(filed.description).toContain('异议申请 (TH-8)');
    expect(filed.properties.channel.description).toContain('determining-department');
    expect(schema('query').properties.action.description).toContain('excellent-rating');
    expect(schema('decision').properties.reasons.items.properties.clauses.items.properties.quote.description).toContain('verbatim');
    const rule = schema('pack').properties.rules.items;
    expect(rule.properties.conditions.description).toContain('json-rules-engine');
    expect(JSON.stringify(schema('pack').$defs)).toContain('plain dotted path');
    expect(schema('schedule').properties.workdays.description).toContain('调休上班');
  });
});

/** Dates as strings and arrays mutable: what zod's input types say of a generated input type. */
type AsZodInput<T> = T extends Date
  ? never
  : T extends readonly (infer E)[]
    ? AsZodInput<E>[]
    : T extends object
      ? { [K in keyof T]: AsZodInput<T[K]> }
      : T;

// The generated types are the ones zod infers: checked by `npm run typecheck` (tsc compiles this file),
// not at run time, where these assertions are no-ops. No test stands for them (one would assert nothing).
export function generatedTypesAreTheOnesZodInfers(): void {
  // outputs
  expectTypeOf<M.Subject>().toEqualTypeOf<z.output<typeof M.SubjectSchema>>();
  expectTypeOf<M.CreditRecord>().toEqualTypeOf<z.output<typeof M.RecordSchema>>();
  expectTypeOf<M.LifecycleEvent>().toEqualTypeOf<z.output<typeof M.LifecycleEventSchema>>();
  expectTypeOf<M.Query>().toEqualTypeOf<z.output<typeof M.QuerySchema>>();
  expectTypeOf<M.Decision>().toEqualTypeOf<z.output<typeof M.DecisionSchema>>();
  expectTypeOf<M.Pack>().toEqualTypeOf<z.output<typeof M.PackSchema>>();
  expectTypeOf<M.PolicyOverrides>().toEqualTypeOf<z.output<typeof M.PolicyOverridesSchema>>();
  expectTypeOf<HostSchedule>().toEqualTypeOf<z.output<typeof HostScheduleSchema>>();
  // inputs: the same as zod infers, except that dates also take a Date and arrays may be readonly
  expectTypeOf<AsZodInput<M.SubjectInput>>().toEqualTypeOf<z.input<typeof M.SubjectSchema>>();
  expectTypeOf<AsZodInput<M.CreditRecordInput>>().toEqualTypeOf<z.input<typeof M.RecordSchema>>();
  expectTypeOf<AsZodInput<M.LifecycleEventInput>>().toEqualTypeOf<z.input<typeof M.LifecycleEventSchema>>();
  expectTypeOf<AsZodInput<M.QueryInput>>().toEqualTypeOf<z.input<typeof M.QuerySchema>>();
  expectTypeOf<AsZodInput<M.PackInput>>().toEqualTypeOf<z.input<typeof M.PackSchema>>();
  expectTypeOf<HostSchedule>().toEqualTypeOf<z.input<typeof HostScheduleSchema>>();
}
