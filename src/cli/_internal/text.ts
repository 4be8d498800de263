/**
 * Terminal text: display width (CJK characters take two columns), padding and plain tables.
 * No colours: output must read the same in a log file as on a terminal.
 */

/**
 * Characters a terminal would act on instead of showing: C0 controls but the line feed (ESC starts
 * the CSI and OSC sequences that recolour, retitle or rewrite a terminal), DEL, C1 controls (U+009B
 * is a one-character CSI), and the bidirectional-text controls that reorder what follows them.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a terminal or a log: every control character but the line feed written as `\uXXXX`, so
 * that a schedule name, notice number, pack name, title or quote from a host's file is shown, never
 * obeyed. Every text (not JSON) renderer of the CLI writes through this (`writeText`).
 */
export function printable(s: string): string {
  return s.replace(TERMINAL_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

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


/**
 * Characters that must not begin a line (行首禁则) and that must not end one (行尾禁则), as Chinese
 * typesetting has it (避头尾): closing punctuation stays with the text before it, opening with the
 * text after it.
 */
export const NO_LINE_START = new Set([...'、，。．：；！？）］｝」』】》〉〕〗〙〛”’…‥·—～%,.:;!?)]}']);
export const NO_LINE_END = new Set([...'（［｛「『【《〈〔〖〘〚“‘([{']);

/**
 * Wraps text to `w` columns, breaking at spaces where it can and between any two CJK characters,
 * never putting closing punctuation at the start of a line nor opening punctuation at its end
 * (避头尾: the character before moves down with it). A single word longer than `w` stays whole,
 * unless `hard` (table cells), which cuts it.
 */
export function wrap(s: string, w: number, hard = false): string[] {
  const lines: string[] = [];
  for (const para of s.split('\n')) {
    // Whitespace runs, ASCII words, or one other character (CJK text breaks anywhere).
    let tokens: string[] = para.match(/\s+|[\x21-\x7e]+|./gsu) ?? [];
    if (hard) tokens = tokens.flatMap((t) => (width(t) > w && !/^\s+$/.test(t) ? cut(t, w) : [t]));
    let line: string[] = [];
    let lw = 0;
    const flush = (): void => {
      lines.push(line.join('').trimEnd());
      line = [];
      lw = 0;
    };
    for (const tok of tokens) {
      const tw = width(tok);
      if (lw + tw <= w || lw === 0) {
        line.push(tok);
        lw += tw;
        continue;
      }
      if (/^\s+$/.test(tok)) {
        flush();
        continue;
      }
      // The break goes before `tok`; move characters down while the break is forbidden.
      const carried: string[] = [];
      const forbidden = (): boolean => {
        const first = carried.length ? carried[0]! : tok;
        const last = line[line.length - 1];
        return NO_LINE_START.has([...first][0]!) || (last !== undefined && NO_LINE_END.has([...last].at(-1)!));
      };
      while (line.length > 1 && forbidden() && carried.length < 3) carried.unshift(line.pop()!);
      if (line.every((t) => /^\s+$/.test(t)) || (forbidden() && line.length <= 1)) {
        line.push(...carried);
        if (hard) {
          // A table cell must keep its width: break where it is forbidden rather than overflow.
          flush();
          line.push(tok);
          lw = tw;
        } else {
          // Nothing left to break before: the punctuation hangs past w.
          line.push(tok);
          lw = width(line.join(''));
        }
        continue;
      }
      flush();
      for (const t of [...carried, tok]) {
        if (line.length === 0 && /^\s+$/.test(t)) continue;
        line.push(t);
        lw += width(t);
      }
    }
    flush();
  }
  return lines;
}

/** A word in pieces of at most `w` columns; a closing character takes the one before it along (避头尾). */
function cut(word: string, w: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of word) {
    if (width(cur + ch) > w && cur) {
      let carry = '';
      if (NO_LINE_START.has(ch) && [...cur].length > 1) {
        carry = [...cur].at(-1)!;
        cur = [...cur].slice(0, -1).join('');
      }
      out.push(cur);
      cur = carry;
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * A shell command wrapped to `w` columns at the spaces before its options, each line but the last
 * ending in ` \` so that it can still be pasted into a shell.
 */
export function wrapCommand(cmd: string, w: number, indent = '  '): string[] {
  if (width(indent + cmd) <= w) return [indent + cmd];
  const parts = cmd.split(/ (?=--|\||>|\[--)/);
  const lines: string[] = [];
  let line = indent + parts[0]!;
  for (const p of parts.slice(1)) {
    if (width(`${line} ${p} \\`) > w) {
      lines.push(`${line} \\`);
      line = `${indent}    ${p}`;
    } else line += ` ${p}`;
  }
  lines.push(line);
  return lines;
}

/**
 * Wraps each line of `text` to `w` columns, continuation lines indented two more than their line
 * (and so wrapped two columns narrower: no line is wider than `w`).
 */
export function wrapLines(text: string, w: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const indent = /^ */.exec(line)![0];
      return wrapHanging(line.slice(indent.length), Math.max(20, w - indent.length), 2).map((l) => indent + l);
    })
    .join('\n');
}

/** `s` wrapped to `w` columns, every line after the first indented by `hang` spaces within those `w`. */
export function wrapHanging(s: string, w: number, hang: number): string[] {
  return s.split('\n').flatMap((para) => {
    const text = para.trimStart();
    const first = wrap(text, w)[0] ?? '';
    // The first line is a prefix of the text; the rest is wrapped again, narrower by the hang.
    const rest = text.slice(first.length).trimStart();
    return rest ? [first, ...wrap(rest, Math.max(1, w - hang)).map((l) => ' '.repeat(hang) + l)] : [first];
  });
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
  /**
   * Widest line, in columns (default: no limit). Wider tables wrap the text of their widest
   * columns inside the cells (避头尾 kept), so a row may take several lines.
   */
  maxWidth?: number;
  /** Never wrap these columns (ids, dates, numbers); the others shrink to fit. */
  nowrap?: number[];
}

/** Narrowest a wrapped column gets: its longest word up to 12 columns (longer words are cut). */
function minWidth(cells: string[]): number {
  let m = 4;
  for (const c of cells) for (const piece of c.match(/[\x21-\x7e]+|./gsu) ?? []) m = Math.max(m, Math.min(12, width(piece)));
  return m;
}

/** A plain table: header row, a rule, rows; widths from the widest cell, wrapped to `maxWidth`. */
export function table(header: string[] | null, rows: string[][], opts: TableOptions = {}): string {
  const all = header ? [header, ...rows] : rows;
  const n = Math.max(0, ...all.map((r) => r.length));
  const widths = Array.from({ length: n }, (_, i) => Math.max(0, ...all.map((r) => Math.max(0, ...(r[i] ?? '').split('\n').map(width)))));
  const gap = opts.gap ?? '  ';
  const indent = opts.indent ?? '';
  const right = new Set(opts.right ?? []);
  if (opts.maxWidth !== undefined) {
    const budget = opts.maxWidth - width(indent) - width(gap) * Math.max(0, n - 1);
    const fixed = new Set([...(opts.nowrap ?? []), ...right]);
    const mins = widths.map((_, i) => (fixed.has(i) ? widths[i]! : minWidth(all.map((r) => r[i] ?? ''))));
    // Take a column at a time off the widest wrappable column until the table fits.
    let total = widths.reduce((a, b) => a + b, 0);
    // First down to each column's comfortable minimum (its longest word, up to 12); if that is not
    // enough, wrappable columns go down to 4 (table cells cut long words rather than overflow).
    for (const floor of [(i: number) => mins[i]!, (i: number) => (fixed.has(i) ? widths[i]! : Math.min(mins[i]!, 4))]) {
      while (total > budget) {
        let widest = -1;
        for (let i = 0; i < n; i++) if (widths[i]! > floor(i) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
        if (widest < 0) break;
        widths[widest]!--;
        total--;
      }
    }
  }
  const cellLines = (c: string, i: number): string[] => (width(c) <= widths[i]! && !c.includes('\n') ? [c] : wrap(c, widths[i]!, true));
  const render = (r: string[]): string[] => {
    const cells = Array.from({ length: n }, (_, i) => cellLines(r[i] ?? '', i));
    const h = Math.max(1, ...cells.map((c) => c.length));
    const out: string[] = [];
    for (let k = 0; k < h; k++) {
      out.push(
        indent +
          cells
            .map((c, i) => {
              const v = c[k] ?? '';
              return right.has(i) ? padStart(v, widths[i]!) : i === n - 1 ? v : padEnd(v, widths[i]!);
            })
            .join(gap)
            .trimEnd(),
      );
    }
    return out;
  };
  const out: string[] = [];
  if (header) {
    out.push(...render(header));
    if (opts.rule !== false) out.push(indent + widths.map((w) => '-'.repeat(Math.max(w, 1))).join(gap));
  }
  for (const r of rows) out.push(...render(r));
  return out.join('\n');
}
