/**
 * batch --decisions not-clear|none: each decided line's record carries `results` (screen's answers:
 * pack, action, verdict, clearFrom, and the Decision only where not clear / never) in place of
 * `decisions`, and equals projecting the `--decisions all` record; lines asked together go through
 * screenSubject, the others are decided query by query and projected, with the same output; the
 * reference evaluator projects evaluate's decisions; the flag parses, travels to worker threads,
 * refuses a bad value (exit 2) and is in the help.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { processChunk, type BatchDecisions, type ChunkResult, type ChunkTask } from '../../src/cli/_internal/batchCore.js';
import { decider } from '../../src/cli/_internal/evaluator.js';
import type { QueryDefaults } from '../../src/cli/_internal/queries.js';
import { getPack } from '../../src/index.js';
import { chunkTask, files, odd as oddLines, roster } from './_batchLines.js';
import { cli, run } from './_support.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

const odd = [
  ...oddLines,
  // A record under a pack object (not-clear answers under an inline pack), a department's record, not JSON.
  JSON.stringify({ subject: { id: 'q', kind: 'civil-servant', records: [{ id: 'r', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-01' }] }, pack: getPack('cn-gd'), policy: { recordLifetimeMonths: 12 } }),
  // One question (its own pack and action): decided and projected.
  JSON.stringify({ subject: { id: 'q1', kind: 'civil-servant', records: [{ id: 'r', kind: 'disciplinary-sanction', sanction: 'demerit', decidedOn: '2026-01-10' }] }, pack: 'cn-yn', action: 'promotion' }),
  JSON.stringify({ id: 'dep', kind: 'department', records: [{ id: 'r', kind: 'administrative-penalty', decidedOn: '2026-03-01' }] }),
  '{"id": ',
];
const lines = [...roster, ...files, ...odd];

function task(d: Partial<QueryDefaults>, decisions: BatchDecisions, input = lines): ChunkTask {
  return chunkTask(input, d, { decisions });
}

interface DecisionJson {
  pack: { id: string };
  action: string;
  verdict: string;
  clearFrom: string | null;
}

/**
 * The `--decisions all` output projected to a screening mode, as screen answers: every record
 * with `decisions` gets `results` in its place (same position); errors unchanged.
 */
function projected(all: ChunkResult, mode: 'not-clear' | 'none'): string[] {
  return all.out.map((l) => {
    const rec = JSON.parse(l) as Record<string, unknown>;
    if (!('decisions' in rec)) return l;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) {
      if (k !== 'decisions') out[k] = v;
      else {
        out.results = (v as DecisionJson[]).map((d) => ({
          pack: d.pack.id,
          action: d.action,
          verdict: d.verdict,
          clearFrom: d.clearFrom,
          ...(mode === 'not-clear' && d.verdict !== 'clear' ? { decision: d } : {}),
        }));
      }
    }
    return JSON.stringify(out);
  });
}

function sameCounts(a: ChunkResult, b: ChunkResult): void {
  expect(a.counts).toEqual(b.counts);
  expect([a.decisions, a.notApplicable, a.noYear, a.blank, a.lines]).toEqual([b.decisions, b.notApplicable, b.noYear, b.blank, b.lines]);
  expect(a.bad).toEqual(b.bad);
}

