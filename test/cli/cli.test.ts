import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/_internal/help.js';
import { cli, cliPath, noStack, repo, run } from './_support.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

beforeAll(async () => {
  await cliPath();
}, 120_000);

const example = (name: string) => join('examples', 'subjects', name);
const tmp = mkdtempSync(join(tmpdir(), 'gcr-cli-'));

describe('help and usage', () => {
  it('--help lists every command and the exit codes, on stdout, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const c of COMMANDS) expect(r.stdout).toContain(c.name);
    expect(r.stdout).toContain('退出码');
    const en = await run(['--help', '--locale', 'en']);
    expect(en.stdout).toContain('Exit codes:');
    expect(en.stdout).toContain('could not run');
  });

  for (const c of COMMANDS) {
    it(`${c.name} --help shows usage and an example, in both locales`, async () => {
      const zh = await run([...c.name.split(' '), '--help']);
      expect(zh.code).toBe(0);
      expect(zh.stdout).toContain('用法：');
      expect(zh.stdout).toContain('示例：');
      expect(zh.stdout).toContain(`gov-credit-rules ${c.name.split(' ')[0]}`);
      const en = await run(['help', c.name, '--locale', 'en']);
      expect(en.code).toBe(0);
      expect(en.stdout).toContain('Examples:');
      expect(en.stdout).toContain(c.summary.en);
    });
  }

  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version);
  });

  it('no command: help on stderr, exit 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('gov-credit-rules <command>');
  });

  it('an unknown command: exit 2, message in the chosen locale, no stack trace', async () => {
    const zh = await run(['frobnicate']);
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toContain('未知命令 frobnicate');
    expect(noStack(zh.stderr)).toBe(true);
    const en = await run(['frobnicate', '--locale', 'en']);
    expect(en.stderr).toContain('unknown command frobnicate');
  });

  it('an unknown option and a bad --locale are usage errors', async () => {
    const r = await run(['packs', '--colour', '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --colour');
    const l = await run(['packs', '--locale', 'fr']);
    expect(l.code).toBe(2);
    expect(l.stderr).toContain('--locale');
  });

  it('--debug adds the stack trace', async () => {
    const r = await cli(['evaluate', 'no-such-file.json', '--debug', '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file: no-such-file.json');
    expect(noStack(r.stderr)).toBe(false);
  });
});

