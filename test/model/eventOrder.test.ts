import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CreditRecord, LifecycleEvent, LifecycleEventType } from '../../src/index.js';
import { readEventLog } from '../../src/lifecycle/_internal/eventLog.js';
import { InvalidEventLogError, type Issue } from '../../src/model/errors.js';
import { TRANSITIONS, afterEvent, allowedNext, logStart, mayFollow, refusedAfterFinal, type Precondition, type Transition } from '../../src/model/eventOrder.js';
import { EVENTS_AFTER_FINAL, LIFECYCLE_EVENT_TYPES, RECORD_KINDS, SANCTION_EVENT_TYPES } from '../../src/model/vocabulary.js';
import { DECIDED_ON, WALK_RECORDS, contextOf, reachableTypes, shortestLog, validEvents } from './_eventOrderWalk.js';

// The table of which lifecycle event may follow which (src/model/eventOrder.ts), walked row by row
// through the library's validator (readEventLog): every event type has a row; each row is accepted
// after some log, and refused with its own code and words where each thing it requires does not hold.

const rowOf = (type: LifecycleEventType) => TRANSITIONS[type] as unknown as Transition<LifecycleEventType>;
const appliesTo = (type: LifecycleEventType, record: CreditRecord) => {
  const kinds = rowOf(type).kinds;
  return kinds === 'any' || kinds.only.includes(record.kind);
};

/** The validator's issues for a log (none: accepted). */
function issuesOf(record: CreditRecord, events: LifecycleEvent[]): Issue[] {
  try {
    readEventLog({ ...record, events });
    return [];
  } catch (e) {
    if (!(e instanceof InvalidEventLogError)) throw e;
    return e.issues;
  }
}

/** The issues the validator raises at the log's last event. */
function lastEventIssues(record: CreditRecord, events: LifecycleEvent[]): { code: string; zh: string; en: string; path: string }[] {
  const at = events.length - 1;
  return issuesOf(record, events)
    .filter((i) => i.path[0] === 'events' && i.path[1] === at)
    .map((i) => ({ code: i.code, zh: i.message['zh-CN'], en: i.message.en, path: i.path.slice(2).join('.') }));
}

const said = (code: string, says: { 'zh-CN': string; en: string }, path = '') => ({ code, zh: `记录 r1：${says['zh-CN']}`, en: `record r1: ${says.en}`, path });

