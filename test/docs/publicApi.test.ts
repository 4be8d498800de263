import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourcesTime } from '../../scripts/_shared/builds.mjs';
import * as calendar from '../../src/entries/calendar.js';
import * as main from '../../src/index.js';
import * as testing from '../../src/testing/index.js';
import { requireBuild } from '../_support/built.js';

// The public surface is a deliberate list (issue 24): docs/integration.md "The public API" names every
// value (### Values) and every type (### Types) each entry point exports, and nothing else is exported.
const repo = resolve(__dirname, '../..');
const doc = readFileSync(resolve(repo, 'docs/integration.md'), 'utf8');
const api = doc.slice(doc.indexOf('## The public API'));
const valuesSection = api.slice(api.indexOf('### Values'), api.indexOf('### Types'));
const typesSection = api.slice(api.indexOf('### Types'));

const ENTRIES = ['gov-credit-rules', 'gov-credit-rules/calendar', 'gov-credit-rules/testing'] as const;
type Entry = (typeof ENTRIES)[number];

/** The part of a section about one entry: from its bold name to the next entry's. */
function entryText(section: string, entry: Entry): string {
  const start = section.indexOf(`**\`${entry}\`**`);
  expect(start, `docs/integration.md lists ${entry}`).toBeGreaterThanOrEqual(0);
  const end = section.indexOf('\n**`', start + 1);
  return section.slice(start, end < 0 ? undefined : end);
}

/** The values listed for an entry: every code name in its paragraph (`schemas.X` aside). */
function documentedValues(entry: Entry): string[] {
  const text = entryText(valuesSection, entry).replace(/`schemas\.[A-Za-z]+`/g, '');
  return [...new Set([...text.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].map((m) => m[1]!))].sort();
}

/** The types listed for an entry: the name each `- \`Type\`: what it is for` line starts with. */
function documentedTypes(entry: Entry): string[] {
  const names = [...entryText(typesSection, entry).matchAll(/^- `([A-Za-z_][A-Za-z0-9_]*)`: \S/gm)].map((m) => m[1]!);
  expect(names.length, `types listed for ${entry}`).toBeGreaterThan(10);
  return [...new Set(names)].sort();
}

// The declaration files the package publishes for each entry (package.json `exports`), ESM and CJS.
const DECLARATIONS: Record<Entry, string[]> = {
  'gov-credit-rules': ['dist/index.d.ts', 'dist/index.d.cts'],
  'gov-credit-rules/calendar': ['dist/calendar.d.ts', 'dist/calendar.d.cts'],
  'gov-credit-rules/testing': ['dist/testing.d.ts', 'dist/testing.d.cts'],
};

/**
 * The type-only exports of each declaration file (exports with no value meaning: interfaces and type
 * aliases), read with the TypeScript compiler. Only the package's own declaration files are read (the
 * entries and the chunks they import): whether a name is a type does not depend on zod's or
 * fast-check's types, and leaving those out keeps this a second, not several.
 */
function exportedTypes(files: string[]): Map<string, string[]> {
  const paths = files.map((f) => resolve(repo, f));
  const options: ts.CompilerOptions = { noEmit: true, noLib: true, types: [], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
  const host = ts.createCompilerHost(options);
  host.resolveModuleNameLiterals = (literals, containing, _redirected, opts) =>
    literals.map((l) => (l.text.startsWith('.') ? ts.resolveModuleName(l.text, containing, opts, host) : { resolvedModule: undefined }));
  const program = ts.createProgram({ rootNames: paths, options, host });
  const checker = program.getTypeChecker();
  return new Map(
    files.map((f, i) => {
      const source = program.getSourceFile(paths[i]!);
      const module = source && checker.getSymbolAtLocation(source);
      if (!module) throw new Error(`${f}: not a module the compiler can read`);
      const types = checker
        .getExportsOfModule(module)
        .filter((e) => !((e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e).flags & ts.SymbolFlags.Value))
        .map((e) => e.name)
        .sort();
      return [f, types];
    }),
  );
}

describe('the public API is the documented list', () => {
  it('gov-credit-rules exports exactly the values docs/integration.md lists (with the calendar entry)', () => {
    const listed = new Set([...documentedValues('gov-credit-rules'), ...documentedValues('gov-credit-rules/calendar')]);
    expect(Object.keys(main).sort()).toEqual([...listed].sort());
  });
  it('gov-credit-rules/calendar exports exactly the values it lists', () => {
    expect(Object.keys(calendar).sort()).toEqual(documentedValues('gov-credit-rules/calendar'));
  });
  it('gov-credit-rules/testing exports exactly the values it lists', () => {
    expect(Object.keys(testing).sort()).toEqual(documentedValues('gov-credit-rules/testing'));
  });
  it('every zod schema is under `schemas`, none at the top level', () => {
    expect(Object.keys(main).filter((k) => k.endsWith('Schema'))).toEqual([]);
    expect(Object.keys(main.schemas).length).toBeGreaterThan(20);
    for (const [name, s] of Object.entries(main.schemas)) expect(typeof (s as { safeParse?: unknown }).safeParse, name).toBe('function');
  });
});

describe('the public types are the documented list (read from the built .d.ts and .d.cts)', () => {
  requireBuild('index.d.ts', 'index.d.cts', 'calendar.d.ts', 'calendar.d.cts', 'testing.d.ts', 'testing.d.cts');
  if (statSync(resolve(repo, 'dist/index.d.ts')).mtimeMs < sourcesTime(repo)) {
    throw new Error('dist/ is older than src/: run `npm run build` (`npm test` builds it)');
  }
  const built = exportedTypes(Object.values(DECLARATIONS).flat());
  const expected: Record<Entry, string[]> = {
    'gov-credit-rules': [...new Set([...documentedTypes('gov-credit-rules'), ...documentedTypes('gov-credit-rules/calendar')])].sort(),
    'gov-credit-rules/calendar': documentedTypes('gov-credit-rules/calendar'),
    'gov-credit-rules/testing': documentedTypes('gov-credit-rules/testing'),
  };

  for (const entry of ENTRIES) {
    for (const file of DECLARATIONS[entry]) {
      it(`${file} exports exactly the types listed for ${entry}`, () => {
        expect(built.get(file)).toEqual(expected[entry]);
      });
    }
  }

  it('every output type generated from the schemas is public, and of the input types the five roots', () => {
    const generated = [...readFileSync(resolve(repo, 'src/model/types.generated.ts'), 'utf8').matchAll(/^export (?:interface|type) ([A-Za-z0-9_]+)/gm)].map((m) => m[1]!);
    expect(generated.length).toBeGreaterThan(40);
    const published = new Set(built.get('dist/index.d.ts'));
    const roots = ['CreditRecordInput', 'LifecycleEventInput', 'PackInput', 'QueryInput', 'SubjectInput'];
    expect(generated.filter((t) => !t.endsWith('Input') && !published.has(t))).toEqual([]);
    expect(generated.filter((t) => t.endsWith('Input') && published.has(t)).sort()).toEqual(roots);
  });
});
