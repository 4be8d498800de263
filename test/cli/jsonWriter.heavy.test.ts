/**
 * Issue 25: the batch's UTF-8 writer against the lines as strings (JSON.stringify per line, joined,
 * encoded — the output before issue 25), on whole rosters: examples/roster.jsonl (10,000 lines) and
 * 3,000 bench-roster lines, every pack × every action, in chunks of 64 lines with one writer (as a
 * thread runs them), in every `--decisions` mode; and the built CLI with two worker threads (their
 * buffers moved, not copied) against the same strings.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { processChunk, type BatchDecisions } from '../../src/cli/_internal/batchCore.js';
import { decider } from '../../src/cli/_internal/evaluator.js';
import { JsonLinesWriter } from '../../src/cli/_internal/jsonWriter.js';
import { listPacks } from '../../src/index.js';
import { AS_OF, roster as benchRoster } from '../../bench/roster.js';
import { chunkTask } from './_batchLines.js';
import { cli, cliPath, repo } from './_support.js';
import { sameBytesAsStrings } from './_support/writerBytes.js';

const PACKS = listPacks().map((p) => p.id);
const examples = readFileSync(join(repo, 'examples', 'roster.jsonl'), 'utf8').split('\n').filter(Boolean);
const bench = benchRoster(3_000).map((s) => JSON.stringify(s));

beforeAll(async () => {
  await cliPath();
}, 120_000);

async function wholeRoster(lines: readonly string[], asOf: string, year: number, decisions: BatchDecisions): Promise<number> {
  const d = decider();
  const writer = new JsonLinesWriter();
  let bytes = 0;
  for (let i = 0; i < lines.length; i += 64) {
    const task = chunkTask(lines.slice(i, i + 64), { packs: PACKS, actions: 'all', asOf, year }, { decisions, first: i + 1 });
    bytes += await sameBytesAsStrings(task, d, writer);
  }
  return bytes;
}

describe('batch output as bytes, whole rosters × every pack and action', () => {
  for (const decisions of ['all', 'not-clear', 'none'] as BatchDecisions[]) {
    it(`examples/roster.jsonl, --decisions ${decisions}`, async () => {
      expect(await wholeRoster(examples, '2026-11-20', 2026, decisions)).toBeGreaterThan(decisions === 'none' ? 10_000_000 : 40_000_000);
    });
    it(`3,000 bench-roster lines, --decisions ${decisions}`, async () => {
      expect(await wholeRoster(bench, AS_OF, 2026, decisions)).toBeGreaterThan(decisions === 'none' ? 3_000_000 : 30_000_000);
    });
  }

  it('the built CLI with --workers 2 writes the strings byte for byte (examples/roster.jsonl)', async () => {
    const d = decider();
    const want: Buffer[] = [];
    for (let i = 0; i < examples.length; i += 64) {
      const r = await processChunk(chunkTask(examples.slice(i, i + 64), { packs: PACKS, actions: 'all', asOf: '2026-11-20', year: 2026 }, { first: i + 1 }), d);
      want.push(Buffer.from(r.out.join('\n') + '\n', 'utf8'));
    }
    const tmp = mkdtempSync(join(tmpdir(), 'gcr-writer-'));
    const input = join(tmp, 'roster.jsonl');
    writeFileSync(input, examples.join('\n') + '\n');
    const out = await cli(['batch', input, '--pack', 'all', '--action', 'all', '--as-of', '2026-11-20', '--year', '2026', '--workers', '2', '--quiet']);
    expect(out.code).toBe(0);
    // Decoded as UTF-8 (stdout is valid UTF-8: JSON.stringify escapes lone surrogates), equal text is equal bytes.
    expect(out.stdout === Buffer.concat(want).toString('utf8')).toBe(true);
  });
});
