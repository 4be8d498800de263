/**
 * Input lines for processChunk tests of batch: the first 150 lines of the examples roster, the
 * example files, and odd lines (a query with its own year, an unknown key, a bad subject, a pack
 * object with a policy, a misspelled pack, a blank line).
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { ChunkTask } from '../../src/cli/_internal/batchCore.js';
import type { QueryDefaults } from '../../src/cli/_internal/queries.js';
import { getPack } from '../../src/index.js';

const root = new URL('../../examples/', import.meta.url);
export const roster = readFileSync(new URL('roster.jsonl', root), 'utf8').split('\n').filter((l) => l.trim()).slice(0, 150);
export const files = readdirSync(new URL('subjects/', root)).map((f) => JSON.stringify(JSON.parse(readFileSync(new URL(`subjects/${f}`, root), 'utf8'))));
export const odd = [
  // A record that reads (a `warning` kind would be refused, and the line never asked query by query).
  JSON.stringify({ subject: { id: 'q', kind: 'civil-servant', records: [{ id: 'r', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2025-03-01' }] }, assessmentYear: 2025 }),
  JSON.stringify({ subject: { id: 'q', kind: 'civil-servant' }, explain: true }),
  JSON.stringify({ id: 'bad', kind: 'civil-servant', records: [{ id: 'r', kind: 'warning', decidedOn: '2026-02-30' }] }),
  JSON.stringify({ subject: { id: 'q', kind: 'civil-servant' }, pack: getPack('cn-gd'), policy: { recordLifetimeMonths: 12 } }),
  JSON.stringify({ subject: { id: 'q', kind: 'civil-servant' }, pack: 'cn-gdd' }),
  '',
];

/** A chunk of `lines` from line 1, the command line's defaults as given, output kept. */
export function chunkTask(lines: string[], d: Partial<QueryDefaults>, extra: Partial<ChunkTask> = {}): ChunkTask {
  const defaults: QueryDefaults = { packs: null, actions: null, asOf: null, year: null, policy: null, unknownYears: null, ...d };
  return { lines, first: 1, defaults, strict: false, emit: true, ...extra };
}
