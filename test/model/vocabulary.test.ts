import { describe, expect, it } from 'vitest';
import { DecisionSchema } from '../../src/model/decision.js';
import { LifecycleEventSchema } from '../../src/model/events.js';
import { STATE_LABELS } from '../../src/model/labels.js';
import { PackSchema } from '../../src/model/pack.js';
import * as vocabulary from '../../src/model/vocabulary.js';
import { labelOf } from '../../src/decision/labelOf.js';

// Parity in the style of zod's locale parity test: every list is read from its owner
// (model/vocabulary.ts) and every table that names its values must name exactly those.
const V = vocabulary;
const sets: [string, readonly string[], Readonly<Record<string, unknown>>][] = [
  ['subjectKind', V.SUBJECT_KINDS, V.LABELS.subjectKind],
  ['recordKind', V.RECORD_KINDS, V.LABELS.recordKind],
  ['severity', V.SEVERITIES, V.LABELS.severity],
  ['publicServiceRole', V.PUBLIC_SERVICE_ROLES, V.LABELS.publicServiceRole],
  ['sanction', V.SANCTIONS, V.LABELS.sanction],
  ['action', V.ACTIONS, V.LABELS.action],
  ['verdict', V.VERDICTS, V.LABELS.verdict],
  ['obligation', V.OBLIGATION_KINDS, V.LABELS.obligation],
  ['mitigation', V.MITIGATION_OUTCOMES, V.LABELS.mitigation],
  ['organisationalMeasure', V.ORGANISATIONAL_MEASURES, V.LABELS.organisationalMeasure],
  ['investigationOutcome', V.INVESTIGATION_OUTCOMES, V.LABELS.investigationOutcome],
  ['measure', V.SELF_CORRECTION_MEASURES, V.LABELS.measure],
  ['recordStatus', V.RECORD_STATUSES, V.RECORD_STATUS_LABELS],
  ['deadlineKind', V.RECORD_DEADLINE_KINDS, V.DEADLINE_KIND_LABELS],
  ['deadlineState', V.RECORD_DEADLINE_STATES, V.DEADLINE_STATE_LABELS],
  ['mitigationStatus', V.MITIGATION_STATUSES, V.MITIGATION_STATUS_LABELS],
  ['eventType', [...V.LIFECYCLE_EVENT_TYPES, 'honour'], V.EVENT_TYPE_LABELS],
  ['timelineCause', V.TIMELINE_CAUSE_KINDS, V.TIMELINE_CAUSE_LABELS],
  ['handledBy', V.HANDLED_BY_KINDS, V.HANDLED_BY_LABELS],
  ['channel', V.OBJECTION_CHANNELS, V.CHANNEL_LABELS],
  ['objectionOutcome', V.OBJECTION_OUTCOMES, V.OBJECTION_OUTCOME_LABELS],
  ['honourLevel', V.HONOUR_LEVELS, V.HONOUR_LEVEL_LABELS],
  ['organ', V.ORGANS, V.ORGAN_LABELS],
  ['verification', V.VERIFICATIONS, V.VERIFICATION_LABELS],
  ['noteSource', V.NOTE_SOURCES, V.NOTE_SOURCE_LABELS],
  ['dayKind', V.DAY_KINDS, V.DAY_KIND_LABELS],
];

const enumOf = (schema: unknown): string[] => (schema as { options: string[] }).options;

describe('model/vocabulary.ts owns every closed set and its words', () => {
  it.each(sets)('%s: the table names exactly the values of the list, in both languages', (group, list, table) => {
    expect(Object.keys(table).sort()).toEqual([...list].sort());
    for (const id of list) {
      const l = table[id] as { 'zh-CN': string; en: string };
      expect(l['zh-CN'].length, `${group}.${id}`).toBeGreaterThan(0);
      expect(l.en.length, `${group}.${id}`).toBeGreaterThan(0);
      // labelOf reads the same table: no group shadows another's words.
      expect(labelOf(group as 'verdict', id, 'zh-CN')).toBe(l['zh-CN']);
      expect(labelOf(group as 'verdict', id, 'en')).toBe(l.en);
    }
  });

  it('every label group labelOf knows is one of the sets above, or a policy option or input field', () => {
    const groups = new Set([...Object.keys(V.LABELS), ...Object.keys(STATE_LABELS)]);
    const covered = new Set([...sets.map((s) => s[0]), 'policy', 'field', 'evaluator', 'basis']);
    expect([...groups].filter((g) => !covered.has(g))).toEqual([]);
  });

  it('the schemas read their enums from the vocabulary', () => {
    expect(LifecycleEventSchema.options.map((o) => o.shape.type.value)).toEqual([...V.LIFECYCLE_EVENT_TYPES]);
    const d = DecisionSchema.shape;
    const record = d.records.element.shape;
    expect(enumOf(record.status)).toEqual([...V.RECORD_STATUSES]);
    expect(enumOf(d.deadlines.element.shape.kind)).toEqual([...V.RECORD_DEADLINE_KINDS]);
    expect(enumOf(d.deadlines.element.shape.state)).toEqual([...V.RECORD_DEADLINE_STATES]);
    expect(enumOf(d.mitigation.element.shape.status)).toEqual([...V.MITIGATION_STATUSES]);
    expect(enumOf(d.action)).toEqual([...V.ACTIONS]);
    const clause = PackSchema.shape.clauses.element.shape;
    expect(enumOf(clause.handledBy.unwrap().shape.kind)).toEqual([...V.HANDLED_BY_KINDS]);
  });

  it('derived sets are built from their lists', () => {
    expect(V.NOT_INTEGRITY_RECORD_KINDS).toEqual(['under-investigation', ...V.PERSONAL_STATUS_RECORD_KINDS]);
    for (const t of [...V.SANCTION_EVENT_TYPES, ...V.EVENTS_AFTER_FINAL]) expect(V.LIFECYCLE_EVENT_TYPES).toContain(t);
    for (const k of V.NOT_INTEGRITY_RECORD_KINDS) expect(V.RECORD_KINDS).toContain(k);
    // What a rule decides is every verdict but clear (listed last, so the list is VERDICTS without it).
    expect(V.VERDICTS.at(-1)).toBe('clear');
    expect(V.RULE_VERDICTS).toEqual(V.VERDICTS.filter((v) => v !== 'clear'));
    expect(V.DEADLINE_FUNCTION_KINDS).toEqual(expect.arrayContaining(V.RECORD_DEADLINE_KINDS.filter((k) => k !== 'sanction-period')));
  });
});
