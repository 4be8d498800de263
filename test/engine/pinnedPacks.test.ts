/**
 * A run pins its packs (issue 22): `screen` and `evaluateStream` look up, resolve and compile their
 * packs when they are called, so a pack replaced while the roster is read (`loadPack(json,
 * { replace: true })`) does not reach the run: every subject of one run is decided under one version.
 */
import { describe, expect, it } from 'vitest';
import { evaluateStream, getPack, loadPack, screen, type Decision, type Pack } from '../../src/index.js';

const warning = (id: string) => ({ id, kind: 'civil-servant', records: [{ id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-15' }] });

/** A host copy of Binhai under `id` whose TJB-4 (excellent rating) bars or only reviews. */
function binhaiCopy(id: string, verdict: 'barred' | 'review'): Pack {
  const p = structuredClone(getPack('cn-tj-binhai'));
  p.id = id;
  p.rules.find((r) => r.id === 'tjb-4-excellent-bar')!.verdict = verdict;
  return p;
}

/** The verdict of the TJB-4 reason (the rule the replacement changes; national rules bar as well). */
const tjb4 = (d: Decision): string => d.reasons.filter((r) => r.rule === 'tjb-4-excellent-bar').map((r) => r.verdict).join();

/** Three subjects; after the first is answered, the pack (and a child extending it) is replaced. */
async function* rosterReplacingAfterFirst(id: string): AsyncGenerator<unknown> {
  yield warning('s1');
  loadPack(binhaiCopy(id, 'review'), { replace: true });
  yield warning('s2');
  yield warning('s3');
}

describe('screen and evaluateStream pin the packs of a run', () => {
  it('screen: a pack replaced mid-stream does not reach the run (before: s2 and s3 were decided under the new version)', async () => {
    loadPack(binhaiCopy('pinned-screen', 'barred'));
    const options = { packs: ['pinned-screen'], actions: ['excellent-rating'], asOf: '2026-12-20', assessmentYear: 2026, decisions: 'all' } as const;
    const verdicts: string[] = [];
    for await (const s of screen(rosterReplacingAfterFirst('pinned-screen'), options)) verdicts.push(tjb4(s.results[0]!.decision!));
    expect(verdicts).toEqual(['barred', 'barred', 'barred']);
    // The next run takes the new version.
    for await (const s of screen([warning('s4')], options)) expect(tjb4(s.results[0]!.decision!)).toBe('review');
  });

  it('screen: a parent replaced mid-stream does not reach a child pack of the run', async () => {
    loadPack(binhaiCopy('pinned-parent', 'barred'));
    const child = structuredClone(getPack('cn-tj-binhai'));
    child.id = 'pinned-child';
    child.extends = ['pinned-parent'];
    child.rules = [];
    child.clauses = child.clauses.map((c) => ({ ...c, handledBy: { kind: 'vocabulary', why: { 'zh-CN': '见上级', en: 'see parent' } } }) as never);
    loadPack(child);
    const verdicts: string[] = [];
    for await (const s of screen(rosterReplacingAfterFirst('pinned-parent'), { packs: ['pinned-child'], actions: ['excellent-rating'], asOf: '2026-12-20', assessmentYear: 2026, decisions: 'all' })) {
      verdicts.push(tjb4(s.results[0]!.decision!));
    }
    expect(verdicts).toEqual(['barred', 'barred', 'barred']);
  });

  it('evaluateStream: the same', async () => {
    loadPack(binhaiCopy('pinned-stream', 'barred'));
    const verdicts: string[] = [];
    for await (const d of evaluateStream(rosterReplacingAfterFirst('pinned-stream'), { pack: 'pinned-stream', action: 'excellent-rating', asOf: '2026-12-20', assessmentYear: 2026 })) {
      verdicts.push(tjb4(d));
    }
    expect(verdicts).toEqual(['barred', 'barred', 'barred']);
  });
});
