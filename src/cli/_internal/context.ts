import type { Readable } from 'node:stream';
import type { Locale } from './i18n.js';

/** Output stream the CLI writes to (process.stdout/stderr or a test double). */
export interface Out {
  write(s: string): boolean;
  once?(event: 'drain', cb: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Ctx {
  locale: Locale;
  debug: boolean;
  stdout: Out;
  stderr: Out;
  stdin: Readable;
}

/** Writes with backpressure: waits for 'drain' when the stream's buffer is full. */
export async function writeOut(out: Out, s: string): Promise<void> {
  if (!out.write(s) && out.once) await new Promise<void>((res) => out.once!('drain', res));
}
