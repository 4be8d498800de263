import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_ERROR_CODES, EXIT_DOCS } from '../../src/cli/_internal/exit.js';
import { cli, cliPath, noStack, repo, run } from './_support.js';

beforeAll(async () => {
  await cliPath();
}, 120_000);

const tmp = mkdtempSync(join(tmpdir(), 'gcr-errors-'));
const query = readFileSync(join(repo, 'examples', 'query.json'), 'utf8');
const badPack = join(tmp, 'bad-pack.json');
{
  const pack = JSON.parse(readFileSync(join(repo, 'rules', 'cn-gd.json'), 'utf8'));
  pack.rules[0].conditions.all[0].path = '$.kind';
  writeFileSync(badPack, JSON.stringify(pack));
}
const notJson = join(tmp, 'not.json');
writeFileSync(notJson, '{ "pack": ');
const latin1 = join(tmp, 'latin1.json');
writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]));

interface Case {
  name: string;
  args: string[];
  input?: string;
  exit: number;
  code: string;
  /** Expected did-you-mean. */
  suggestion?: string;
  path?: (string | number)[];
}

/**
 * Every kind of error, each with the exit code and stable code the contract gives it (docs/cli.md),
 * as one JSON object on stderr with `--format json`. Usage, file, pack and input errors alike.
 */
const CASES: Case[] = [
  { name: 'unknown command', args: ['evalute'], exit: 2, code: 'unknown_command', suggestion: 'evaluate' },
  { name: 'unknown option', args: ['packs', '--formt', 'json'], exit: 2, code: 'unknown_option', suggestion: '--format' },
  { name: 'bad option value', args: ['deadline', '--from', '2026-12-20', '--working-days', '15', '--unknown-years', 'weekend-only'], exit: 2, code: 'invalid_option', suggestion: 'weekends-only' },
  { name: 'missing file argument', args: ['evaluate'], exit: 2, code: 'missing_argument' },
  { name: 'extra argument', args: ['packs', 'extra'], exit: 2, code: 'unexpected_argument' },
  { name: 'file not found', args: ['evaluate', 'nope.json'], exit: 2, code: 'file_not_found' },
  { name: 'a folder for a file', args: ['evaluate', 'examples'], exit: 2, code: 'file_unreadable' },
  { name: 'input not JSON', args: ['evaluate', notJson], exit: 1, code: 'invalid_json' },
  { name: 'input not UTF-8', args: ['evaluate', latin1], exit: 1, code: 'invalid_utf8' },
  { name: 'pack file not JSON (--load)', args: ['packs', '--load', notJson], exit: 2, code: 'invalid_json' },
  { name: 'invalid pack file', args: ['pack', 'show', badPack], exit: 2, code: 'invalid_pack' },
  { name: 'unknown pack in --pack', args: ['evaluate', 'examples/subjects/01-clean-civil-servant.json', '--pack', 'cn-tj-binhia', '--action', 'promotion'], exit: 2, code: 'unknown_pack', suggestion: 'cn-tj-binhai', path: ['--pack'] },
  { name: 'unknown pack in the input', args: ['evaluate', '-'], input: query.replace('"cn-tj-binhai"', '"cn-tj-binhia"'), exit: 1, code: 'unknown_pack', suggestion: 'cn-tj-binhai', path: ['pack'] },
  { name: 'unknown action in --action', args: ['evaluate', 'examples/subjects/01-clean-civil-servant.json', '--pack', 'cn-yn', '--action', 'promotoin'], exit: 2, code: 'invalid_option', suggestion: 'promotion' },
  { name: 'unknown action in the input', args: ['evaluate', '-'], input: query.replace('"excellent-rating"', '"excelent-rating"'), exit: 1, code: 'invalid_input', suggestion: 'excellent-rating', path: ['action'] },
  { name: 'misspelled field in the input', args: ['evaluate', '-'], input: query.replace('"asOf"', '"asof"'), exit: 1, code: 'invalid_input', suggestion: 'asOf' },
  { name: 'invalid --policy', args: ['evaluate', 'examples/query.json', '--policy', '{"pendingObjection":"suspend"}'], exit: 2, code: 'invalid_policy', suggestion: 'suspends', path: ['policy', 'pendingObjection'] },
  { name: 'bad date option', args: ['deadline', '--from', '2026-02-30', '--working-days', '3'], exit: 2, code: 'invalid_option' },
  { name: 'year without calendar data', args: ['deadline', '--from', '2031-03-02', '--working-days', '3'], exit: 2, code: 'calendar_coverage', path: ['--from'] },
  { name: 'unknown sanction', args: ['deadline', '--sanction', 'warnin', '--effective-on', '2026-03-01'], exit: 2, code: 'invalid_option', suggestion: 'warning' },
];