describe('packs and pack show', () => {
  it('packs lists the six packs with their document numbers', async () => {
    const r = await run(['packs']);
    expect(r.code).toBe(0);
    for (const id of [...SHIPPED_PACKS]) expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('津滨政发〔2018〕31号');
    const j = await run(['packs', '--format', 'json']);
    const list = JSON.parse(j.stdout) as { id: string; document: string }[];
    expect(list.map((p) => p.id)).toContain('cn-yn');
    expect(list.find((p) => p.id === 'cn-yn')?.document).toBe('云政发〔2017〕66号');
  });

  it('pack show prints clauses with quotes and rules; json is the pack', async () => {
    const r = await run(['pack', 'show', 'cn-yn', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('各级政府的公务员不履行人民法院生效裁决的，不予晋升、提拔。');
    expect(r.stdout).toContain('yn-2-unfulfilled-judgment-promotion-bar');
    expect(r.stdout).toContain('record.kind ∈ {unfulfilled-court-judgment, judgment-defaulter}');
    const j = await run(['pack', 'show', 'cn-yn', '--format', 'json']);
    expect(JSON.parse(j.stdout).id).toBe('cn-yn');
  });

  it('pack show validates a file; an invalid pack is exit 2 naming the rule', async () => {
    const pack = JSON.parse(readFileSync(join(repo, 'rules', 'cn-gd.json'), 'utf8'));
    pack.rules[0].conditions.all[0].path = '$.kind';
    const f = join(tmp, 'bad-pack.json');
    writeFileSync(f, JSON.stringify(pack));
    const r = await run(['pack', 'show', f, '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(pack.rules[0].id);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain('plain dotted path');
    expect(noStack(r.stderr)).toBe(true);
  });

  it('an unknown pack id is exit 2', async () => {
    const r = await run(['pack', 'show', 'cn-xx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cn-xx');
  });
});

describe('evaluate', () => {
  it('an example subject with flags: a table on stdout, exit 0', async () => {
    const r = await run(['evaluate', example('02-warning-this-year.json'), '--pack', 'cn-tj-binhai', '--action', 'excellent-rating', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Verdict\s+barred/);
    expect(r.stdout).toContain('TJB-4');
    expect(r.stdout).toContain('AR-29');
  });

  it('a query on stdin, --format json: the Decision', async () => {
    const r = await run(['evaluate', '-', '--format', 'json'], { input: readFileSync(join(repo, 'examples', 'query.json'), 'utf8') });
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.verdict).toBe('barred');
    expect(d.pack.id).toBe('cn-tj-binhai');
  });

  it('several packs and actions: one row (or one JSON decision) per combination', async () => {
    const args = ['evaluate', example('04-administrative-penalty.json'), '--pack', 'cn-jl-tonghua,cn-yn', '--action', 'promotion,awards'];
    const t = await run(args);
    expect(t.code).toBe(0);
    expect(t.stdout.split('\n').filter((l) => /^(通化市|云南省)/.test(l))).toHaveLength(4);
    expect(t.stdout).toContain('条款代码：');
    const j = await run([...args, '--format', 'json']);
    const ds = JSON.parse(j.stdout) as { pack: { id: string }; action: string; verdict: string }[];
    expect(ds.map((d) => `${d.pack.id} ${d.action} ${d.verdict}`)).toEqual([
      'cn-jl-tonghua promotion restricted',
      'cn-jl-tonghua awards restricted',
      'cn-yn promotion clear',
      'cn-yn awards restricted',
    ]);
  });

  it('--format text is explain()', async () => {
    const r = await run(['evaluate', 'examples/query.json', '--format', 'text', '--locale', 'en']);
    expect(r.stdout).toContain('as of 2026-11-20: barred');
  });

  it('an invalid query: exit 1, the errors with paths on stderr in the locale, nothing on stdout', async () => {
    const q = JSON.parse(readFileSync(join(repo, 'examples', 'query.json'), 'utf8'));
    q.subject.records[0].decidedOn = '2026-02-30';
    delete q.assessmentYear;
    const input = JSON.stringify(q);
    const zh = await run(['evaluate', '-'], { input });
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toContain('输入无效');
    expect(zh.stderr).toContain('subject.records.0.decidedOn');
    expect(zh.stderr).toContain('应为真实日期');
    expect(noStack(zh.stderr)).toBe(true);
    const en = await run(['evaluate', '-', '--locale', 'en'], { input });
    expect(en.stderr).toContain('expected a real date as YYYY-MM-DD');
    const j = await run(['evaluate', '-', '--format', 'json'], { input });
    expect(j.code).toBe(1);
    const err = JSON.parse(j.stderr).error;
    expect(err.name).toBe('InvalidInputError');
    expect(err.issues[0].path).toEqual(['subject', 'records', 0, 'decidedOn']);
    expect(err.issues[0].message.en).toBeTruthy();
  });

  it('a bare subject reports paths relative to itself', async () => {
    const s = { id: 'x', kind: 'civil-servant', records: [{ id: 'r', kind: 'accountability', decidedOn: '2026-13-01' }] };
    const r = await run(['evaluate', '-', '--pack', 'cn-yn', '--action', 'awards', '--as-of', '2026-11-20', '--locale', 'en'], { input: JSON.stringify(s) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('records.0.decidedOn');
    expect(r.stderr).not.toContain('subject.records');
  });

  it('a confidential record is refused (TH-6), exit 1', async () => {
    const s = { id: 'x', kind: 'civil-servant', records: [{ id: 'r', kind: 'accountability', decidedOn: '2026-03-01', confidential: true }] };
    const r = await run(['evaluate', '-', '--pack', 'cn-jl-tonghua', '--action', 'promotion', '--as-of', '2026-11-20', '--locale', 'en'], { input: JSON.stringify(s) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TH-6');
  });

  it('not JSON is exit 1; a missing file, an unknown --pack, an annual action without --year are exit 2', async () => {
    expect((await run(['evaluate', '-'], { input: '{ nope' })).code).toBe(1);
    expect((await run(['evaluate', 'missing.json'])).code).toBe(2);
    const p = await run(['evaluate', example('01-clean-civil-servant.json'), '--pack', 'cn-zz', '--action', 'promotion', '--locale', 'en']);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('unknown pack "cn-zz"');
    const y = await run(['evaluate', '-', '--pack', 'cn-yn', '--action', 'excellent-rating', '--as-of', '2026-11-20', '--locale', 'en'], { input: '{"id":"a","kind":"civil-servant"}' });
    expect(y.code).toBe(2);
    expect(y.stderr).toContain('--year');
  });

  it('--policy overrides are validated (exit 2) and applied', async () => {
    const bad = await run(['evaluate', 'examples/query.json', '--policy', '{"pendingObjection":"maybe"}', '--locale', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('policy.pendingObjection');
    const ok = await run(['evaluate', example('11-objection-pending.json'), '--pack', 'cn-jl-tonghua', '--action', 'promotion', '--policy', '{"pendingObjection":"suspends"}', '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).verdict).toBe('clear');
  });
});

describe('deadline', () => {
  it('working days across the National Day holiday, with a month calendar', async () => {
    const r = await run(['deadline', '--from', '2026-09-28', '--working-days', '15', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2026-10-23');
    expect(r.stdout).toContain('National Day');
    expect(r.stdout).toMatch(/23D/);
    expect(r.stdout).toMatch(/10m/);
    expect(r.stdout).toMatch(/ 1h/);
  });

  it('an objection under Tonghua (TH-9) and the platform report (TH-10), json', async () => {
    const r = await run(['deadline', '--objection-received', '2026-09-28', '--corrected-on', '2026-10-20', '--pack', 'cn-jl-tonghua', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.deadlines.map((d: { dueOn: string }) => d.dueOn)).toEqual(['2026-10-23', '2026-10-27']);
    expect(j.deadlines[0].basis.clause).toBe('TH-9');
  });

  it('a pack that fixes no deadline says so; host policy supplies one', async () => {
    const r = await run(['deadline', '--objection-received', '2026-09-28', '--pack', 'cn-gd', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cn-gd fixes no objection reply deadline');
    const h = await run(['deadline', '--objection-received', '2026-09-28', '--pack', 'cn-gd', '--working-days', '10', '--format', 'json']);
    expect(JSON.parse(h.stdout).deadlines[0].basis.clause).toBe('host-policy');
  });

  it('a disciplinary period does not roll', async () => {
    const r = await run(['deadline', '--sanction', 'warning', '--effective-on', '2026-08-31', '--format', 'json']);
    expect(JSON.parse(r.stdout).disciplinaryPeriod.liftsOn).toBe('2027-03-01');
  });

  it('bad arguments and a year without calendar data are exit 2', async () => {
    expect((await run(['deadline', '--from', '2026-02-30', '--working-days', '3'])).code).toBe(2);
    expect((await run(['deadline', '--working-days', '3'])).code).toBe(2);
    const y = await run(['deadline', '--from', '2031-03-02', '--working-days', '3', '--locale', 'en']);
    expect(y.code).toBe(2);
    expect(y.stderr).toContain('2031');
    expect(noStack(y.stderr)).toBe(true);
  });
});

describe('diff', () => {
  it('the same pack: exit 0; a changed verdict: exit 1 with the change and the decisions that differ', async () => {
    expect((await run(['diff', 'cn-gd', 'rules/cn-gd.json', '--no-semantic'])).code).toBe(0);
    const pack = JSON.parse(readFileSync(join(repo, 'rules', 'cn-gd.json'), 'utf8'));
    const rule = pack.rules.find((r: { id: string }) => r.id === 'gd-4-awards-review');
    rule.verdict = 'restricted';
    const f = join(tmp, 'cn-gd-changed.json');
    writeFileSync(f, JSON.stringify(pack));
    const lines = readFileSync(join(repo, 'examples', 'roster.jsonl'), 'utf8').split('\n').slice(0, 300).join('\n');
    const roster = join(tmp, 'roster-300.jsonl');
    writeFileSync(roster, lines);
    const r = await run(['diff', 'cn-gd', f, '--roster', roster, '--as-of', '2026-11-20', '--action', 'awards', '--locale', 'en', '--no-semantic']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('~ rule gd-4-awards-review');
    expect(r.stdout).toMatch(/verdict: review\s+→ restricted/);
    const j = await run(['diff', 'cn-gd', f, '--roster', roster, '--as-of', '2026-11-20', '--action', 'awards', '--format', 'json', '--no-semantic']);
    const out = JSON.parse(j.stdout);
    expect(out.decisions.differing).toBeGreaterThan(0);
    expect(out.decisions.examples[0].a.verdict).toBe('review');
    expect(out.decisions.examples[0].b.verdict).toBe('restricted');
  });
});

describe('demo', () => {
  it('prints every example under every pack, all expected verdicts hold (roster skipped here)', async () => {
    const r = await run(['demo', '--no-roster', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('01-clean-civil-servant');
    expect(r.stdout).toContain('19-no-credit-file');
    expect(r.stdout).toMatch(/expected verdicts: (\d+) checked, \1 hold/);
    expect(r.stdout).not.toMatch(/ ✗/);
    expect(r.stdout).toContain('== timelines ==');
  });
});
