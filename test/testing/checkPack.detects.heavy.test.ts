/**
 * checkPack must catch what it promises to catch: packs and evaluators broken on purpose, each
 * reported with a small shrunk counterexample.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { untyped, evaluate, getPack, type Decision, type Pack } from '../../src/index.js';
import { checkPack, formatCheck } from '../../src/testing/index.js';
import { explanationFinding } from '../../src/testing/_internal/invariants.js';
import { SEED } from './_support.js';

const here = dirname(fileURLToPath(import.meta.url));

/** A host pack with a rule that is not monotone: it bars promotion when the file is empty. */
function nonMonotonePack(): Pack {
  const p = structuredClone(getPack('cn-yn'));
  p.id = 'test-non-monotone';
  p.rules.push({
    id: 'bar-clean-files',
    clauses: ['YN-2'],
    description: { 'zh-CN': '（测试用）档案无记录者不得晋升', en: '(test) no promotion with a clean file' },
    subjects: ['civil-servant'],
    scope: 'subject',
    actions: ['promotion'],
    records: 'counted',
    conditions: { all: [{ fact: 'subject', path: 'countedRecords', operator: 'equal', value: 0 }] },
    verdict: 'barred',
    mitigable: true,
  });
  return p;
}

describe('checkPack finds broken promises', () => {
  it('a non-monotone rule: adding a record lowers the verdict, or revoking one raises it', { timeout: 120_000 }, async () => {
    const r = await checkPack(nonMonotonePack(), { numRuns: 200, seed: SEED, invariants: ['monotonicity'], actions: ['promotion'] });
    expect(r.ok).toBe(false);
    const v = r.violations.find((x) => x.invariant === 'monotonicity')!;
    const text = formatCheck(r, { locale: 'en' });
    expect(['added-record', 'revoked'], text).toContain(v.variant);
    expect(v.inlinePack).toBe(true);
    expect(v.query?.pack).toBe('test-non-monotone');
    // Shrunk: an empty file plus the added record, or the one record that gets revoked.
    expect((v.query?.subject.records ?? []).length, text).toBe(v.variant === 'added-record' ? 0 : 1);
    expect(v.variantQuery?.subject.records).toHaveLength(1);
    expect(text).toContain(`seed ${SEED}`);
    // Each check on its own finds its own counterexample.
    const added = await checkPack(nonMonotonePack(), { numRuns: 100, seed: 3, invariants: ['monotonicity'], actions: ['promotion'], maxRecords: 0 });
    expect(added.violations[0]?.variant).toBe('added-record');
    expect(added.violations[0]?.query?.subject.records).toBeUndefined();
  });

  it('a fast evaluator that disagrees with json-rules-engine', { timeout: 120_000 }, async () => {
    const wrong = (pack: string | Pack) => ({
      evaluate: async (q: object) => {
        const d = await evaluate(untyped({ ...q, pack }));
        const records = (q as { subject: { records?: unknown[] } }).subject.records ?? [];
        return records.length >= 2 ? { ...d, verdict: 'clear' as const } : d;
      },
    });
    const r = await checkPack('cn-tj-binhai', { numRuns: 200, seed: SEED, invariants: ['reference'], reference: wrong });
    const v = r.violations[0]!;
    expect(v.invariant).toBe('reference');
    expect(v.difference?.path).toBe('verdict');
    expect(v.query?.subject.records).toHaveLength(2);
  });

  it('a library that answers differently under another TZ (child process)', { timeout: 120_000 }, async () => {
    const loader = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'loader.mjs');
    const r = await checkPack('cn-gd', {
      numRuns: 150,
      seed: SEED,
      invariants: ['timezone'],
      timeZones: ['America/Los_Angeles', 'Pacific/Kiritimati'],
      childEntry: { url: pathToFileURL(join(here, '_fixtures', 'tzSkewed.ts')).href, execArgv: ['--import', pathToFileURL(loader).href] },
    });
    const v = r.violations[0]!;
    expect(v?.invariant, formatCheck(r, { locale: 'en' })).toBe('timezone');
    expect(v.variant).toBe('Pacific/Kiritimati');
    expect(v.difference?.path).toMatch(/^reasons/);
    expect(r.invariants.find((i) => i.name === 'timezone')?.note).toContain('UTC offset 14h');
  });

  it('a decision whose reason misquotes its clause, or has no reason', async () => {
    const pack = getPack('cn-tj-binhai');
    const chain = [getPack('cn-national'), pack];
    const d: Decision = await evaluate({
      pack: 'cn-tj-binhai',
      subject: { id: 'p1', kind: 'civil-servant', records: [{ id: 'r1', kind: 'accountability', decidedOn: '2026-03-01' }] },
      action: 'excellent-rating',
      asOf: '2026-12-31',
      assessmentYear: 2026,
    });
    expect(explanationFinding(d, chain)).toBeNull();
    const misquoted = structuredClone(d);
    misquoted.reasons[0]!.clauses[0]!.quote += '。';
    expect(explanationFinding(misquoted, chain)?.variant).toBe('quote');
    expect(explanationFinding({ ...d, reasons: [] }, chain)?.variant).toBe('no-reason');
    expect(explanationFinding({ ...d, verdict: 'review' }, chain)?.variant).toBe('verdict-is-max');
  });

  it('skips the reference invariant, and says why, when no evaluator is given', async () => {
    const r = await checkPack('cn-gd', { numRuns: 5, seed: 1, reference: null, timeZones: false });
    expect(r.invariants.find((i) => i.name === 'reference')?.status).toBe('skipped');
    expect(r.invariants.find((i) => i.name === 'timezone')?.status).toBe('skipped');
  });

  it('skips the timezone invariant, with the reason, when the children cannot start', { timeout: 60_000 }, async () => {
    const r = await checkPack('cn-gd', { numRuns: 5, seed: 1, invariants: ['timezone'], childEntry: { url: pathToFileURL(join(here, 'no-such-entry.mjs')).href, execArgv: [] } });
    const tz = r.invariants.find((i) => i.name === 'timezone')!;
    expect(tz.status).toBe('skipped');
    expect(tz.note).toMatch(/exited/);
  });
});
