/**
 * The shared label tables (labelOf) and the end-day convention (effectPeriodText) that explain(),
 * the CLI and the playground use (issue 23).
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, DEFAULT_POLICY, LIFECYCLE_EVENT_TYPES, RECORD_KINDS, SANCTIONS, effectPeriodText, labelOf, type LabelGroup } from '../../src/index.js';

describe('labelOf', () => {
  it('names every event type, action, record kind, sanction and policy option in both languages, never by its id', () => {
    const sets: [LabelGroup, readonly string[]][] = [
      ['eventType', LIFECYCLE_EVENT_TYPES],
      ['action', ACTIONS],
      ['recordKind', RECORD_KINDS],
      ['sanction', SANCTIONS],
      ['policy', Object.keys(DEFAULT_POLICY)],
    ];
    for (const [group, ids] of sets) {
      for (const id of ids) {
        expect(labelOf(group, id), `${group} ${id}`).not.toBe(id);
        expect(labelOf(group, id, 'en'), `${group} ${id}`).not.toMatch(/[\u4e00-\u9fff]{3}/);
        expect(labelOf(group, id)).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(labelOf('eventType', 'sanction-revoked')).toBe('撤销处分决定');
    expect(labelOf('eventType', 'record-corrected', 'en')).toBe('record corrected or revoked by its authority');
    expect(labelOf('verification', 'paraphrase')).toBe('转述，非原文');
    expect(labelOf('field', 'decidedOn', 'en')).toBe('Decided on');
  });

  it('shows an id it does not know as it is, including the names of Object.prototype', () => {
    expect(labelOf('recordStatus', 'some-later-status')).toBe('some-later-status');
    expect(labelOf('action', '__proto__')).toBe('__proto__');
    expect(labelOf('action', 'toString', 'en')).toBe('toString');
  });
});

describe('effectPeriodText: end days are last days, included', () => {
  it('a record with a known end: its first day to the day before effectiveUntil', () => {
    expect(effectPeriodText({ effectiveFrom: '2026-03-15', effectiveUntil: '2026-09-16' })).toBe('2026-03-15 至 2026-09-15');
    expect(effectPeriodText({ effectiveFrom: '2026-03-15', effectiveUntil: '2026-09-16' }, 'en')).toBe('2026-03-15 to 2026-09-15');
    // Across a month end and a leap day.
    expect(effectPeriodText({ effectiveFrom: '2027-08-29', effectiveUntil: '2028-03-01' })).toBe('2027-08-29 至 2028-02-29');
  });

  it('a record nothing known ends, and one without a day of effect', () => {
    expect(effectPeriodText({ effectiveFrom: '2026-03-15', effectiveUntil: null })).toBe('2026-03-15 起');
    expect(effectPeriodText({ effectiveFrom: '2026-03-15', effectiveUntil: null }, 'en')).toBe('from 2026-03-15');
    expect(effectPeriodText({ effectiveFrom: '2026-03-15', effectiveUntil: '2026-03-15' })).toBe('未生效');
  });
});
