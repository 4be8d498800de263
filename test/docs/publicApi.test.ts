import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as calendar from '../../src/entries/calendar.js';
import * as main from '../../src/index.js';

// The public surface is a deliberate list (issue 24): docs/integration.md "The public API" names every
// value each entry point exports, and nothing else is exported.
const doc = readFileSync(resolve(__dirname, '../../docs/integration.md'), 'utf8');
const section = doc.slice(doc.indexOf('## The public API'));

function documented(entry: string): string[] {
  const start = section.indexOf(`**\`${entry}\`**`);
  const end = section.indexOf('\n**`', start + 1);
  const text = section.slice(start, end < 0 ? undefined : end).replace(/`schemas\.[A-Za-z]+`/g, '');
  const names = [...text.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].map((m) => m[1]!);
  return [...new Set(names)].sort();
}

describe('the public API is the documented list', () => {
  it('gov-credit-rules exports exactly what docs/integration.md lists (with the calendar entry)', () => {
    const listed = new Set([...documented('gov-credit-rules'), ...documented('gov-credit-rules/calendar')]);
    expect(Object.keys(main).sort()).toEqual([...listed].sort());
  });
  it('gov-credit-rules/calendar exports exactly what it lists', () => {
    expect(Object.keys(calendar).sort()).toEqual(documented('gov-credit-rules/calendar'));
  });
  it('every zod schema is under `schemas`, none at the top level', () => {
    expect(Object.keys(main).filter((k) => k.endsWith('Schema'))).toEqual([]);
    expect(Object.keys(main.schemas).length).toBeGreaterThan(20);
    for (const [name, s] of Object.entries(main.schemas)) expect(typeof (s as { safeParse?: unknown }).safeParse, name).toBe('function');
  });
});