describe('batch --decisions not-clear|none: results, the Decision only where wanted', () => {
  const runs: [string, Partial<QueryDefaults>][] = [
    ['every pack and action, with a year', { packs: [...SHIPPED_PACKS], actions: 'all', asOf: '2026-11-20', year: 2026 }],
    ['two actions, no year, a policy, provisional years', { packs: ['cn-tj-binhai', 'cn-yn'], actions: ['promotion', 'honour-selection'], asOf: '2026-12-20', policy: { recordLifetimeMonths: 12 }, unknownYears: 'weekends-only' }],
    ['a repeated pack (decideSubject refuses it: asked query by query)', { packs: ['cn-gd', 'cn-gd'], actions: ['promotion', 'awards'], asOf: '2024-06-30' }],
    ['an annual action without a year: every person refused, the same errors', { packs: ['cn-yn', 'cn-nm'], actions: ['promotion', 'excellent-rating'], asOf: '2026-06-30' }],
  ];
  for (const [name, d] of runs) {
    it(name, async () => {
      const all = await processChunk(task(d, 'all'), decider());
      expect(all.out.length).toBe(lines.length);
      for (const mode of ['not-clear', 'none'] as const) {
        const screening = decider();
        const screenTogether = screening.screenTogether!;
        let together = 0;
        screening.screenTogether = (qs, m) => {
          together++;
          return screenTogether(qs, m);
        };
        const r = await processChunk(task(d, mode), screening);
        // Nearly every roster line is screened together (not the repeated pack's, which decideSubject refuses; not a body's single question).
        if (d.packs![0] !== d.packs![1]) expect(together).toBeGreaterThan(roster.length * 0.9);
        // Byte for byte the projection: results where decisions were, verdict and clearFrom of each
        // decision, the decision itself exactly where not clear (not-clear) or never (none).
        expect(r.out).toEqual(projected(all, mode));
        sameCounts(r, all);
      }
      if (d.year === 2026) {
        // The lines asked query by query were decided (not refused), one with a decision to project.
        const own = JSON.parse(all.out[roster.length + files.length]!) as { status: string };
        const single = JSON.parse(projected(all, 'not-clear')[lines.length - 3]!) as { status: string; results: { verdict: string; decision?: unknown }[] };
        expect([own.status, single.status, single.results.length, single.results[0]!.verdict, single.results[0]!.decision !== undefined]).toEqual(['ok', 'ok', 1, 'barred', true]);
      }
      const withDecision = projected(all, 'not-clear').filter((l) => l.includes('"decision":')).length;
      if (d.year !== undefined || !(d.actions as string[]).includes('excellent-rating')) expect(withDecision).toBeGreaterThan(0);
      else expect(all.bad.length).toBeGreaterThan(roster.length / 2);
    });
  }

  describe('the reference evaluator', () => {
    const saved = process.env.GOV_CREDIT_RULES_EVALUATOR;
    afterEach(() => {
      if (saved === undefined) delete process.env.GOV_CREDIT_RULES_EVALUATOR;
      else process.env.GOV_CREDIT_RULES_EVALUATOR = saved;
    });
    it('projects evaluate’s decisions: the same output as the compiled screening', async () => {
      const some = [...roster.slice(0, 12), ...files.slice(0, 4), ...odd];
      const d: Partial<QueryDefaults> = { packs: ['cn-tj-binhai', 'cn-national'], actions: 'all', asOf: '2026-11-20', year: 2026 };
      const compiled = await processChunk(task(d, 'not-clear', some), decider());
      process.env.GOV_CREDIT_RULES_EVALUATOR = 'reference';
      const reference = decider();
      expect(reference.kind).toBe('json-rules-engine');
      const r = await processChunk(task(d, 'not-clear', some), reference);
      expect(r.out).toEqual(compiled.out);
      sameCounts(r, compiled);
      expect(r.out.filter((l) => l.includes('"results":[{')).length).toBeGreaterThan(some.length / 2);
      expect(r.out.some((l) => l.includes('"decision":{'))).toBe(true);
    });
  });
});

describe('batch --decisions on the command line', () => {
  const flags = ['--pack', 'cn-tj-binhai,cn-gd', '--action', 'excellent-rating,promotion', '--as-of', '2026-11-20', '--year', '2026', '--quiet'];
  const input = roster.concat(roster).join('\n') + '\n';

  it('is parsed, travels to worker threads with each chunk, and equals the in-process run', async () => {
    // Spawned: worker threads run the built CLI. 300 lines: two chunks, so both threads answer.
    const spawned = await cli(['batch', '-', ...flags, '--decisions', 'not-clear', '--workers', '2'], { input });
    expect(spawned.code).toBe(0);
    const here = await run(['batch', '-', ...flags, '--decisions', 'not-clear'], { input });
    expect(spawned.stdout).toBe(here.stdout);
    const records = spawned.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.length).toBe(300);
    expect(records.filter((r) => r.status === 'ok').every((r) => Object.keys(r).join() === 'line,status,results')).toBe(true);
    expect(records.filter((r) => r.status === 'skipped').every((r) => Object.keys(r).join() === 'line,status,results,skipped')).toBe(true);
    const none = await run(['batch', '-', ...flags, '--decisions', 'none'], { input: roster.slice(0, 5).join('\n') });
    expect(none.code).toBe(0);
    expect(none.stdout).not.toContain('"decision"');
    expect(none.stdout.split('\n')[1]).toMatch(/^\{"line":2,"status":"ok","results":\[\{"pack":"cn-tj-binhai","action":"excellent-rating","verdict":"[a-z]+","clearFrom":/);
  });

  it('a bad value: a usage error, exit 2, nothing decided; JSON with --format json', async () => {
    const r = await run(['batch', '-', ...flags, '--decisions', 'not-cleer', '--locale', 'en'], { input: roster[0] });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--decisions must be one of all, not-clear, none');
    expect(r.stderr).toContain('not-clear');
    const j = await run(['batch', '-', ...flags, '--decisions', 'some', '--format', 'json'], { input: roster[0] });
    expect(j.code).toBe(2);
    expect(j.stdout).toBe('');
    const err = JSON.parse(j.stderr.trim().split('\n').at(-1)!) as { error: { code: string; exitCode: number; issues: { path: string[] }[] } };
    expect(err.error.code).toBe('invalid_option');
    expect(err.error.exitCode).toBe(2);
  });

  it('is in the help, both languages, with the results record', async () => {
    const zh = await run(['batch', '--help']);
    const en = await run(['batch', '--help', '--locale', 'en']);
    for (const h of [zh.stdout, en.stdout]) {
      expect(h).toContain('--decisions all|not-clear|none');
      expect(h).toContain('"results":[{pack,action,verdict,clearFrom,decision?}]');
    }
    expect(zh.stdout).toContain('完整决定只给结论不是');
    expect(en.stdout).toContain('the full decision only where not clear');
  });
});