// Most cases run the CLI's main in this process (the same code, no Node start-up each: npm test stays
// within 90 s); the ones marked run the built CLI in a child process, for the real exit status and
// streams, and --load, which registers a pack.
const SPAWNED = new Set(['unknown command', 'missing file argument', 'input not UTF-8', 'pack file not JSON (--load)', 'year without calendar data']);

describe('one error contract: --format json gives one JSON object on stderr, with a stable code', () => {
  for (const c of CASES) {
    it(`${c.name}: exit ${c.exit}, code ${c.code}`, async () => {
      const how = SPAWNED.has(c.name) ? cli : run;
      const r = await how([...c.args, '--format', 'json'], c.input === undefined ? {} : { input: c.input });
      expect(r.code).toBe(c.exit);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      const { error } = JSON.parse(lines[0]!) as { error: Record<string, any> };
      expect(error.code).toBe(c.code);
      expect(error.exitCode).toBe(c.exit);
      expect(error.message['zh-CN'] && error.message.en).toBeTruthy();
      expect(error.issues.length).toBeGreaterThan(0);
      for (const i of error.issues) expect(i.message['zh-CN'] && i.message.en && Array.isArray(i.path)).toBeTruthy();
      if (c.suggestion) expect(JSON.stringify(error)).toContain(`"suggestion":"${c.suggestion}"`);
      if (c.path) expect(error.issues.map((i: { path: unknown }) => i.path)).toContainEqual(c.path);
    });
  }

  it('every CLI error code of the contract is exercised above or documented as not reachable here', () => {
    const seen = new Set(CASES.map((c) => c.code));
    // file_not_regular and file_too_large: test/cli/files.test.ts; interrupted: batchResilience.heavy.test.ts;
    // serve's missing_dependency and cannot_listen: test/cli/installed.heavy.test.ts and test/cli/serve/endpoints.heavy.test.ts.
    const elsewhere = ['invalid_schedule', 'not_applicable', 'no_examples', 'output_closed', 'internal', 'invalid_option', 'file_not_regular', 'file_too_large', 'interrupted', 'missing_dependency', 'cannot_listen'];
    for (const code of Object.keys(CLI_ERROR_CODES)) expect(seen.has(code) || elsewhere.includes(code), code).toBe(true);
    expect(EXIT_DOCS.map((e) => e.code)).toEqual([0, 1, 2, 3, 4, 130, 143]);
  });
});

describe('the same errors as text (in-process)', () => {
  it('in the locale, one paragraph, no stack, no English V8 message inside a Chinese sentence', async () => {
    const r = await run(['evaluate', notJson]);
    expect(r.code).toBe(1);
    // Where and what, in Chinese: no V8 message ("Unexpected token …") inside the Chinese sentence.
    expect(r.stderr).toMatch(/^\S+ 不是有效的 JSON：(第 \d+ 行第 \d+ 列：|JSON 没有写完|内容为空)/);
    expect(r.stderr).not.toMatch(/Unexpected|JSON at position|is not valid JSON/);
    expect(noStack(r.stderr)).toBe(true);
  });

  it('did-you-mean in both languages', async () => {
    const zh = await run(['evalute']);
    expect(zh.stderr).toContain('未知命令 evalute（是否要输入"evaluate"？）');
    const en = await run(['evaluate', '-', '--locale', 'en'], { input: query.replace('"excellent-rating"', '"excelent-rating"') });
    expect(en.stderr).toContain('action: ');
    expect(en.stderr.replace(/\s+/g, ' ')).toContain('(did you mean "excellent-rating"?)');
  });

  it('a missing year tells a command-line user the options, not the JavaScript API', async () => {
    const r = await run(['deadline', '--objection-received', '2026-12-15', '--pack', 'cn-jl-tonghua', '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the calendar does not cover 2027');
    expect(r.stderr).toContain('schedule template 2027 --output holidays-2027.json');
    expect(r.stderr).toContain('--schedule holidays-2027.json');
    expect(r.stderr).toContain('--unknown-years statutory');
    expect(r.stderr).toContain('--unknown-years weekends-only');
    expect(r.stderr).not.toMatch(/withSchedule|createCalendar|unknownYears/);
  });

  it('the input, not the options, decides exit 1: the same unknown pack is 2 in --pack, 1 in a query', async () => {
    const flag = await run(['evaluate', 'examples/subjects/01-clean-civil-servant.json', '--pack', 'cn-qq', '--action', 'promotion']);
    const input = await run(['evaluate', '-'], { input: query.replace('"cn-tj-binhai"', '"cn-qq"') });
    expect([flag.code, input.code]).toEqual([2, 1]);
    expect(flag.stderr).toContain('未知规则包');
    expect(input.stderr).toContain('未知规则包');
  });
});
