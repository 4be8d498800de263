import { closeSync, constants, createReadStream, existsSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { Socket } from 'node:net';
import { isAbsolute, join } from 'node:path';
import type { Readable } from 'node:stream';
import { CliError, EXIT, type ExitCode } from './exit.js';
import { L } from './i18n.js';
import { jsonSyntaxError } from './jsonSyntax.js';
import { packageRoot } from './packageRoot.js';

/**
 * The most bytes the CLI reads from one file or stream it reads whole: a configuration file (a pack
 * for --load, pack show or diff, a policy for --policy @file, a schedule for --schedule or
 * GOV_CREDIT_SCHEDULES) or the document `evaluate` decides. 16 MiB: the largest pack the size
 * limits allow is a few MB, a subject with 10,000 records a few MB more. Also the default of
 * `batch --max-line-bytes`.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

function ioError(path: string, e: unknown): CliError {
  const code = (e as { code?: string }).code ?? '';
  const err = (c: 'file_not_found' | 'file_unreadable', zh: string, en: string) => new CliError({ code: c, text: L(zh, en), exitCode: EXIT.usage, file: path });
  if (code === 'ENOENT') return err('file_not_found', `找不到文件 ${path}`, `no such file: ${path}`);
  if (code === 'EISDIR') return err('file_unreadable', `${path} 是目录，不是文件`, `${path} is a directory, not a file`);
  if (code === 'EACCES') return err('file_unreadable', `无权读取 ${path}`, `permission denied: ${path}`);
  const msg = e instanceof Error ? e.message : String(e);
  return err('file_unreadable', `无法读取 ${path}：${msg}`, `cannot read ${path}: ${msg}`);
}

/** What a path is, in words, when it is not a file the CLI reads. */
function kindOf(st: Stats): [string, string] {
  if (st.isFIFO()) return ['命名管道（FIFO）', 'a named pipe (FIFO)'];
  if (st.isCharacterDevice()) return ['字符设备', 'a character device'];
  if (st.isBlockDevice()) return ['块设备', 'a block device'];
  if (st.isSocket()) return ['套接字', 'a socket'];
  return ['特殊文件', 'a special file'];
}

function notRegular(path: string, st: Stats, pipes: boolean): CliError {
  const [zh, en] = kindOf(st);
  return new CliError({
    code: 'file_not_regular',
    text: L(`${path} 是${zh}，不是普通文件${pipes ? '或管道' : ''}`, `${path} is ${en}, not a regular file${pipes ? ' or a pipe' : ''}`),
    exitCode: EXIT.usage,
    file: path,
  });
}

/** A file or stream over its byte cap: exit 1 for input data, 2 for a configuration file. */
export function tooLarge(name: string, max: number, exitCode: ExitCode, file?: string): CliError {
  const mib = (max / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 2 });
  return new CliError({
    code: 'file_too_large',
    text: L(`${name} 超过 ${max.toLocaleString('en-US')} 字节（${mib} MiB）的上限`, `${name} is larger than the limit of ${max.toLocaleString('en-US')} bytes (${mib} MiB)`),
    exitCode,
    ...(file ? { file } : {}),
  });
}

/**
 * Opens `path` without blocking (a FIFO with no writer must not hang the open) and checks what it
 * is: a regular file, or with `pipes` a pipe or FIFO. Returns the open descriptor and its stats.
 */
