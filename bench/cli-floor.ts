/**
 * The CLI's floor (issue 25): what any program producing the same output from the same input must at
 * least do on one thread — read the input file and parse each line's JSON, then serialise the same
 * output records (`JSON.stringify` per line, joined per chunk of 64 lines as the batch chunks them)
 * and write them, UTF-8 encoded, to /dev/null. Deciding is not part of it.
 *
 *   node cli-floor.js <input.jsonl> <output.jsonl>   → prints {"ms":…,"lines":…,"bytes":…}
 *
 * The output records are the CLI's own output (captured once by the benchmark), read back and
 * parsed chunk by chunk outside the timed part, so the floor holds them in memory only a chunk at a
 * time, as the batch does.
 */
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const [input, output] = process.argv.slice(2) as [string, string];
const CHUNK = 64;

let timed = 0;
let t = performance.now();
// Read and parse the input (as the batch reads a file: whole lines, JSON.parse each).
const text = readFileSync(input, 'utf8');
let lines = 0;
let sink = 0;
for (const line of text.split('\n')) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line) as { id?: unknown };
  if (doc.id === undefined) sink++;
  lines++;
}
timed += performance.now() - t;

// The output, a chunk of 64 lines at a time: parsed untimed; serialised, encoded and written timed.
const out = openSync('/dev/null', 'w');
const src = openSync(output, 'r');
const buf = Buffer.allocUnsafe(1 << 24);
let carry = '';
const decoder = new StringDecoder('utf8');
let pending: unknown[] = [];
let bytes = 0;
const flush = (): void => {
  if (!pending.length) return;
  const start = performance.now();
  const chunk = Buffer.from(pending.map((r) => JSON.stringify(r)).join('\n') + '\n', 'utf8');
  writeSync(out, chunk);
  bytes += chunk.length;
  timed += performance.now() - start;
  pending = [];
};
for (;;) {
  const n = readSync(src, buf, 0, buf.length, null);
  if (n === 0) break;
  const parts = (carry + decoder.write(buf.subarray(0, n))).split('\n');
  carry = parts.pop()!;
  for (const p of parts) {
    if (!p) continue;
    pending.push(JSON.parse(p));
    if (pending.length === CHUNK) flush();
  }
}
if (carry) pending.push(JSON.parse(carry));
flush();
closeSync(src);
closeSync(out);
console.log(JSON.stringify({ ms: timed, lines, bytes, sink }));
