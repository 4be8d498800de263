import { toOptions } from '../_lib/input.js';
import { buildContext } from './_internal/context.js';
import { DERIVED_SUFFIX, statesKnownOn } from '../lifecycle/internal.js';
import type { DateInput } from '../model/date.js';
import type { SubjectInput } from '../model/input.js';
import type { Untyped } from '../model/untyped.js';
import type { Pack } from '../model/pack.js';
import { parseQuery } from '../model/parse.js';
import type { CreditRecord } from '../model/record.js';

export interface DerivedRecords {
  /** Records derived for the subject itself (the unit, 单位). */
  subject: CreditRecord[];
  /** Records derived for the responsible persons the host named on the rectification order (个人), by person id. */
  persons: Record<string, CreditRecord[]>;
}

/**
 * Records the pack derives from a subject's records as of a day. Guangdong (GD-7): a
 * rectification not completed by its due date is "记入单位和个人政务失信记录" — a
 * `rectification-overdue` record for the unit, dated the day after the due date, and the same for
 * the responsible person when the rectification order names one. `evaluate` already counts the
 * unit's own derived records; attach `persons[id]` to that person's subject to count theirs.
 *
 * @param subject - the unit (or person) whose records carry `rectification-ordered` events.
 * @param options.asOf - the day of the question; only records due before it are derived.
 * @param options.pack - a pack with a derivation (`cn-gd`); other packs derive nothing.
 * @returns the derived records, each with `meta.derivedFrom` and `meta.clauses`.
 * @example
 * const { persons } = derivedRecords(department, { asOf: '2026-09-01', pack: 'cn-gd' });
 * await evaluate({ pack: 'cn-gd', subject: { ...person, records: [...person.records, ...persons[person.id]] }, … });
 */
export function derivedRecords(subject: SubjectInput | Untyped, options: { asOf: DateInput; pack: string | Pack }): DerivedRecords {
  const o = toOptions(options, ['options'], ['asOf', 'pack']);
  const query = parseQuery({ pack: o.pack, subject, action: 'honour-selection', asOf: o.asOf });
  const ctx = buildContext(query);
  const out: DerivedRecords = { subject: [], persons: {} };
  const asOf = query.asOf;
  const states = statesKnownOn(ctx.lifecycle, asOf);
  for (const s of states) {
    if (!s.derived || s.effectiveFrom > asOf) continue;
    const fromId = s.id.slice(0, -DERIVED_SUFFIX.length);
    const origin = states.find((x) => x.id === fromId)!;
    const record: CreditRecord = {
      id: s.id,
      kind: 'rectification-overdue',
      occurredOn: s.effectiveFrom,
      decidedOn: s.effectiveFrom,
      description: `未按时完成整改（整改期限 ${origin.rectification?.dueOn}${origin.rectification?.rolled ? `，逢休息日顺延至 ${origin.rectification.lastDay}（民法典第二百零三条）` : ''}），依 ${ctx.derivation!.clauses.join('、')} 记入政务失信记录`,
      meta: { derivedFrom: `${ctx.subject.id}/${fromId}`, clauses: ctx.derivation!.clauses, pack: ctx.derivation!.pack },
    };
    out.subject.push(record);
    const person = origin.rectification?.responsiblePerson;
    if (person) (out.persons[person] ??= []).push({ ...record, id: `${ctx.subject.id}/${s.id}` });
  }
  return out;
}
