/** Issue 25: a chunk's output as bytes (the batch's writer) against the same chunk as strings (JSON.stringify per line, joined, encoded). */
import { expect } from 'vitest';
import { processChunk, type ChunkTask } from '../../../src/cli/_internal/batchCore.js';
import type { Decider } from '../../../src/cli/_internal/evaluator.js';
import { JsonLinesWriter } from '../../../src/cli/_internal/jsonWriter.js';

/** Decides `task` both ways (the writer reused, as a thread reuses it); returns the bytes compared. */
export async function sameBytesAsStrings(task: ChunkTask, d: Decider, writer = new JsonLinesWriter()): Promise<number> {
  const strings = await processChunk(task, d);
  const bytes = await processChunk(task, d, writer);
  const want = Buffer.from(strings.out.join('\n') + '\n', 'utf8');
  const got = Buffer.from(bytes.bytes!);
  if (!got.equals(want)) {
    let i = 0;
    while (i < want.length && got[i] === want[i]) i++;
    expect(got.subarray(Math.max(0, i - 200), i + 200).toString('utf8'), `first difference at byte ${i}`).toBe(want.subarray(Math.max(0, i - 200), i + 200).toString('utf8'));
  }
  expect(bytes.out).toEqual([]);
  expect({ ...bytes, bytes: undefined, out: undefined }).toEqual({ ...strings, bytes: undefined, out: undefined });
  return want.length;
}
