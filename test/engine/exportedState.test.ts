/**
 * Exported state (issue 22): nothing the library exports can switch off a guard or change a later
 * validation. A frozen Set still answers `Set.prototype.delete.call(set, …)`, and a RegExp can be
 * changed in place (`compile`, or an own `test`), so the library exports neither: the forbidden
 * keys and the id patterns are module-private, and hosts get functions (`isPackId`, `isRuleId`,
 * `isClauseId`). Its own file: the attacks below, if any worked, would change the process's state.
 */
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import * as calendarEntry from '../../src/entries/calendar.js';
import * as kit from '../../src/testing/index.js';
import { getPack, InvalidInputError, InvalidPackError, isClauseId, isPackId, isRuleId, loadPack, parseSubject } from '../../src/index.js';

/** Every Set, Map and RegExp reachable from an entry's exports (not through functions or zod schemas' internals). */
function mutableShared(entry: Record<string, unknown>): [string, object][] {
  const found: [string, object][] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Set || v instanceof Map || v instanceof RegExp || v instanceof WeakMap || v instanceof WeakSet) found.push([path, v]);
    // zod schemas are documented API (SPEC: exported schemas); what lies inside them is zod's own.
    if ('_zod' in v) return;
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], `${path}.${k}`);
  };
  for (const [name, v] of Object.entries(entry)) walk(v, name);
  return found;
}

describe('no export can change a guard', () => {
  it('no entry exports a Set, Map or RegExp (FORBIDDEN_KEYS, PACK_ID, RULE_ID and CLAUSE_ID are private)', () => {
    for (const entry of [lib, calendarEntry, kit] as Record<string, unknown>[]) expect(mutableShared(entry).map(([p]) => p)).toEqual([]);
    for (const name of ['FORBIDDEN_KEYS', 'PACK_ID', 'RULE_ID', 'CLAUSE_ID']) expect(name in lib, name).toBe(false);
  });

  it('an attack on every exported Set and RegExp changes no validation', () => {
    for (const [, v] of [...mutableShared(lib as Record<string, unknown>), ...mutableShared(kit as Record<string, unknown>)]) {
      if (v instanceof Set) Set.prototype.clear.call(v);
      if (v instanceof Map) Map.prototype.clear.call(v);
      if (v instanceof RegExp) {
        RegExp.prototype.compile.call(v, '[\\s\\S]*');
        Object.defineProperty(v, 'test', { value: () => true, configurable: true });
      }
    }
    // The __proto__ guard holds.
    expect(() => parseSubject(JSON.parse('{"id":"p","kind":"civil-servant","meta":{"__proto__":{"x":1}}}'))).toThrow(InvalidInputError);
    // Ids are checked as before.
    const pack = structuredClone(getPack('cn-tj-binhai')) as unknown as Record<string, any>;
    expect(() => loadPack({ ...pack, id: '<img src=x onerror=alert(1)>' })).toThrow(InvalidPackError);
    expect(() => loadPack({ ...pack, id: 'rule-ids', rules: [{ ...pack.rules[0], id: 'Not A Rule Id' }, ...pack.rules.slice(1)] })).toThrow(InvalidPackError);
    expect(() => loadPack({ ...pack, id: 'clause-ids', clauses: [{ ...pack.clauses[0], id: 'lower-case' }, ...pack.clauses.slice(1)] })).toThrow(InvalidPackError);
  });

  it('the id checks hosts get are functions', () => {
    expect([isPackId('cn-tj-binhai'), isPackId('<img>'), isPackId('a'.repeat(61)), isPackId(null)]).toEqual([true, false, false, false]);
    expect([isRuleId('tjb-4-excellent-bar'), isRuleId('TJB 4')]).toEqual([true, false]);
    expect([isClauseId('TH-9'), isClauseId('CSL-64'), isClauseId('th-9'), isClauseId(9)]).toEqual([true, true, false, false]);
  });
});
