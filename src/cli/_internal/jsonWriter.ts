/**
 * JSON Lines written straight to UTF-8 bytes: the bytes `JSON.stringify(value) + '\n'` encodes to,
 * without building the line's string, joining a chunk's lines or encoding them again (issue 25:
 * `batch` with every full Decision spent most of its time there).
 *
 * Why it pays: a Decision is mostly constant text — citations, quotes, policy-note texts, labels —
 * the same string objects in line after line. A string met again is copied as the bytes it was
 * encoded to the first time (a cache keyed by the string: V8 keeps a string's hash in the string, so
 * the lookup does not read the text again); short ASCII strings and keys are written byte by byte;
 * only the rest goes through the native UTF-8 encoder. Lines go into one reused buffer; `take()`
 * hands over a chunk's bytes in a buffer of their own (transferable to another thread).
 *
 * Exactly JSON.stringify's output for what a decision line holds: plain objects and arrays,
 * strings, finite numbers, booleans and null (`undefined` skipped in objects, `null` in arrays, as
 * JSON.stringify does); anything else (an object with `toJSON`, a class instance, a non-finite
 * number, a bigint) is written by JSON.stringify itself, so the bytes stay the same.
 */

/** Strings at least this long are cached (shorter ones are cheaper to write again). */
const CACHE_FROM = 12;
/**
 * Bytes of encoded strings the cache may hold; past it the cache starts again (texts that name a
 * subject's records repeat within its line and then never, and must not crowd out the constant ones,
 * which come back at once).
 */
const CACHE_BYTES = 32 * 1024 * 1024;
/** A string written this many times is cached (a one-off text, with a record id in it, is not). */
const CACHE_AFTER = 2;
/** Strings seen once, remembered at most this many before the list starts again. */
const SEEN_MAX = 65_536;

// Characters JSON.stringify escapes: the quote, the backslash, controls and lone surrogates (a
// string with any surrogate goes to JSON.stringify, which knows paired from lone).
const NEEDS_CARE = /["\\\u0000-\u001f\ud800-\udfff]/;

export class JsonLinesWriter {
  private buf: Buffer;
  private pos = 0;
  private readonly cache = new Map<string, Buffer>();
  private cacheBytes = 0;
  private seen = new Map<string, number>();

  /**
   * @param initialBytes - the buffer's first size (it doubles as needed).
   * @param cacheLimit - bytes of encoded texts kept before the cache starts again.
   */
  constructor(initialBytes = 1 << 20, private readonly cacheLimit = CACHE_BYTES) {
    this.buf = Buffer.allocUnsafeSlow(initialBytes);
  }

  /** Bytes written since the last `take()`. */
  get length(): number {
    return this.pos;
  }

  /** Writes `JSON.stringify(value)` and a newline. */
  line(value: unknown): void {
    this.value(value);
    this.byte(0x0a);
  }

  /** Writes a line already serialised (its text, without the newline) and a newline. */
  text(json: string): void {
    this.utf8(json);
    this.byte(0x0a);
  }

  /** The bytes written since the last call, in a buffer of their own; the writer starts again. */
  take(): Uint8Array {
    const out = new Uint8Array(this.pos);
    out.set(this.buf.subarray(0, this.pos));
    this.pos = 0;
    return out;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafeSlow(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  private byte(b: number): void {
    if (this.pos >= this.buf.length) this.room(1);
    this.buf[this.pos++] = b;
  }

  /** ASCII text without anything to escape (keys' punctuation, numbers), byte by byte. */
  private ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Any text, through the native encoder. */
  private utf8(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  private bytes(b: Buffer): void {
    const n = b.length;
    this.room(n);
    if (n < 64) {
      const buf = this.buf;
      let p = this.pos;
      for (let i = 0; i < n; i++) buf[p++] = b[i]!;
      this.pos = p;
    } else {
      b.copy(this.buf, this.pos);
      this.pos += n;
    }
  }

  /** A string as a JSON string literal. */
  private string(s: string): void {
    const n = s.length;
    if (n < CACHE_FROM) {
      // Short: byte by byte while it is plain ASCII.
      this.room(n + 2);
      const buf = this.buf;
      let p = this.pos;
      buf[p++] = 0x22;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) break;
        buf[p++] = c;
      }
      if (i === n) {
        buf[p++] = 0x22;
        this.pos = p;
        return;
      }
      // Not plain: written whole by the slow path below.
    } else {
      const hit = this.cache.get(s);
      if (hit) {
        this.bytes(hit);
        return;
      }
      if (this.cacheBytes >= this.cacheLimit) {
        this.cache.clear();
        this.cacheBytes = 0;
      }
      const times = (this.seen.get(s) ?? 0) + 1;
      if (times >= CACHE_AFTER) {
        const literal = Buffer.from(NEEDS_CARE.test(s) ? JSON.stringify(s) : `"${s}"`, 'utf8');
        this.cache.set(s, literal);
        this.cacheBytes += literal.length;
        this.seen.delete(s);
        this.bytes(literal);
        return;
      }
      if (this.seen.size >= SEEN_MAX) this.seen = new Map();
      this.seen.set(s, times);
    }
    if (NEEDS_CARE.test(s)) {
      this.utf8(JSON.stringify(s));
      return;
    }
    this.room(n * 3 + 2);
    const buf = this.buf;
    buf[this.pos++] = 0x22;
    this.pos += buf.write(s, this.pos, "utf8");
    buf[this.pos++] = 0x22;
  }

  private key(k: string): void {
    // Keys are few and constant: cached from the first time, with the quote and colon.
    let hit = this.cache.get(k);
    if (!hit) {
      hit = Buffer.from(`${NEEDS_CARE.test(k) ? JSON.stringify(k) : `"${k}"`}:`, 'utf8');
      this.cache.set(k, hit);
      this.cacheBytes += hit.length;
    }
    this.bytes(hit);
  }

  private value(v: unknown): void {
    switch (typeof v) {
      case 'string':
        this.string(v);
        return;
      case 'number':
        if (Number.isFinite(v)) this.ascii(String(v));
        else this.ascii('null');
        return;
      case 'boolean':
        this.ascii(v ? 'true' : 'false');
        return;
      case 'object':
        if (v === null) this.ascii('null');
        else if (Array.isArray(v)) this.array(v);
        else if (isPlain(v)) this.object(v as Record<string, unknown>);
        else this.fallback(v);
        return;
      default:
        // undefined, functions, symbols (null in arrays, left out of objects: the callers' concern), bigints.
        this.fallback(v);
    }
  }

  private array(a: readonly unknown[]): void {
    this.byte(0x5b);
    for (let i = 0; i < a.length; i++) {
      if (i) this.byte(0x2c);
      const x = a[i];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') this.ascii('null');
      else this.value(x);
    }
    this.byte(0x5d);
  }

  private object(o: Record<string, unknown>): void {
    this.byte(0x7b);
    let first = true;
    for (const k in o) {
      if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
      const x = o[k];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      if (!first) this.byte(0x2c);
      first = false;
      this.key(k);
      this.value(x);
    }
    this.byte(0x7d);
  }

  /** What JSON.stringify alone writes exactly (toJSON, class instances, bigints: it throws as it would). */
  private fallback(v: unknown): void {
    const s = JSON.stringify(v);
    if (s === undefined) this.ascii('null');
    else this.utf8(s);
  }
}

/**
 * A plain object JSON.stringify writes key by key: Object or null prototype, no `toJSON`, and no
 * symbol-only surprises (`for…in` over own enumerable string keys gives JSON.stringify's order for
 * such objects, integer-like keys first, as `Object.keys` does).
 */
function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}
