import { describe, expect, it } from 'vitest';
import { untyped } from '../../src/model/untyped.js';
import {
  ConfidentialRecordError,
  evaluate,
  getPack,
  InvalidEventLogError,
  InvalidInputError,
  InvalidPackError,
  loadPack,
  UnknownPackError,
  type GovCreditError,
} from '../../src/index.js';

const person = { id: 'p1', kind: 'civil-servant' };
const good = { pack: 'cn-tj-binhai', subject: person, action: 'promotion', asOf: '2026-06-01' };
const rec = (extra: Record<string, unknown>) => ({ id: 'r1', kind: 'administrative-penalty', decidedOn: '2026-03-01', ...extra });
const withRecord = (extra: Record<string, unknown>) => ({ ...good, subject: { ...person, records: [rec(extra)] } });

type ErrorClass = new (...args: never[]) => GovCreditError;
const queries: [string, unknown, ErrorClass, (string | number)[]][] = [
  ['not an object', 'cn-gd', InvalidInputError, []],
  ['missing asOf', { ...good, asOf: undefined }, InvalidInputError, ['asOf']],
  ['impossible date', { ...good, asOf: '2026-02-30' }, InvalidInputError, ['asOf']],
  ['slashes in a date', { ...good, asOf: '2026/10/01' }, InvalidInputError, ['asOf']],
  ['invalid Date object', { ...good, asOf: new Date(Number.NaN) }, InvalidInputError, ['asOf']],
  ['unknown action', { ...good, action: 'dismissal' }, InvalidInputError, ['action']],
  ['unknown subject kind', { ...good, subject: { id: 'x', kind: 'ngo' } }, InvalidInputError, ['subject', 'kind']],
  ['missing subject id', { ...good, subject: { kind: 'civil-servant' } }, InvalidInputError, ['subject', 'id']],
  ['unknown record kind', withRecord({ kind: 'rumour' }), InvalidInputError, ['subject', 'records', 0, 'kind']],
  ['sanction record without sanction', withRecord({ kind: 'disciplinary-sanction' }), InvalidInputError, ['subject', 'records', 0, 'sanction']],
  ['sanction on a non-sanction record', withRecord({ sanction: 'warning' }), InvalidInputError, ['subject', 'records', 0, 'sanction']],
  ['occurred after decided', withRecord({ occurredOn: '2026-04-01' }), InvalidInputError, ['subject', 'records', 0, 'occurredOn']],
  ['unknown key (typo)', withRecord({ decidedon: '2026-03-01' }), InvalidInputError, ['subject', 'records', 0]],
  ['__proto__ key in a record', { ...good, subject: { ...person, records: [JSON.parse('{"id":"r1","kind":"accountability","decidedOn":"2026-03-01","__proto__":{"polluted":true}}')] } }, InvalidInputError, ['subject', 'records', 0, '__proto__']],
  ['__proto__ in meta', { ...good, subject: { ...person, meta: JSON.parse('{"__proto__":{"x":1}}') } }, InvalidInputError, ['subject', 'meta', '__proto__']],
  ['constructor key in an event', withRecord({ events: [JSON.parse('{"type":"repaired","date":"2026-04-01","constructor":{"prototype":{}}}')] }), InvalidInputError, ['subject', 'records', 0, 'events', 0, 'constructor']],
  ['duplicate record ids', { ...good, subject: { ...person, records: [rec({}), rec({})] } }, InvalidInputError, ['subject', 'records', 1, 'id']],
  ['unknown event type', withRecord({ events: [{ type: 'forgiven', date: '2026-04-01' }] }), InvalidInputError, ['subject', 'records', 0, 'events', 0, 'type']],
  ['unknown self-correction measure', withRecord({ selfCorrection: { date: '2026-03-05', measures: ['apologised'] } }), InvalidInputError, ['subject', 'records', 0, 'selfCorrection', 'measures', 0]],
  ['action not applicable to a department', { ...good, subject: { id: 'd', kind: 'department' } }, InvalidInputError, ['action']],
  ['annual action without assessment year', { ...good, action: 'excellent-rating' }, InvalidInputError, ['assessmentYear']],
  ['assessment year after asOf', { ...good, action: 'excellent-rating', assessmentYear: 2027 }, InvalidInputError, ['assessmentYear']],
  ['fractional assessment year', { ...good, action: 'annual-rating', assessmentYear: 2025.5 }, InvalidInputError, ['assessmentYear']],
  ['policy with unknown option', { ...good, policy: { strictness: 'high' } }, InvalidInputError, ['policy']],
  ['policy lighter that raises', { ...good, policy: { lighterLowersTo: { barred: 'restricted', restricted: 'barred', review: 'review' } } }, InvalidInputError, ['policy', 'lighterLowersTo', 'restricted']],
  ['managed under CSL on a body', { ...good, action: 'honour-selection', subject: { id: 'd', kind: 'department', managedUnderCivilServantLaw: true } }, InvalidInputError, ['subject', 'managedUnderCivilServantLaw']],
  ['unknown pack id', { ...good, pack: 'cn-xx' }, UnknownPackError, ['pack']],
  ['confidential record (TH-6)', withRecord({ confidential: true }), ConfidentialRecordError, ['subject', 'records', 0, 'confidential']],
  ['reply without objection', withRecord({ events: [{ type: 'objection-replied', date: '2026-04-01', outcome: 'upheld' }] }), InvalidEventLogError, ['subject', 'records', 0, 'events', 0]],
  ['events out of order', withRecord({ events: [{ type: 'objection-filed', date: '2026-04-02', channel: 'credit-platform' }, { type: 'objection-replied', date: '2026-04-01', outcome: 'upheld' }] }), InvalidEventLogError, ['subject', 'records', 0, 'events', 1]],
  ['event before the decision', withRecord({ events: [{ type: 'repaired', date: '2026-02-01' }] }), InvalidEventLogError, ['subject', 'records', 0, 'events', 0]],
  ['two final outcomes', withRecord({ events: [{ type: 'objection-filed', date: '2026-04-01', channel: 'credit-platform' }, { type: 'objection-replied', date: '2026-04-02', outcome: 'revoked' }, { type: 'objection-filed', date: '2026-04-03', channel: 'credit-platform' }] }), InvalidEventLogError, ['subject', 'records', 0, 'events', 2]],
  ['two mitigation decisions', withRecord({ mitigation: { date: '2026-04-01', outcome: 'lighter', by: 'a' }, events: [{ type: 'mitigation-decided', date: '2026-04-02', outcome: 'exempt', by: 'b' }] }), InvalidEventLogError, ['subject', 'records', 0, 'events', 0]],
];

