/**
 * The library's own words, as a personnel officer reads them (issue 23): every note, mitigation
 * message, reason and obligation text of the decisions of every golden case and every example, the
 * explain() text of each, and every text of every shipped pack (names, notes, readings, why a clause
 * is handled elsewhere, rule descriptions and notes). In zh-CN no English word outside ids and clause
 * codes; in either language no raw field name, `null`, `undefined`, code identifier or untranslated id.
 * The playground shows these texts; test/browser/readable.browser.ts checks the page itself.
 */
import { coverageNoteText, plainCoverageAdvice } from '../../src/decision/_internal/coverageNote.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate, explain, getPack, listPacks, untyped, type Decision, type LocalizedText } from '../../src/index.js';
import { describeProblems, knownWords, readingProblems, type Seen } from '../_support/readableWords.js';

const root = join(import.meta.dirname, '..', '..');

interface Question {
  where: string;
  query: Record<string, unknown>;
  policy?: Record<string, unknown>;
}

const questions: Question[] = [];
for (const dir of readdirSync(join(root, 'test', 'cases'), { withFileTypes: true })) {
  if (!dir.isDirectory()) continue;
  for (const f of readdirSync(join(root, 'test', 'cases', dir.name)).filter((x) => x.endsWith('.json')).sort()) {
    const file = JSON.parse(readFileSync(join(root, 'test', 'cases', dir.name, f), 'utf8')) as { cases: { name: string; query: Record<string, unknown>; host?: { policy: Record<string, unknown> }; expect: { error?: unknown } }[] };
    for (const c of file.cases) if (!c.expect.error) questions.push({ where: `test/cases/${dir.name}/${f} «${c.name}»`, query: c.query, ...(c.host ? { policy: c.host.policy } : {}) });
  }
}
// A deadline that runs into a year without a holiday schedule (a calendar-coverage note).
questions.push({
  where: 'an objection received 2026-12-15 under 通化 (the reply falls in 2027)',
  query: {
    pack: 'cn-jl-tonghua',
    action: 'promotion',
    asOf: '2026-12-20',
    subject: { id: 'p-2027', kind: 'civil-servant', records: [{ id: 'r1', kind: 'administrative-penalty', occurredOn: '2026-08-20', decidedOn: '2026-10-09', determinedBy: 'm-1', events: [{ type: 'objection-filed', date: '2026-12-15', channel: 'determining-department' }] }] },
  },
});
for (const dir of ['examples/subjects', 'site/examples']) {
  for (const f of readdirSync(join(root, dir)).filter((x) => x.endsWith('.json')).sort()) {
    const ex = JSON.parse(readFileSync(join(root, dir, f), 'utf8')) as { subject: unknown; asOf: string; assessmentYear?: number; expect: { pack: string; action: string; asOf?: string; assessmentYear?: number }[] };
    ex.expect.forEach((e, i) => {
      const annual = e.action === 'excellent-rating' || e.action === 'annual-rating';
      const asOf = e.asOf ?? ex.asOf;
      questions.push({
        where: `${dir}/${f} #${i}`,
        query: { pack: e.pack, subject: ex.subject, action: e.action, asOf, ...(annual ? { assessmentYear: e.assessmentYear ?? ex.assessmentYear ?? Number(asOf.slice(0, 4)) } : {}) },
      });
    });
  }
}

async function decide(q: Question): Promise<Decision | null> {
  try {
    if (q.policy) {
      const { pack, ...rest } = q.query;
      return createEvaluator(pack as string, { policy: q.policy as never }).evaluate(untyped(rest));
    }
    return await evaluate(untyped(q.query));
  } catch {
    return null; // a case that expects a refusal of another kind (the golden suite checks those)
  }
}

const decided = (await Promise.all(questions.map(async (q) => ({ q, d: await decide(q) })))).filter((x): x is { q: Question; d: Decision } => x.d !== null);
const known = knownWords(decided.map((x) => x.d), questions.map((q) => q.query.subject));

