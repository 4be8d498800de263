/**
 * Terminal text: display width (CJK characters take two columns), padding and plain tables.
 * No colours: output must read the same in a log file as on a terminal.
 */

/** Columns a code point occupies in a terminal (East Asian Wide and Fullwidth: 2). */
function cpWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp >= 0x300 && cp <= 0x36f) return 0; // combining marks
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += cpWidth(ch.codePointAt(0)!);
  return w;
}

export function padEnd(s: string, w: number): string {
  const d = w - width(s);
  return d > 0 ? s + ' '.repeat(d) : s;
}

export function padStart(s: string, w: number): string {
  const d = w - width(s);
  return d > 0 ? ' '.repeat(d) + s : s;
}

/** Cuts a string to at most `w` columns, ending with … when cut. */
export function truncate(s: string, w: number): string {
  if (width(s) <= w) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const cw = cpWidth(ch.codePointAt(0)!);
    if (used + cw > w - 1) break;
    out += ch;
    used += cw;
  }
  return `${out}…`;
}

/** Wraps text to `w` columns, breaking at spaces where it can and anywhere in CJK text. */
export function wrap(s: string, w: number): string[] {
  const lines: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    let lw = 0;
    // Whitespace runs, ASCII words, or one other character (CJK text breaks anywhere).
    const tokens = para.match(/\s+|[\x21-\x7e]+|./gsu) ?? [];
    for (const tok of tokens) {
      const tw = width(tok);
      if (lw + tw > w && lw > 0) {
        lines.push(line.trimEnd());
        line = /^\s+$/.test(tok) ? '' : tok;
        lw = width(line);
      } else {
        line += tok;
        lw += tw;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export interface TableOptions {
  /** Right-align these columns (numbers). */
  right?: number[];
  /** Separator between columns. */
  gap?: string;
  /** Draw a rule under the header. */
  rule?: boolean;
  /** Indent every line. */
  indent?: string;
}

/** A plain table: header row, a rule, rows; widths from the widest cell. */
export function table(header: string[] | null, rows: string[][], opts: TableOptions = {}): string {
  const all = header ? [header, ...rows] : rows;
  const n = Math.max(0, ...all.map((r) => r.length));
  const widths = Array.from({ length: n }, (_, i) => Math.max(0, ...all.map((r) => width(r[i] ?? ''))));
  const gap = opts.gap ?? '  ';
  const indent = opts.indent ?? '';
  const right = new Set(opts.right ?? []);
  const line = (r: string[]) =>
    indent +
    r
      .map((c, i) => (right.has(i) ? padStart(c ?? '', widths[i]!) : i === n - 1 ? c ?? '' : padEnd(c ?? '', widths[i]!)))
      .join(gap)
      .trimEnd();
  const out: string[] = [];
  if (header) {
    out.push(line(header));
    if (opts.rule !== false) out.push(indent + widths.map((w) => '-'.repeat(Math.max(w, 1))).join(gap));
  }
  for (const r of rows) out.push(line(r));
  return out.join('\n');
}
