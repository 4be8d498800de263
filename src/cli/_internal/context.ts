import type { Readable } from 'node:stream';
import type { Locale } from './i18n.js';
import { printable } from './text.js';

/** Output stream the CLI writes to (process.stdout/stderr or a test double). */
export interface Out {
  write(s: string | Uint8Array): boolean;
  once?(event: 'drain' | 'close' | 'error', cb: (...args: unknown[]) => void): unknown;
  removeListener?(event: 'drain' | 'close' | 'error', cb: (...args: unknown[]) => void): unknown;
  isTTY?: boolean;
  columns?: number;
  /** Set when the reader went away (EPIPE): nothing more can be written. */
  gone?: boolean;
}

export interface Ctx {
  locale: Locale;
  debug: boolean;
  /** `--format json`: every error is one JSON object on stderr. */
  jsonErrors: boolean;
  /** Width of tables and wrapped text, in terminal columns (default 100). */
  width: number;
  stdout: Out;
  stderr: Out;
  stdin: Readable;
  /**
   * The CLI runs as its own process (not `main` called in-process): worker threads can load its
   * file, and batch may handle SIGINT/SIGTERM itself.
   */
  cliProcess?: boolean;
}

/**
 * Writes with backpressure: waits for 'drain' when the stream's buffer is full, or until the stream
 * closes. Writing to a stream whose reader went away does nothing (the caller checks `gone`).
 */
export async function writeOut(out: Out, s: string | Uint8Array): Promise<void> {
  if (out.gone) return;
  if (out.write(s) || !out.once || out.gone) return;
  await new Promise<void>((res) => {
    const done = (): void => {
      for (const ev of ['drain', 'close', 'error'] as const) out.removeListener?.(ev, done);
      res();
    };
    for (const ev of ['drain', 'close', 'error'] as const) out.once!(ev, done);
  });
}

/** Text output (tables, explanations, messages; not JSON) with control characters escaped (`printable`). */
export function writeText(out: Out, s: string): Promise<void> {
  return writeOut(out, printable(s));
}

/** Stream errors that mean the reader went away: the output cannot be delivered. */
export function isClosedPipe(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ECONNRESET';
}

/**
 * Watches a process stream for its reader going away: marks it `gone` instead of letting the
 * EPIPE error crash the process (an uncaught 'error' event). Other errors are rethrown.
 */
export function guardStream(stream: NodeJS.WriteStream & Out): Out {
  stream.on('error', (e: unknown) => {
    if (!isClosedPipe(e)) throw e;
    stream.gone = true;
  });
  return stream;
}
