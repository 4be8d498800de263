/**
 * The roster between the request and the screening: a first-in first-out buffer of bytes, held in
 * memory up to `memoryBytes` and in a temporary file beyond that, up to `diskBytes`; when both are
 * full, the request is not read further (TCP back-pressure reaches the client).
 *
 * Why: many HTTP clients (Java's java.net.http, Python's urllib and requests) send the whole request
 * body before they read any of the answer. The screening answers as it reads and never computes
 * ahead of what the client has taken; without a buffer on the way in, such a client and the service
 * would wait for each other as soon as the socket buffers fill (a few MB). With it, the roster waits
 * on disk while the answer waits for the client — memory stays constant, and a client that does read
 * while it sends never touches the disk. A roster over the limit needs a client that reads while it
 * sends, or to be sent in parts.
 */
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const READ_SIZE = 64 * 1024;

export class Spool implements AsyncIterable<Buffer> {
  private readonly memory: Buffer[] = [];
  private memoryHeld = 0;
  private file: FileHandle | null = null;
  private dir: string | null = null;
  /** Bytes handed to the file (written or being written), written, and read back; positions in the file. */
  private queued = 0;
  private written = 0;
  private read = 0;
  private ended = false;
  private failure: unknown = null;
  private closed = false;
  private wakeReader: (() => void) | null = null;
  private wakeWriter: (() => void) | null = null;
  /** The most the file ever held (for tests and the log). */
  peakDiskBytes = 0;
  /** The most the spool ever held, memory and file together (the log's spoolPeakBytes). */
  peakHeldBytes = 0;

  constructor(
    private readonly memoryBytes: number,
    private readonly diskBytes: number,
  ) {}

  private get held(): number {
    return this.memoryHeld + (this.queued - this.read);
  }

  /** Adds a chunk at the end; resolves once it is held (waits while memory and disk are full). */
  async push(chunk: Buffer): Promise<void> {
    while (!this.closed && this.failure === null && this.held > 0 && this.held + chunk.length > this.memoryBytes + this.diskBytes) {
      await new Promise<void>((resolve) => (this.wakeWriter = resolve));
    }
    if (this.closed || this.failure !== null) return;
    // In memory while nothing waits in the file (order is kept: what is in the file came after).
    if ((this.queued === this.read && this.memoryHeld + chunk.length <= this.memoryBytes) || this.diskBytes === 0) {
      this.memory.push(chunk);
      this.memoryHeld += chunk.length;
      this.peakHeldBytes = Math.max(this.peakHeldBytes, this.held);
    } else {
      this.file ??= await this.openFile();
      const at = this.queued;
      this.queued += chunk.length;
      this.peakDiskBytes = Math.max(this.peakDiskBytes, this.queued);
      this.peakHeldBytes = Math.max(this.peakHeldBytes, this.held);
      await this.file.write(chunk, 0, chunk.length, at);
      this.written += chunk.length;
    }
    this.wake('reader');
  }

  /** The folder of the temporary file, once there is one (removed when the spool is closed). */
  get tempDir(): string | null {
    return this.dir;
  }

  /** The reader is done with it (ended, or stopped early): nothing more need be read into it. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** No more chunks: the reader ends once it has taken what is held. */
  end(): void {
    this.ended = true;
    this.wake('reader');
  }

  /** The source failed (the client went away): the reader throws `e`. */
  fail(e: unknown): void {
    this.failure ??= e;
    this.wake('reader');
    this.wake('writer');
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        if (this.failure !== null) throw this.failure;
        const c = this.memory.shift();
        if (c) {
          this.memoryHeld -= c.length;
          this.wake('writer');
          yield c;
          continue;
        }
        if (this.read < this.written) {
          const n = Math.min(READ_SIZE, this.written - this.read);
          const buf = Buffer.allocUnsafe(n);
          const { bytesRead } = await this.file!.read(buf, 0, n, this.read);
          this.read += bytesRead;
          // All read back and nothing being written: the file is reused from its start.
          if (this.read === this.queued && this.written === this.queued) this.read = this.written = this.queued = 0;
          this.wake('writer');
          yield bytesRead === n ? buf : buf.subarray(0, bytesRead);
          continue;
        }
        if (this.ended && this.read === this.queued) return;
        await new Promise<void>((resolve) => (this.wakeReader = resolve));
      }
    } finally {
      await this.close();
    }
  }

  /** Removes the file; later pushes are dropped. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wake('writer');
    const file = this.file;
    const dir = this.dir;
    this.file = null;
    await file?.close().catch(() => {});
    if (dir) await rm(dir, { recursive: true, force: true });
  }

  private async openFile(): Promise<FileHandle> {
    this.dir = await mkdtemp(join(tmpdir(), 'gov-credit-rules-roster-'));
    return open(join(this.dir, 'roster.ndjson'), 'w+', 0o600);
  }

  private wake(who: 'reader' | 'writer'): void {
    const f = who === 'reader' ? this.wakeReader : this.wakeWriter;
    if (who === 'reader') this.wakeReader = null;
    else this.wakeWriter = null;
    f?.();
  }
}

/** Reads `source` into a new spool (the caller iterates it); a failure of the source fails the spool. */
export function spooled(source: AsyncIterable<Buffer | string>, memoryBytes: number, diskBytes: number): Spool {
  const spool = new Spool(memoryBytes, diskBytes);
  void (async () => {
    try {
      for await (const c of source) {
        await spool.push(typeof c === 'string' ? Buffer.from(c) : c);
        if (spool.isClosed) return;
      }
      spool.end();
    } catch (e) {
      spool.fail(e);
    }
  })();
  return spool;
}