describe('malformed queries get the right error class and path', () => {
  it('has at least 20 cases', () => expect(queries.length).toBeGreaterThanOrEqual(20));
  for (const [name, input, cls, path] of queries) {
    it(name, async () => {
      const err = await evaluate(untyped(input)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(cls);
      const issues = (err as GovCreditError).issues;
      expect(issues.length).toBeGreaterThan(0);
      expect(issues.map((i) => i.path)).toContainEqual(path);
      for (const i of issues) {
        expect(i.message['zh-CN'].length).toBeGreaterThan(0);
        expect(i.message.en.length).toBeGreaterThan(0);
      }
    });
  }
  it('never pollutes Object.prototype', () => expect(({} as Record<string, unknown>).polluted).toBeUndefined());
});

const base = () => structuredClone(getPack('cn-tj-binhai')) as unknown as Record<string, any>;
const edit = (f: (p: Record<string, any>) => void) => {
  const p = base();
  p.id = 'host-test';
  f(p);
  return p;
};
const packs: [string, unknown, (string | number)[], RegExp?][] = [
  ['unknown fact', edit((p) => (p.rules[0].conditions.all[0].fact = 'person')), ['rules', 0, 'conditions', 'all', 0, 'fact'], /rule tjb-2-unit-honour-bar/],
  ['JSONPath path', edit((p) => (p.rules[0].conditions.all[0].path = '$..kind')), ['rules', 0, 'conditions', 'all', 0, 'path']],
  ['script in a path', edit((p) => (p.rules[1].conditions.all[0].path = "$[?(@.constructor.constructor('return process')())]")), ['rules', 1, 'conditions', 'all', 0, 'path']],
  ['unknown field', edit((p) => (p.rules[0].conditions.all[0].path = 'isIntegrity')), ['rules', 0, 'conditions', 'all', 0, 'path']],
  ['unknown operator', edit((p) => (p.rules[0].conditions.all[0].operator = 'regex')), ['rules', 0, 'conditions', 'all', 0, 'operator']],
  ['unknown verdict', edit((p) => (p.rules[2].verdict = 'forbidden')), ['rules', 2, 'verdict'], /rule tjb-4-excellent-bar/],
  ['unknown clause id', edit((p) => (p.rules[2].clauses = ['TJB-9'])), ['rules', 2, 'clauses', 0]],
  ['rule with no clause', edit((p) => (p.rules[2].clauses = [])), ['rules', 2, 'clauses']],
  ['clause neither encoded nor explained', edit((p) => p.clauses.push({ id: 'TJB-6', section: '二', quote: '某条文内容', reading: { 'zh-CN': '读', en: 'read' } })), ['clauses', 5]],
  ['__proto__ key in a condition', edit((p) => (p.rules[0].conditions = JSON.parse('{"all":[{"__proto__":{"x":1},"fact":"record","path":"kind","operator":"equal","value":"accountability"}]}'))), ['rules', 0, 'conditions', 'all', 0, '__proto__']],
  ['fact reference as a value', edit((p) => (p.rules[0].conditions.all[0].value = { fact: 'subject', path: 'kind' })), ['rules', 0, 'conditions', 'all', 0, 'value']],
  ['value outside the field vocabulary', edit((p) => (p.rules[0].conditions = { all: [{ fact: 'record', path: 'kind', operator: 'equal', value: 'judgement' }] })), ['rules', 0, 'conditions', 'all', 0, 'value']],
  ['a leaf at the top level', edit((p) => (p.rules[0].conditions = { fact: 'record', path: 'kind', operator: 'equal', value: 'accountability' })), ['rules', 0, 'conditions']],
  ['subject rule reading the record', edit((p) => (p.rules[2].scope = 'subject')), ['rules', 2, 'conditions', 'all', 0, 'fact']],
  ['action that fits none of the subjects', edit((p) => (p.rules[0].actions = ['promotion'])), ['rules', 0, 'actions', 0]],
  ['extends itself', edit((p) => (p.extends = ['host-test'])), ['extends']],
  ['bad id', edit((p) => (p.id = 'Bad Id!')), ['id']],
];

describe('malformed packs are refused with the pack, rule and field named', () => {
  it('has at least 10 cases', () => expect(packs.length).toBeGreaterThanOrEqual(10));
  for (const [name, json, path, message] of packs) {
    it(name, () => {
      let err: unknown = null;
      try {
        loadPack(json);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InvalidPackError);
      const issues = (err as GovCreditError).issues;
      expect(issues.map((i) => i.path)).toContainEqual(path);
      const hit = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path))!;
      expect(hit.message.en).toMatch(/^pack /);
      if (message) expect(hit.message.en).toMatch(message);
    });
  }
  it('refuses an unknown parent with UnknownPackError', () => {
    expect(() => loadPack(edit((p) => (p.extends = ['cn-atlantis'])))).toThrow(UnknownPackError);
  });
  it('refuses taking a shipped id', () => {
    expect(() => loadPack(base())).toThrow(InvalidPackError);
  });
  it('an inline pack that fails validation is an InvalidPackError', async () => {
    await expect(evaluate(untyped({ ...good, pack: edit((p) => (p.rules[0].verdict = 'nope')) }))).rejects.toBeInstanceOf(InvalidPackError);
  });
});
