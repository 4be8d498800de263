/**
 * The README is what a user needs and it is true as printed (issue 23): at most 300 lines, no
 * reference a user cannot follow, and every fenced command and snippet runs in a project where the
 * package is installed (here: linked from this repository; test/cli/installed.heavy.test.ts runs the
 * same against the packed tarball installed from npm's cache). The quick start's commands are the
 * ones CI runs.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensurePackageBuild } from '../../scripts/_shared/builds.mjs';
import { repo } from '../cli/_support.js';
import { blocks, commands, linkedProject, onFreePort, readme, runnable, runReadme, type Ran } from './_readme.js';

const text = readme();

describe('README: what a user needs', () => {
  it('is at most 300 lines', () => {
    expect(text.split('\n').length).toBeLessThanOrEqual(300);
  });

  it('refers to nothing a user cannot follow: no ../shared, no spec files outside the repository, no issue numbers', () => {
    expect(text).not.toMatch(/\.\.\/shared|shared\/spec|\bissues? \d+|NATIONAL\.md|CLAUSES\.md|SPEC\.md/);
    // Every relative link names a file or folder of the repository.
    for (const [, target] of text.matchAll(/\]\((?!https?:|#)([^)#]+)/g)) expect(existsSync(join(repo, target!)), target).toBe(true);
  });

  it('has the parts a user looks for, and every fenced block is one the test knows how to check', () => {
    const headings = [...text.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    for (const h of ['Quick start', 'What it decides', 'Install', 'Two minutes in TypeScript', 'Two minutes on the command line', 'Where to go next']) expect(headings).toContain(h);
    for (const b of blocks(text)) expect(['sh', 'ts', 'js', 'text', 'json'], `block at line ${b.line}`).toContain(b.lang);
  });

  it('the quick start is two commands, the ones CI runs: install and the demo on the bundled examples, then the tests', () => {
    const quick = blocks(text).filter((b) => b.heading === 'Quick start');
    expect(quick).toHaveLength(1);
    const cmds = commands(quick[0]!.body).map((c) => c.replace(/\s+#.*$/, ''));
    expect(cmds).toEqual(['npm ci && npm run demo', 'npm test']);
    const ci = readFileSync(join(repo, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm test$/m);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toBe('node scripts/demo.mjs');
    // `npm run demo` itself runs in test:heavy (test/cli/installed.heavy.test.ts), as printed.
  });

  it('installs with the one command a user types', () => {
    const install = blocks(text).filter((b) => b.heading === 'Install' && b.lang === 'sh');
    expect(install.map((b) => commands(b.body))).toEqual([['npm install gov-credit-rules']]);
  });
});

describe('README: every command and snippet runs as printed', () => {
  let ran: { commands: Ran[]; snippets: (Ran & { claims: number })[] };
  const project = mkdtempSync(join(tmpdir(), 'gcr-readme-'));
  beforeAll(async () => {
    // `npm test` has built the package when the sources changed; a direct vitest run builds it here.
    await ensurePackageBuild(repo);
    ran = await runReadme(linkedProject(project));
  }, 300_000);

  it('runs every shell command in a project with the package installed: each exits 0 and writes something', () => {
    const expected = blocks(text).filter((b) => runnable(b) && b.lang === 'sh').flatMap((b) => commands(b.body));
    expect(ran.commands.map((r) => r.what)).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    for (const r of ran.commands) {
      expect(r.code, `${r.what}\n${r.stderr}`).toBe(0);
      // Its output: on stdout, or in the file it is redirected to.
      const to = /> (\S+)\s*$/.exec(r.what)?.[1];
      expect(to ? readFileSync(join(project, to), 'utf8').length : r.stdout.length, r.what).toBeGreaterThan(0);
      expect(r.stderr, r.what).not.toMatch(/npm (ERR|error)|command not found|Cannot find/);
    }
  });

  it('the commands print what the README says they do', () => {
    const out = (start: string) => ran.commands.find((r) => r.what.startsWith(start))!.stdout;
    expect(out('npx gov-credit-rules evaluate examples/subjects/02')).toMatch(/结论\s+不得/);
    expect(JSON.parse(out('npx gov-credit-rules evaluate examples/query.json')).verdict).toBe('barred');
    expect(JSON.parse(out('echo ')).verdict).toBe('clear');
    expect(out('npx gov-credit-rules deadline --objection-received')).toMatch(/届满日\s+2026-10-23/);
    expect(out('npx gov-credit-rules deadline --sanction')).toMatch(/限制解除日\s+2026-09-16/);
    expect(out('npx gov-credit-rules packs')).toContain('cn-tj-binhai');
  });

  it('runs every TypeScript and JavaScript snippet; every `expression; // value` claim holds', () => {
    const snippets = blocks(text).filter((b) => runnable(b) && (b.lang === 'ts' || b.lang === 'js'));
    expect(ran.snippets).toHaveLength(snippets.length);
    expect(snippets.length).toBeGreaterThanOrEqual(4);
    let claims = 0;
    for (const s of ran.snippets) {
      expect(s.code, `${s.what}\n${s.stderr}`).toBe(0);
      // Every claim was reached and checked (none sits in a branch that did not run).
      expect(s.stdout, s.what).toContain(`README-CHECKS ${s.claims}/${s.claims}`);
      claims += s.claims;
    }
    expect(claims).toBeGreaterThanOrEqual(12);
  });
});

describe('README blocks that cannot run line by line', () => {
  it('`<!-- readme: server -->`: the first command stays up in the background while the next ones use it, then it is stopped', async () => {
    const port = 20000 + (process.pid % 20000);
    const text = [
      '## Web service',
      '',
      '<!-- readme: server -->',
      '```sh',
      `node -e "require('node:http').createServer((q, s) => s.end('up')).listen(${port})"`,
      `curl -sf http://127.0.0.1:${port}/`,
      '```',
    ].join('\n');
    expect(blocks(text)[0]!.mode).toBe('server');
    const r = await runReadme(linkedProject(mkdtempSync(join(tmpdir(), 'gcr-readme-server-'))), text);
    expect(r.commands.map((c) => c.code)).toEqual([0, 0]);
    expect(r.commands[1]!.stdout).toBe('up');
    expect(() => blocks('<!-- readme: sometimes -->\n```sh\nx\n```')).toThrow(/unknown readme mode/);
  }, 60_000);

  it("the README's service block runs on a free port, so two checkouts can run this suite at once", () => {
    const block = blocks(readme()).find((b) => b.mode === 'server');
    expect(block, 'the README has a server block').toBeDefined();
    const [serve, ...calls] = onFreePort(commands(block!.body), 41234);
    expect(serve).toMatch(/ serve --port 41234$/);
    for (const c of calls) expect(c).toContain('127.0.0.1:41234');
    expect(calls.join('\n')).not.toContain('8080');
  });
});
