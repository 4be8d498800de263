import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../_support/sourceFiles.js';

// Folder boundaries (issue 24): a folder's `_internal/` is its own. Another folder reaches what it needs
// through the folder's deliberate internal entry (src/<folder>/internal.ts); the folders import each
// other without a cycle; and no new cycle between modules appears. Read with the TypeScript scanner
// (ts.preProcessFile: static, type-only and dynamic imports and re-exports), no type check.

const root = path.resolve(__dirname, '../..');
const src = path.join(root, 'src');

const rel = (p: string) => path.relative(src, p).replaceAll('\\', '/');
const folderOf = (file: string) => (rel(file).includes('/') ? rel(file).split('/')[0]! : '(root)');

interface Edge {
  from: string;
  to: string;
  specifier: string;
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of sourceFiles(src)) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), fileName).replace(/\.js$/, '.ts');
      if (!target.startsWith(src + path.sep)) continue; // rules/*.json, law/*.json, package.json
      const to = fs.existsSync(target) ? target : target.replace(/\.ts$/, '/index.ts');
      out.push({ from: file, to, specifier: fileName });
    }
  }
  return out;
}

/** Strongly connected components of more than one node (Tarjan). */
function cycles(nodes: Iterable<string>, next: (n: string) => Iterable<string>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const n of nodes) if (!idx.has(n)) visit(n);
  return out;
}

// The one import of another folder's private module that is not through its entry: the json-rules-engine
// adapter, loaded on demand as a module of its own (tsup.config.ts builds it as dist/jre.js, so a bundle
// that never runs the reference evaluator leaves json-rules-engine out).
const DELIBERATE = new Set(['engine/_internal/referenceRunner.ts -> packs/_internal/jre.ts']);

// Cycles between modules that are accepted: none (issue 24 removed the last four). Every edge counts,
// `import type` and `export type … from` included (ts.preProcessFile reads them all): a type-only cycle
// still ties two modules together. A new cycle fails below; to accept one, it would be listed here with
// the reason, as [moduleA, moduleB].
const KNOWN_MODULE_CYCLES: string[][] = [];

describe('folder boundaries', () => {
  const all = edges();

  it("no folder imports another folder's _internal modules except through that folder's internal entry", () => {
    const crossing = all
      .filter((e) => folderOf(e.from) !== folderOf(e.to) && rel(e.to).split('/').includes('_internal'))
      .map((e) => `${rel(e.from)} -> ${rel(e.to)}`)
      .filter((e) => !DELIBERATE.has(e));
    expect(crossing).toEqual([]);
  });

  it('the public entry points never export an internal entry', () => {
    const publicEntries = ['index.ts', 'calendar/index.ts', 'testing/index.ts', 'model/index.ts', 'engine/index.ts', 'decision/index.ts', 'packs/index.ts', 'deadlines/index.ts'];
    const leaks = all
      .filter((e) => publicEntries.includes(rel(e.from)))
      .filter((e) => /(^|\/)internal\.ts$/.test(rel(e.to)) || (folderOf(e.from) !== folderOf(e.to) && rel(e.to).split('/').includes('_internal')))
      .map((e) => `${rel(e.from)} -> ${rel(e.to)}`);
    expect(leaks).toEqual([]);
  });

  it('the folders import each other without a cycle', () => {
    const byFolder = new Map<string, Set<string>>();
    for (const e of all) {
      const a = folderOf(e.from);
      const b = folderOf(e.to);
      if (a === b) continue;
      if (!byFolder.has(a)) byFolder.set(a, new Set());
      byFolder.get(a)!.add(b);
    }
    expect(cycles(byFolder.keys(), (f) => byFolder.get(f) ?? [])).toEqual([]);
  });

  it('the cycle finder finds a cycle, type-only edges included (so the checks below can fail)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
    ]);
    expect(cycles(graph.keys(), (f) => graph.get(f) ?? [])).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    const typeOnly = ts.preProcessFile("import type { X } from './x.js';\nexport type { Y } from './y.js';\n", true, true);
    expect(typeOnly.importedFiles.map((f) => f.fileName)).toEqual(['./x.js', './y.js']);
  });

  it('no cycle between modules beyond the known ones (none)', () => {
    const next = new Map<string, string[]>();
    for (const e of all) next.set(rel(e.from), [...(next.get(rel(e.from)) ?? []), rel(e.to)]);
    const found = cycles(next.keys(), (f) => next.get(f) ?? []);
    expect(found.map((c) => c.join(' <-> ')).sort()).toEqual(KNOWN_MODULE_CYCLES.map((c) => [...c].sort().join(' <-> ')).sort());
  });
});