function openChecked(path: string, pipes: boolean, name = path): { fd: number; st: Stats } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw ioError(name, e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw ioError(name, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
    if (!st.isFile() && !(pipes && st.isFIFO())) throw notRegular(name, st, pipes);
    return { fd, st };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/**
 * The bytes of a regular file, at most `max`: a FIFO, a device (/dev/zero), a socket or a folder is
 * refused (file_not_regular) before anything is read, and a file over `max` — by its size, or by
 * what it holds when read — is refused (file_too_large).
 */
function readRegularFile(path: string, max: number, exitCode: ExitCode, name = path): Buffer {
  const { fd, st } = openChecked(path, false, name);
  try {
    if (st.size > max) throw tooLarge(name, max, exitCode, name);
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.allocUnsafe(64 * 1024);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        throw ioError(name, e);
      }
      if (n === 0) break;
      total += n;
      // A file that grew after it was measured is still cut off at the cap.
      if (total > max) throw tooLarge(name, max, exitCode, name);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * An input file as a stream: a regular file (its size known), or a pipe or FIFO, read through the
 * descriptor opened without blocking (so a FIFO's writer, once connected, is never left without a
 * reader; the stream waits for data as stdin does). A device (/dev/zero), socket or folder is refused.
 */
function openInput(file: string, name: string): { stream: Readable; size: number | null } {
  const { fd, st } = openChecked(file, true, name);
  if (st.isFile()) return { stream: createReadStream('', { fd }), size: st.size };
  return { stream: new Socket({ fd, readable: true, writable: false }), size: null };
}

/** A stream read whole, at most `max` bytes (then file_too_large, the stream left unread). */
async function readStreamCapped(stream: AsyncIterable<Buffer | string>, name: string, max: number, exitCode: ExitCode, onTooLarge?: () => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : c;
    total += b.length;
    if (total > max) {
      onTooLarge?.();
      throw tooLarge(name, max, exitCode, name === 'stdin' ? undefined : name);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, total);
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

/**
 * Whole text of a file, or of stdin for `-`, at most MAX_FILE_BYTES: a regular file or a pipe
 * (`<(…)`, /dev/stdin); a device, socket or folder is refused. Invalid UTF-8 and a document over the
 * cap are input data refused (exit 1).
 */
export async function readText(path: string, stdin: Readable = process.stdin): Promise<string> {
  if (path === '-') return utf8(await readStreamCapped(stdin, 'stdin', MAX_FILE_BYTES, EXIT.data, () => stdin.pause()), 'stdin', EXIT.data);
  const file = inputPath(path);
  const { stream, size } = openInput(file, path);
  if (size !== null && size > MAX_FILE_BYTES) {
    stream.destroy();
    throw tooLarge(path, MAX_FILE_BYTES, EXIT.data, path);
  }
  try {
    return utf8(await readStreamCapped(stream, path, MAX_FILE_BYTES, EXIT.data), path, EXIT.data);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw ioError(path, e);
  } finally {
    stream.destroy();
  }
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

/**
 * A small text file that configures the run (serve's --token-file): a regular file of at most `max`
 * bytes, UTF-8; a FIFO, a device or a socket is refused before anything is read, as for readConfigJson.
 */
export function readConfigText(path: string, max: number): string {
  return utf8(readRegularFile(path, max, EXIT.usage), path, EXIT.usage);
}

/**
 * A JSON file that configures the run (a pack, a policy, a schedule): a regular file of at most
 * MAX_FILE_BYTES. A FIFO, a device (/dev/zero), a socket or a folder is refused before anything is
 * read (file_not_regular), a larger file by its size (file_too_large); unreadable or malformed is
 * exit 2 as well.
 */
export function readConfigJson(path: string): unknown {
  const bytes = readRegularFile(path, MAX_FILE_BYTES, EXIT.usage);
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

/** A line longer than the per-line byte limit: its bytes were skipped, never held in memory. */
export interface TooLongLine {
  tooLong: {
    /** The line's length in bytes (without its LF; a CR before it counted). */
    bytes: number;
    /** The limit it passed (`batch --max-line-bytes`). */
    limit: number;
  };
}

/** One input line: its text (without the LF and one CR before it), or why it could not be read. */
export type InputLine = string | InvalidUtf8Line | TooLongLine;

export interface LineSource {
  /** Lines in input order, a batch at a time (whatever one read of the stream held). */
  lines: AsyncIterable<InputLine[]>;
  /** Bytes of the file, when known (not for stdin): drives the progress ETA. */
  totalBytes: number | null;
  /** Bytes read so far. */
  bytesRead: () => number;
  /** Stops reading (the output went away); `force` closes stdin too (the run was interrupted: the process ends). */
  close: (force?: boolean) => void;
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
 * A line longer than `maxLineBytes` is not kept: its bytes are counted and dropped up to its LF,
 * and it comes out as a TooLongLine (memory stays bounded whatever one line holds).
 */
export async function* splitLines(chunks: AsyncIterable<Buffer | string>, maxLineBytes = Infinity): AsyncGenerator<InputLine[]> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  /** Bytes of the current line when it is over the limit (its bytes are being skipped), else -1. */
  let skipped = -1;
  const tooLong = (bytes: number): TooLongLine => ({ tooLong: { bytes, limit: maxLineBytes } });
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const out: InputLine[] = [];
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, start);
      const end = nl === -1 ? buf.length : nl;
      const piece = buf.subarray(start, end);
      if (skipped >= 0) skipped += piece.length;
      else if (pendingBytes + piece.length > maxLineBytes) {
        skipped = pendingBytes + piece.length;
        pending = [];
        pendingBytes = 0;
      }
      if (nl === -1) {
        if (skipped < 0 && piece.length) {
          pending.push(piece);
          pendingBytes += piece.length;
        }
        break;
      }
      if (skipped >= 0) out.push(tooLong(skipped));
      else out.push(decodeLine(pending.length ? Buffer.concat([...pending, piece]) : piece));
      pending = [];
      pendingBytes = 0;
      skipped = -1;
      start = nl + 1;
    }
    if (out.length) yield out;
  }
  if (skipped >= 0) yield [tooLong(skipped)];
  else if (pending.length) yield [decodeLine(Buffer.concat(pending))];
}

/**
 * Lines of a file or stdin, streamed (a roster of millions never sits in memory); a line longer
 * than `maxLineBytes` comes out as a TooLongLine.
 */
export function openLines(path: string, stdin: Readable = process.stdin, maxLineBytes = Infinity): LineSource {
  let stream: Readable;
  let totalBytes: number | null = null;
  if (path === '-') {
    stream = stdin;
  } else {
    const opened = openInput(inputPath(path), path);
    stream = opened.stream;
    totalBytes = opened.size;
  }
  let read = 0;
  const counted = (async function* () {
    for await (const c of stream as AsyncIterable<Buffer | string>) {
      read += typeof c === 'string' ? Buffer.byteLength(c) : c.length;
      yield c;
    }
  })();
  return {
    lines: splitLines(counted, maxLineBytes),
    totalBytes,
    bytesRead: () => read,
    close: (force = false) => {
      if (stream !== stdin || force) stream.destroy();
      else stream.pause();
    },
  };
}
