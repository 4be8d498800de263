import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, repo } from './_support.js';

const doc = readFileSync(join(repo, 'docs', 'integration.md'), 'utf8');
const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const builtLib = existsSync(join(repo, 'dist', 'index.js')) && existsSync(join(repo, 'dist', 'index.cjs'));
let cliCmd = '';

beforeAll(async () => {
  cliCmd = `${process.execPath} ${await cliPath()}`;
}, 120_000);

const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync(cmd, args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GOV_CREDIT_RULES_CLI: cliCmd, ...env } });

describe('docs/integration.md', () => {
  it('shows each snippet exactly as the file the tests run', () => {
    const blocks = [...doc.matchAll(/<!-- snippet: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)];
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    for (const [, path, body] of blocks) expect(body, path).toBe(readFileSync(join(repo, path!), 'utf8').trimEnd());
  });
});

describe('examples/integration', () => {
  // The Node snippets import the package by name (a self-reference), which needs the built library.
  it.skipIf(!builtLib)('Node ESM: evaluate, explain, createEvaluator', () => {
    const out = run(process.execPath, ['examples/integration/embed.mjs']);
    expect(out).toContain('barred AR-29, TJB-4');
    expect(out).toContain('promotion: barred clear from 2027-02-11');
  });

  it.skipIf(!builtLib)('Node CJS: evaluate and a typed error', () => {
    const out = run(process.execPath, ['examples/integration/embed.cjs']);
    expect(out).toContain('barred public-criticism');
    expect(out).toContain('subject.records.0.decidedOn | 应为真实日期');
  });

  it('Node: validating a query with ajv against the shipped schema', () => {
    expect(run(process.execPath, ['examples/integration/validate.mjs', 'examples/query.json']).trim()).toBe('valid');
  });

  it.skipIf(!has('python3', ['--version']))('Python: the CLI with JSON in and out', () => {
    const out = run('python3', ['examples/integration/call_cli.py']);
    expect(out).toContain("barred ['AR-29', 'TJB-4']");
    expect(out).toContain("refused: ['assessmentYear']");
    expect(out).toContain("1 [('p-1024', 'restricted')]");
    expect(out).toContain('2 [(\'p-2\', \'clear\')]');
    expect(out).toContain("3 ['kind']");
  });

  it.skipIf(!has('python3', ['-c', 'import jsonschema']))('Python: validating with jsonschema', () => {
    expect(run('python3', ['examples/integration/validate_schema.py', 'schemas/query.schema.json', 'examples/query.json']).trim()).toBe('valid');
  });

  it.skipIf(!has('java', ['-version']))('Java: the CLI with JSON in and out', () => {
    const out = run('java', ['examples/integration/GovCreditRules.java', 'examples/query.json']);
    expect(out).toContain('verdict: barred');
    expect(out).toContain('AR-29, TJB-4');
  }, 60_000);
});