describe('the table of which event may follow which', () => {
  it('has one row per event type of the vocabulary, in its order', () => {
    expect(Object.keys(TRANSITIONS)).toEqual([...LIFECYCLE_EVENT_TYPES]);
    for (const t of LIFECYCLE_EVENT_TYPES) {
      const kinds = rowOf(t).kinds;
      if (kinds !== 'any') for (const k of kinds.only) expect(RECORD_KINDS).toContain(k);
    }
  });

  it('refuses with these codes, in this order (hosts read the codes: a change here is a change for them)', () => {
    const codes = Object.fromEntries(
      LIFECYCLE_EVENT_TYPES.map((t) => {
        const row = rowOf(t);
        return [t, [...(row.kinds === 'any' ? [] : ['not_applicable']), ...row.checks.map((k) => ('requires' in k ? k.requires.code : k.guard.code))]];
      }),
    );
    expect(codes).toEqual({
      'objection-filed': ['objection_pending'],
      'objection-replied': ['reply_without_objection'],
      'record-corrected': ['objection_pending'],
      'reported-to-provincial-platform': ['report_without_correction', 'duplicate'],
      'mitigation-decided': ['two_final_outcomes', 'not_applicable'],
      'self-correction': [],
      'rectification-ordered': ['rectification_pending', 'date_order'],
      'rectification-completed': ['completion_without_order'],
      repaired: ['duplicate'],
      'sanction-lifted': ['not_applicable', 'duplicate'],
      'sanction-revoked': ['not_applicable', 'after_final'],
      'sanction-changed': ['not_applicable', 'after_final', 'before_decision', 'invalid_period'],
      'investigation-closed': ['not_applicable', 'not_applicable', 'duplicate'],
    });
    // Only a self-correction may come before the record was decided (between the failure and 认定).
    expect(LIFECYCLE_EVENT_TYPES.filter((t) => rowOf(t).mayPrecedeDecision)).toEqual(['self-correction']);
  });

  it('every event type is reachable from a record’s first event', () => {
    expect([...reachableTypes()].sort()).toEqual([...LIFECYCLE_EVENT_TYPES].sort());
  });

  it.each(LIFECYCLE_EVENT_TYPES)('%s: accepted after the shortest log that allows it, on each record it applies to', (type) => {
    let accepted = 0;
    for (const record of WALK_RECORDS.filter((r) => appliesTo(type, r))) {
      const log = shortestLog(record, (st) => mayFollow(st, type, contextOf(record)));
      if (log === null) continue; // an 开除 is never lifted
      for (const e of validEvents(type, log.length)) {
        expect(issuesOf(record, [...log, e]), `${record.kind} ${JSON.stringify([...log, e])}`).toEqual([]);
        accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });

  it.each(LIFECYCLE_EVENT_TYPES)('%s: refused with the row’s code and words where a precondition does not hold', (type) => {
    const row = rowOf(type);
    const preconditions = row.checks.flatMap((k): Precondition[] => ('requires' in k ? [k.requires] : []));
    for (const pre of preconditions) {
      let refused = 0;
      for (const record of WALK_RECORDS.filter((r) => appliesTo(type, r))) {
        const c = contextOf(record);
        // A state where this precondition fails and everything else about the row holds.
        const others = preconditions.filter((p) => p !== pre);
        const log = shortestLog(record, (st) => !pre.holds(st, c) && others.every((p) => p.holds(st, c)) && refusedAfterFinal(st, type, c) === null);
        if (log === null) continue;
        for (const e of validEvents(type, log.length)) expect(lastEventIssues(record, [...log, e])).toEqual([said(pre.code, pre.says)]);
        refused++;
      }
      expect(refused, `${type} ${pre.code}`).toBeGreaterThan(0);
    }
  });

  it.each(LIFECYCLE_EVENT_TYPES.filter((t) => rowOf(t).kinds !== 'any'))('%s: refused on a record of a kind it does not apply to', (type) => {
    const kinds = rowOf(type).kinds;
    if (kinds === 'any') throw new Error('unreachable');
    const record = WALK_RECORDS.find((r) => !kinds.only.includes(r.kind))!;
    const [e] = validEvents(type, 0);
    expect(lastEventIssues(record, [e!])).toEqual([said('not_applicable', kinds.says)]);
  });

  it('refuses each guard on an event’s own fields with its code, words and field', () => {
    const sanction = WALK_RECORDS[1]!;
    const investigation = WALK_RECORDS[3]!;
    const any = WALK_RECORDS[0]!;
    const d = DECIDED_ON;
    // One failing event per guard of the table: [record, log before it, the event, code, field].
    const cases: [CreditRecord, LifecycleEvent[], LifecycleEvent, string, string][] = [
      [any, [{ type: 'mitigation-decided', date: d, outcome: 'exempt', by: 'a' }], { type: 'mitigation-decided', date: d, outcome: 'exempt', by: 'b', actions: ['promotion'] }, 'two_final_outcomes', ''],
      [any, [{ type: 'mitigation-decided', date: d, outcome: 'exempt', by: 'a', actions: ['promotion'] }], { type: 'mitigation-decided', date: d, outcome: 'exempt', by: 'b', actions: ['promotion', 'awards'] }, 'two_final_outcomes', ''],
      [{ ...any, mitigation: { date: d, outcome: 'exempt', by: 'a', actions: ['awards'] } }, [], { type: 'mitigation-decided', date: d, outcome: 'exempt', by: 'b', actions: ['awards'] }, 'two_final_outcomes', ''],
      [any, [], { type: 'mitigation-decided', date: d, outcome: 'exempt', by: 'a', lighterTo: 'review' }, 'not_applicable', ''],
      [any, [], { type: 'rectification-ordered', date: '2025-01-12', dueOn: '2025-01-11' }, 'date_order', ''],
      [sanction, [], { type: 'sanction-changed', date: d, sanction: 'warning', effectiveOn: '2025-01-09', by: 'b' }, 'before_decision', ''],
      [sanction, [], { type: 'sanction-changed', date: d, sanction: 'demotion', effectiveOn: d, periodMonths: 12, by: 'b' }, 'invalid_period', 'periodMonths'],
      [sanction, [], { type: 'sanction-changed', date: d, sanction: 'expulsion', effectiveOn: d, periodMonths: 48, by: 'b' }, 'invalid_period', 'periodMonths'],
      [investigation, [], { type: 'investigation-closed', date: d, outcome: 'no-sanction', sanctionRecord: 'r2' }, 'not_applicable', ''],
    ];
    const guards = LIFECYCLE_EVENT_TYPES.flatMap((t) => rowOf(t).checks.flatMap((k) => ('guard' in k ? [`${t} ${k.guard.code}`] : [])));
    expect(new Set(cases.map(([, , e, code]) => `${e.type} ${code}`))).toEqual(new Set(guards));
    for (const [record, log, e, code, field] of cases) {
      const guard = rowOf(e.type).checks.flatMap((k) => ('guard' in k && k.guard.code === code ? [k.guard] : []))[0]!;
      const st = [...log].reduce(afterEvent, logStart(record));
      expect(lastEventIssues(record, [...log, e]), JSON.stringify(e)).toEqual([said(code, guard.says(e, st, contextOf(record)), field)]);
    }
  });

  it('after a final event only the report follows, and on a 处分 record the deciding body’s own events after a correction', () => {
    const [any, sanction] = WALK_RECORDS;
    const d = DECIDED_ON;
    const corrected: LifecycleEvent = { type: 'record-corrected', date: d, outcome: 'revoked', by: 'office' };
    const revoked: LifecycleEvent = { type: 'sanction-revoked', date: d, by: 'board' };
    for (const type of LIFECYCLE_EVENT_TYPES) {
      const [e] = validEvents(type, 1);
      const after = (record: CreditRecord, final: LifecycleEvent) => lastEventIssues(record, [final, e!]).map((i) => i.code);
      if (EVENTS_AFTER_FINAL.includes(type)) {
        expect(after(any!, corrected)).toEqual([]);
        // The report follows a correction only (TH-10), whatever else was final.
        expect(after(sanction!, revoked)).toEqual(['report_without_correction']);
        continue;
      }
      expect(after(any!, corrected), type).toEqual(['after_final']);
      expect(after(sanction!, revoked), type).toEqual(['after_final']);
      expect(after(sanction!, corrected), type).toEqual(SANCTION_EVENT_TYPES.includes(type) ? [] : ['after_final']);
    }
  });

  it('what the table allows next is what the validator accepts next, on random walks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WALK_RECORDS), fc.array(fc.nat({ max: 99 }), { maxLength: 6 }), (record, picks) => {
        const c = contextOf(record);
        let st = logStart(record);
        const log: LifecycleEvent[] = [];
        for (const pick of picks) {
          const allowed = new Set(allowedNext(st, c));
          for (const type of LIFECYCLE_EVENT_TYPES) {
            for (const e of validEvents(type, log.length)) expect(issuesOf(record, [...log, e]).length === 0, `${type} after ${JSON.stringify(log)}`).toBe(allowed.has(type));
          }
          const options = [...allowed].flatMap((t) => validEvents(t, log.length));
          if (options.length === 0) break;
          const e = options[pick % options.length]!;
          log.push(e);
          st = afterEvent(st, e);
        }
      }),
      { numRuns: 300, seed: 24 },
    );
  });
});
