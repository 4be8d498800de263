import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Readable } from 'node:stream';
import { CliError, EXIT, type ExitCode } from './exit.js';
import { L } from './i18n.js';
import { jsonSyntaxError } from './jsonSyntax.js';
import { packageRoot } from './packageRoot.js';

function ioError(path: string, e: unknown): CliError {
  const code = (e as { code?: string }).code ?? '';
  const err = (c: 'file_not_found' | 'file_unreadable', zh: string, en: string) => new CliError({ code: c, text: L(zh, en), exitCode: EXIT.usage, file: path });
  if (code === 'ENOENT') return err('file_not_found', `找不到文件 ${path}`, `no such file: ${path}`);
  if (code === 'EISDIR') return err('file_unreadable', `${path} 是目录，不是文件`, `${path} is a directory, not a file`);
  if (code === 'EACCES') return err('file_unreadable', `无权读取 ${path}`, `permission denied: ${path}`);
  const msg = e instanceof Error ? e.message : String(e);
  return err('file_unreadable', `无法读取 ${path}：${msg}`, `cannot read ${path}: ${msg}`);
}

/** Bytes as UTF-8 text; invalid UTF-8 is an error naming the byte, never replaced with U+FFFD. */
function utf8(bytes: Buffer, name: string, exitCode: ExitCode): string {
  try {
    return decoder.decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes)) + 1;
    throw new CliError({ code: 'invalid_utf8', text: L(`${name} 不是有效的 UTF-8：第 ${at} 个字节起`, `${name} is not valid UTF-8 from byte ${at}`), exitCode });
  }
}

/** A syntax error of JSON.parse, in both languages: where and what was expected (V8's own message is English only). */
function jsonError(name: string, text: string, exitCode: ExitCode, file?: string): CliError {
  const why = jsonSyntaxError(text);
  return new CliError({ code: 'invalid_json', text: L(`${name} 不是有效的 JSON：${why['zh-CN']}`, `${name} is not valid JSON: ${why.en}`), exitCode, ...(file ? { file } : {}) });
}

/**
 * Where to read a file argument: as given, or, for a relative `examples/…` path that does not exist
 * here, the example shipped with the package (so `npx gov-credit-rules evaluate examples/query.json`
 * works in any folder, as the README and `--help` show it).
 */
export function inputPath(path: string): string {
  if (path === '-' || isAbsolute(path) || existsSync(path)) return path;
  const norm = path.replace(/\\/g, '/').replace(/^\.\//, '');
  const root = packageRoot();
  if (!norm.startsWith('examples/') || !root) return path;
  const shipped = join(root, ...norm.split('/'));
  return existsSync(shipped) ? shipped : path;
}

/** Whole text of a file, or of stdin for `-`; invalid UTF-8 is input data refused (exit 1). */
export async function readText(path: string, stdin: Readable = process.stdin): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return utf8(Buffer.concat(chunks), 'stdin', EXIT.data);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(inputPath(path));
  } catch (e) {
    throw ioError(path, e);
  }
  return utf8(bytes, path, EXIT.data);
}

/** A JSON document from a file or stdin; a syntax error is data the user gave (exit 1). */
export async function readJson(path: string, stdin?: Readable): Promise<unknown> {
  const text = await readText(path, stdin);
  try {
    return JSON.parse(stripBom(text));
  } catch {
    throw jsonError(path === '-' ? 'stdin' : path, stripBom(text), EXIT.data, path === '-' ? undefined : path);
  }
}

/** A JSON file that configures the run (a pack, a policy, a schedule): unreadable or malformed is exit 2. */
export function readConfigJson(path: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw ioError(path, e);
  }
  const text = utf8(bytes, path, EXIT.usage);
  try {
    return JSON.parse(stripBom(text));
  } catch {
    throw jsonError(path, stripBom(text), EXIT.usage, path);
  }
}

export function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** A line whose bytes are not UTF-8: reported as a bad line, never decoded with U+FFFD. */
export interface InvalidUtf8Line {
  invalidUtf8: {
    /** 0-based offset in the line of the first byte that is not UTF-8. */
    byte: number;
  };
}

/** One input line: its text (without the LF and one CR before it), or why it could not be read. */
export type InputLine = string | InvalidUtf8Line;

export interface LineSource {
  /** Lines in input order, a batch at a time (whatever one read of the stream held). */
  lines: AsyncIterable<InputLine[]>;
  /** Bytes of the file, when known (not for stdin): drives the progress ETA. */
  totalBytes: number | null;
  /** Bytes read so far. */
  bytesRead: () => number;
  /** Stops reading (the output went away). */
  close: () => void;
}

/** Offset of the first byte of `b` that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += n + 1;
  }
  return -1;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A line's bytes (without its LF) as text: one CR before the LF is dropped; invalid UTF-8 is reported. */
export function decodeLine(bytes: Uint8Array): InputLine {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  const b = end === bytes.length ? bytes : bytes.subarray(0, end);
  try {
    return decoder.decode(b);
  } catch {
    return { invalidUtf8: { byte: Math.max(0, firstInvalidUtf8(b)) } };
  }
}

/**
 * Splits a byte stream into lines on LF only. A bare CR is JSON whitespace and stays inside its
 * line; one CR before an LF (Windows line ends) is dropped. A last line without an LF is a line.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<InputLine[]> {
  let pending: Buffer[] = [];
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const out: InputLine[] = [];
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, start);
      if (nl === -1) {
        if (start < buf.length) pending.push(buf.subarray(start));
        break;
      }
      const piece = buf.subarray(start, nl);
      out.push(decodeLine(pending.length ? Buffer.concat([...pending, piece]) : piece));
      pending = [];
      start = nl + 1;
    }
    if (out.length) yield out;
  }
  if (pending.length) yield [decodeLine(Buffer.concat(pending))];
}

/** Lines of a file or stdin, streamed (a roster of millions never sits in memory). */
export function openLines(path: string, stdin: Readable = process.stdin): LineSource {
  let stream: Readable;
  let totalBytes: number | null = null;
  if (path === '-') {
    stream = stdin;
  } else {
    const file = inputPath(path);
    try {
      const st = statSync(file);
      if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      totalBytes = st.size;
    } catch (e) {
      throw ioError(path, e);
    }
    stream = createReadStream(file);
  }
  let read = 0;
  const counted = (async function* () {
    for await (const c of stream as AsyncIterable<Buffer | string>) {
      read += typeof c === 'string' ? Buffer.byteLength(c) : c.length;
      yield c;
    }
  })();
  return {
    lines: splitLines(counted),
    totalBytes,
    bytesRead: () => read,
    close: () => {
      if (stream !== stdin) stream.destroy();
      else stream.pause();
    },
  };
}
