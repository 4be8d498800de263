import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { CliError, EXIT } from './exit.js';
import { L } from './i18n.js';

function ioError(path: string, e: unknown): CliError {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'ENOENT') return new CliError(L(`找不到文件 ${path}`, `no such file: ${path}`), EXIT.usage);
  if (code === 'EISDIR') return new CliError(L(`${path} 是目录，不是文件`, `${path} is a directory, not a file`), EXIT.usage);
  if (code === 'EACCES') return new CliError(L(`无权读取 ${path}`, `permission denied: ${path}`), EXIT.usage);
  const msg = e instanceof Error ? e.message : String(e);
  return new CliError(L(`无法读取 ${path}：${msg}`, `cannot read ${path}: ${msg}`), EXIT.usage);
}

/** Whole text of a file, or of stdin for `-`. */
export async function readText(path: string, stdin: Readable = process.stdin): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw ioError(path, e);
  }
}

/** A JSON document from a file or stdin; a syntax error is data the user gave (exit 1). */
export async function readJson(path: string, stdin?: Readable): Promise<unknown> {
  const text = await readText(path, stdin);
  try {
    return JSON.parse(stripBom(text));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new CliError(L(`${path === '-' ? '标准输入' : path} 不是有效的 JSON：${msg}`, `${path === '-' ? 'stdin' : path} is not valid JSON: ${msg}`), EXIT.data);
  }
}

/** A JSON file that configures the run (a pack, a policy): unreadable or malformed is exit 2. */
export function readConfigJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw ioError(path, e);
  }
  try {
    return JSON.parse(stripBom(text));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new CliError(L(`${path} 不是有效的 JSON：${msg}`, `${path} is not valid JSON: ${msg}`), EXIT.usage);
  }
}

export function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

export interface LineSource {
  lines: AsyncIterable<string>;
  /** Bytes of the file, when known (not for stdin): drives the progress ETA. */
  totalBytes: number | null;
  /** Bytes read so far. */
  bytesRead: () => number;
}

/** Lines of a file or stdin, streamed (a roster of millions never sits in memory). */
export function openLines(path: string, stdin: Readable = process.stdin): LineSource {
  let stream: Readable;
  let totalBytes: number | null = null;
  if (path === '-') {
    stream = stdin;
  } else {
    try {
      const st = statSync(path);
      if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      totalBytes = st.size;
    } catch (e) {
      throw ioError(path, e);
    }
    stream = createReadStream(path);
  }
  let read = 0;
  stream.on('data', (c: Buffer | string) => {
    read += typeof c === 'string' ? Buffer.byteLength(c) : c.length;
  });
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  // The stream flows from here on: take the iterator now, so that lines read while the caller
  // awaits something else are buffered rather than emitted to nobody.
  const it = rl[Symbol.asyncIterator]();
  return { lines: { [Symbol.asyncIterator]: () => it }, totalBytes, bytesRead: () => read };
}
