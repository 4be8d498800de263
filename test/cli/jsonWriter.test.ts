/**
 * Issue 25: batch writes its lines as UTF-8 bytes directly (JsonLinesWriter, constant texts copied as
 * the bytes they were encoded to the first time). Byte for byte what the strings did: each line's
 * JSON.stringify, joined with newlines, encoded. Here: generated values (escapes, controls, lone and
 * paired surrogates, non-ASCII, -0, undefined, toJSON, repeats that fill the cache), and processChunk
 * on 150 roster lines, the example files and odd lines in every `--decisions` mode. The whole
 * examples roster and bench-roster lines × every pack and action: jsonWriter.heavy.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processChunk, type BatchDecisions } from '../../src/cli/_internal/batchCore.js';
import { decider } from '../../src/cli/_internal/evaluator.js';
import { JsonLinesWriter } from '../../src/cli/_internal/jsonWriter.js';
import { chunkTask, files, odd, roster } from './_batchLines.js';
import { listPacks } from '../../src/index.js';
import { sameBytesAsStrings } from './_support/writerBytes.js';

const PACKS = listPacks().map((p) => p.id);
const stringsOf = (values: readonly unknown[]): Buffer => Buffer.from(values.map((v) => JSON.stringify(v)).join('\n') + '\n', 'utf8');

describe('JsonLinesWriter', () => {
  it('writes what JSON.stringify writes, encoded as UTF-8, on generated values', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\ud800', '\udc00', '😀', '中', 'a', '\u2028') }));
    const leaf = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(-0), fc.constant({ toJSON: () => 'as json' }));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(text, tie('tree'), { maxKeys: 4 })),
    }));
    // One writer across runs: its cache fills with the texts met before, as in a long batch, and
    // (a limit of 4 kB) starts again many times.
    const w = new JsonLinesWriter(16, 4096);
    fc.assert(
      fc.property(fc.array(fc.dictionary(text, tree, { maxKeys: 5 }), { minLength: 1, maxLength: 4 }), (lines) => {
        // Twice: the second time the long texts come from the cache.
        for (let round = 0; round < 2; round++) {
          for (const l of lines) w.line(l);
          expect(Buffer.from(w.take()).equals(stringsOf(lines))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps integer-like keys first as JSON.stringify does, and writes text lines as given', () => {
    const w = new JsonLinesWriter();
    const v = { b: 1, 2: 'two', a: [undefined, () => 1, Symbol('s')], 1: { f: undefined, g: null } };
    w.line(v);
    w.text('{"line":3,"status":"blank","decisions":[]}');
    expect(Buffer.from(w.take()).toString('utf8')).toBe(`${JSON.stringify(v)}\n{"line":3,"status":"blank","decisions":[]}\n`);
  });
});

describe('batch output as bytes', () => {
  const lines = [...roster.slice(0, 30), ...files, ...odd];
  for (const decisions of ['all'] as BatchDecisions[]) {
    it(`is byte for byte the lines as strings: ${lines.length} lines, every pack and action, --decisions ${decisions}`, async () => {
      const task = chunkTask(lines, { packs: PACKS, actions: 'all', asOf: '2026-11-20', year: 2026 }, { decisions });
      const n = await sameBytesAsStrings(task, decider());
      expect(n).toBeGreaterThan(1_000_000);
    });
  }
  it('a strict chunk stops at its first bad line in bytes too', async () => {
    const task = chunkTask([roster[0]!, '{"id": ', roster[1]!], { packs: ['cn-gd'], actions: ['promotion'], asOf: '2026-11-20' }, { strict: true });
    const strings = await processChunk(task, decider());
    const bytes = await processChunk(task, decider(), new JsonLinesWriter());
    expect(strings.out).toHaveLength(2);
    expect(Buffer.from(bytes.bytes!).equals(Buffer.from(strings.out.join('\n') + '\n'))).toBe(true);
  });
});
