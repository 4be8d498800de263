/**
 * Bundle-size check (`npm run size`, run by CI after `npm run build`): bundles tiny apps that import
 * the built package the way a browser app would (esbuild, ESM, minified, for browsers), gzips them
 * (level 9) and prints the figures. Fails when an app passes its budget or pulls in a package it
 * must not (the calendar entry: no zod, no json-rules-engine; `createEvaluator`: no json-rules-engine).
 *
 *   npm run build && npm run size            # table
 *   npm run size -- --json                   # figures as JSON
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface App {
  id: string;
  title: string;
  source: string;
  /** Fails above this many gzip bytes (kB = 1000 bytes). */
  budgetGzip: number;
  /** Packages the bundle must not contain. */
  forbidden: string[];
}

const ENGINE = ['json-rules-engine', 'jsonpath-plus', 'eventemitter2', 'hash-it'];

export const APPS: App[] = [
  {
    id: 'calendar-addWorkingDays',
    title: "addWorkingDays from 'gov-credit-rules/calendar'",
    source: `import { addWorkingDays } from 'gov-credit-rules/calendar';\nconsole.log(addWorkingDays('2026-09-28', 15));\n`,
    // 10.6 kB: the official data and the counting core. 11 kB, not 12: a statute-facts value computed at
    // module level once pulled the law's JSON in here (+1.1 kB, issue 24) and passed the old budget.
    budgetGzip: 11_000,
    forbidden: ['zod', ...ENGINE],
  },
  {
    id: 'calendar-all',
    title: "every export of 'gov-credit-rules/calendar'",
    source: `import * as calendar from 'gov-credit-rules/calendar';\nconsole.log(calendar);\n`,
    // createCalendar carries the statutory mode (issue 21: the 放假办法's versions, the lunar-date
    // table generated from tyme4ts, the growing index): +3 kB gzip. addWorkingDays alone does not.
    // The sanction periods and the review and appeal deadlines read their months, days and clauses
    // from the statute facts (law/*.json, each value with its quote) instead of copies in code
    // (issue 24): +1.9 kB gzip.
    budgetGzip: 21_000,
    forbidden: ['zod', ...ENGINE],
  },
  {
    id: 'createEvaluator-explain',
    title: "createEvaluator + explain from 'gov-credit-rules'",
    source: [
      `import { createEvaluator, explain } from 'gov-credit-rules';`,
      `const binhai = createEvaluator('cn-tj-binhai');`,
      `const subject = { id: 'p1', kind: 'civil-servant', records: [{ id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-15' }] };`,
      `console.log(explain(binhai.evaluate({ subject, action: 'promotion', asOf: '2026-06-01' })));`,
      '',
    ].join('\n'),
    // Grows with the packs' quoted text and the fast pipeline (the compiled validator, the per-record
    // sweeps: +4 kB gzip in issue 15; issue 20's statute text — 15 national clauses, 10 rules, their
    // bilingual readings — about +10 kB; the calendar's statutory mode, which the policy
    // unknownCalendarYears can ask for: +3.5 kB in issue 21; issues 22 and 23 together — the typed
    // label tables for every closed set, field names in messages, the input limits — about +2 kB;
    // issues 24 and 25: the statute facts as data with their clauses and quotes, the 条例 10 ② chain
    // as its own structure — about +3 kB); the point is that json-rules-engine stays out (forbidden).
    budgetGzip: 125_000,
    forbidden: ENGINE,
  },
  {
    id: 'evaluate',
    title: "evaluate from 'gov-credit-rules' (json-rules-engine, for comparison)",
    source: `import { evaluate } from 'gov-credit-rules';\nconsole.log(evaluate);\n`,
    budgetGzip: 138_000,
    forbidden: [],
  },
];

export interface Figure {
  id: string;
  title: string;
  minified: number;
  gzip: number;
  budgetGzip: number;
  /** Minified bytes per package (or `gov-credit-rules`), largest first. */
  parts: [string, number][];
  problems: string[];
}

function packageOf(input: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) return m[1]!;
  // The json-rules-engine adapter, with json-rules-engine bundled into it (tsup.config.ts).
  if (/^dist\/jre\.(c?js)$/.test(input)) return 'json-rules-engine';
  return input.startsWith('dist/') || input.startsWith('rules/') ? 'gov-credit-rules' : input;
}

/** Bundles each app against the built package and measures it. */
export async function measure(apps: App[] = APPS): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gcr-size-'));
  try {
    // The app's own node_modules holds the package as a host would install it (its exports map decides).
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'gov-credit-rules'), 'dir');
    const out: Figure[] = [];
    for (const app of apps) {
      const entry = join(dir, `${app.id}.mjs`);
      writeFileSync(entry, app.source);
      const r = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        metafile: true,
        logLevel: 'silent',
        absWorkingDir: root,
      });
      const code = r.outputFiles[0]!.contents;
      const parts = new Map<string, number>();
      const meta: Metafile = r.metafile;
      for (const output of Object.values(meta.outputs)) {
        for (const [input, v] of Object.entries(output.inputs)) {
          const p = packageOf(input);
          if (p.endsWith('.mjs')) continue;
          parts.set(p, (parts.get(p) ?? 0) + v.bytesInOutput);
        }
      }
      const gzip = gzipSync(code, { level: 9 }).length;
      const problems: string[] = [];
      if (gzip > app.budgetGzip) problems.push(`${kB(gzip)} gzip is over the budget of ${kB(app.budgetGzip)}`);
      for (const f of app.forbidden) if ((parts.get(f) ?? 0) > 0) problems.push(`contains ${f} (${kB(parts.get(f)!)} minified)`);
      out.push({
        id: app.id,
        title: app.title,
        minified: code.length,
        gzip,
        budgetGzip: app.budgetGzip,
        parts: [...parts].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]),
        problems,
      });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const kB = (n: number): string => `${(n / 1000).toFixed(1)} kB`;

/** The figures as a table (docs/browser.md quotes it). */
export function formatFigures(figures: Figure[]): string {
  const lines = ['| app | minified | gzip | budget (gzip) | largest parts (minified) |', '|---|---:|---:|---:|---|'];
  for (const f of figures) {
    const parts = f.parts.slice(0, 3).map(([p, n]) => `${p} ${kB(n)}`).join(', ');
    lines.push(`| ${f.title} | ${kB(f.minified)} | ${kB(f.gzip)} | ${kB(f.budgetGzip)} | ${parts} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const figures = await measure();
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
  } else {
    process.stdout.write('Bundle sizes: esbuild --bundle --minify --format=esm --platform=browser, gzip -9 (kB = 1000 bytes)\n\n');
    process.stdout.write(formatFigures(figures) + '\n');
  }
  const failed = figures.filter((f) => f.problems.length);
  for (const f of failed) for (const p of f.problems) process.stderr.write(`size: ${f.title}: ${p}\n`);
  if (failed.length) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
