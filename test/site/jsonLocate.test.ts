// The JSON editor's locator (site/src/jsonLocate.ts): an issue's path → the line of its field.
import { describe, expect, it } from 'vitest';
import { lineOf, locate, locateAll } from '../../site/src/jsonLocate.js';

const text = JSON.stringify(
  { id: 'p1', kind: 'civil-servant', records: [{ id: 'r1', decidedOn: '2026-02-30', events: [{ type: 'objection-filed', note: 'a "quoted" \\ note, with } and ]' }] }, { id: 'r2' }] },
  null,
  2,
);

describe('jsonLocate', () => {
  const spans = locateAll(text);
  const lineAt = (path: (string | number)[]) => lineOf(text, locate(spans, path)!.start);
  const lineOfText = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('finds members (at their key) and array items', () => {
    expect(lineAt(['records', 0, 'decidedOn'])).toBe(lineOfText('"decidedOn"'));
    expect(lineAt(['records', 0, 'events', 0, 'note'])).toBe(lineOfText('"note"'));
    expect(lineAt(['records', 1, 'id'])).toBe(lineOfText('"r2"'));
    expect(text.slice(locate(spans, ['kind'])!.start, locate(spans, ['kind'])!.end)).toBe('"kind": "civil-servant"');
  });

  it('falls back to the nearest ancestor the text has (a missing field: its object)', () => {
    expect(locate(spans, ['records', 1, 'decidedOn'])).toEqual(locate(spans, ['records', 1]));
    expect(locate(spans, ['nope', 3])).toEqual(locate(spans, []));
  });

  it('copes with empty containers and scalars at the top', () => {
    expect(locate(locateAll('{ "a": [], "b": {} , "c": null}'), ['c'])).toEqual({ start: 21, end: 30 });
    expect(locate(locateAll('  42 '), [])).toEqual({ start: 2, end: 4 });
  });
});