/** The texts of a decision a person reads, by where they are. */
function decisionTexts(d: Decision): [string, LocalizedText][] {
  return [
    ...d.reasons.flatMap((r, i): [string, LocalizedText][] => [[`reasons[${i}].description`, r.description], ...(r.uncertain ? ([[`reasons[${i}].uncertain.message`, r.uncertain.message]] as [string, LocalizedText][]) : [])]),
    ...[...d.priority, ...d.incentives].map((b, i): [string, LocalizedText] => [`benefits[${i}].description`, b.description]),
    ...d.mitigation.map((m, i): [string, LocalizedText] => [`mitigation[${i}].message`, m.message]),
    ...d.obligations.map((o, i): [string, LocalizedText] => [`obligations[${i}].description`, o.description]),
    // A calendar-coverage note's text names the library's options, for a host's developers; every
    // reader replaces that advice in its own terms (explain() below, the CLI, the playground).
    ...d.notes.map((n, i): [string, LocalizedText] => [`notes[${i}] (${n.code})`, n.code === 'calendar-coverage' ? { 'zh-CN': coverageNoteText(n, 'zh-CN', plainCoverageAdvice), en: coverageNoteText(n, 'en', plainCoverageAdvice) } : n.message]),
  ];
}

function packTexts(id: string): [string, LocalizedText][] {
  const p = getPack(id);
  return [
    ['name', p.name],
    ...(p.document.note ? ([['document.note', p.document.note]] as [string, LocalizedText][]) : []),
    ...p.clauses.flatMap((c): [string, LocalizedText][] => [
      [`clause ${c.id} reading`, c.reading],
      ...(c.handledBy ? ([[`clause ${c.id} handledBy.why`, c.handledBy.why]] as [string, LocalizedText][]) : []),
    ]),
    ...p.rules.flatMap((r): [string, LocalizedText][] => [[`rule ${r.id} description`, r.description], ...(r.note ? ([[`rule ${r.id} note`, r.note]] as [string, LocalizedText][]) : [])]),
  ];
}

function problems(texts: [string, LocalizedText][], where: string): { 'zh-CN': string; en: string } {
  const seen = (l: 'zh-CN' | 'en'): Seen[] => texts.map(([w, t]) => ({ text: t[l], where: `${where} ${w}`, how: 'text' }));
  return { 'zh-CN': describeProblems(readingProblems(seen('zh-CN'), 'zh-CN', known), 40), en: describeProblems(readingProblems(seen('en'), 'en', known), 40) };
}

describe('the library’s texts in a person’s words', () => {
  it('covers every golden case and example that decides', () => {
    expect(decided.length).toBeGreaterThan(300);
  });

  it('decisions: reasons, mitigation, obligations and notes', () => {
    const found = decided.map(({ q, d }) => problems(decisionTexts(d), q.where));
    expect(found.map((f) => f['zh-CN']).filter(Boolean).join('\n')).toBe('');
    expect(found.map((f) => f.en).filter(Boolean).join('\n')).toBe('');
  });

  it('explain() in zh-CN and en', () => {
    const seen = (l: 'zh-CN' | 'en'): Seen[] => decided.flatMap(({ q, d }) => explain(d, { locale: l }).split('\n').map((line) => ({ text: line, where: `${q.where} explain`, how: 'text' as const })));
    expect(describeProblems(readingProblems(seen('zh-CN'), 'zh-CN', known), 40)).toBe('');
    expect(describeProblems(readingProblems(seen('en'), 'en', known), 40)).toBe('');
  });

  it('the examples the playground offers: titles and situations', () => {
    const texts: [string, LocalizedText][] = [];
    for (const dir of ['examples/subjects', 'site/examples']) {
      for (const f of readdirSync(join(root, dir)).filter((x) => x.endsWith('.json')).sort()) {
        const ex = JSON.parse(readFileSync(join(root, dir, f), 'utf8')) as { title: LocalizedText; situation: LocalizedText };
        texts.push([`${dir}/${f} title`, ex.title], [`${dir}/${f} situation`, ex.situation]);
      }
    }
    const found = problems(texts, 'example');
    expect(found['zh-CN']).toBe('');
    expect(found.en).toBe('');
  });

  it.each(listPacks().map((p) => p.id))('pack %s: names, notes, readings, handled-by reasons, rule descriptions', (id) => {
    const found = problems(packTexts(id), id);
    expect(found['zh-CN']).toBe('');
    expect(found.en).toBe('');
  });
});
