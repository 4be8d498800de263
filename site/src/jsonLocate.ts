// Where each value of a JSON text is, by path: so an issue at `records.0.decidedOn` can be shown on
// the line that holds it. Only called on text JSON.parse accepted.

export type JsonPath = readonly (string | number)[];

export interface Span {
  /** Offset of the value (or, for an object member, of its key). */
  start: number;
  end: number;
}

const pathKey = (path: JsonPath): string => JSON.stringify(path);

/** Every value's span, keyed by its path. */
export function locateAll(text: string): Map<string, Span> {
  const spans = new Map<string, Span>();
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: (string | number)[], keyStart: number | null): void => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          ws();
          const ks = i;
          const key = str();
          ws();
          i++; // colon
          value([...path, key], ks);
          ws();
          if (text[i++] === '}') break;
        }
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') i++;
      else {
        for (let n = 0; ; n++) {
          value([...path, n], null);
          ws();
          if (text[i++] === ']') break;
        }
      }
    } else if (c === '"') str();
    else while (i < text.length && !',]} \t\r\n'.includes(text[i]!)) i++;
    spans.set(pathKey(path), { start: keyStart ?? start, end: i });
  };
  value([], null);
  return spans;
}

/** The span of `path`, or of its nearest ancestor that the text has (a missing key: its object). */
export function locate(spans: Map<string, Span>, path: JsonPath): Span | undefined {
  for (let n = path.length; n >= 0; n--) {
    const span = spans.get(pathKey(path.slice(0, n)));
    if (span) return span;
  }
  return undefined;
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}
