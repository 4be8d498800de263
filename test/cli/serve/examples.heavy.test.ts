/**
 * examples/integration's Java web-service client (java.net.http), compiled with javac (-Xlint:all
 * -Werror) and run against `serve` on a loopback port, a roster of 2,000 lines streamed through it
 * (npm run test:heavy: compiling Java takes a while). The Python client runs in endpoints.heavy.test.ts; the
 * .NET one is shown in docs/integration.md but not run: no .NET SDK on the CI machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repo, startServer, type Server } from './_serve.js';

const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
let s: Server;
const tmp = mkdtempSync(join(tmpdir(), 'gcr-examples-'));

beforeAll(async () => {
  s = await startServer();
}, 120_000);
afterAll(async () => {
  expect(await s.stop()).toBe(0);
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GOV_CREDIT_RULES_URL: s.url, GOV_CREDIT_RULES_TOKEN: '' }, timeout: 120_000 });

describe('examples/integration: calling the web service from Java', () => {
  it('Java: compiled with javac; evaluate, a 404 with its suggestion, a roster streamed up and down', (t) => {
    // Skipped, saying why in the summary, where the tool is not installed.
    if (!has('javac', ['-version'])) t.skip('javac (a JDK) is not installed');
    const roster = join(tmp, 'roster.jsonl');
    writeFileSync(roster, readFileSync(join(repo, 'examples', 'roster.jsonl'), 'utf8').split('\n').slice(0, 2000).join('\n') + '\n');
    execFileSync('javac', ['-Xlint:all', '-Werror', '-d', join(tmp, 'classes'), 'examples/integration/GovCreditRulesService.java'], { cwd: repo, encoding: 'utf8' });
    const out = run('java', ['-cp', join(tmp, 'classes'), 'GovCreditRulesService', 'examples/query.json', roster]);
    expect(out).toContain('verdict: barred');
    expect(out).toContain('clauses: AR-29, TJB-4');
    expect(out).toContain('refused: 404 (did you mean cn-tj-binhai?)');
    expect(out).toMatch(/screened: \{.*lines=2000.*\}/);
  }, 120_000);
});
