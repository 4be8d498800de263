/**
 * Issue 21 on the command line: `schedule template <year>`, `--unknown-years statutory`, the
 * December rule for schedule files, and help examples that name files that exist.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/_internal/help.js';
import { scheduleTemplateText, TEMPLATE_EXAMPLE, TEMPLATE_PLACEHOLDERS } from '../../src/cli/_internal/scheduleTemplate.js';
import { createCalendar, type HostSchedule } from '../../src/index.js';
import { repo, run } from './_support.js';

const tmp = mkdtempSync(join(tmpdir(), 'gcr-template-'));
const EXAMPLES = join(repo, 'examples', 'schedules');
const schema = JSON.parse(readFileSync(join(repo, 'schemas', 'schedule.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The template completed as the help's example says: notice, date, make-up days. */
function complete(text: string): string {
  const y = TEMPLATE_EXAMPLE.year;
  return text
    .replace(JSON.stringify(TEMPLATE_PLACEHOLDERS.notice(y)), JSON.stringify(TEMPLATE_EXAMPLE.notice))
    .replace(JSON.stringify(TEMPLATE_PLACEHOLDERS.issuedOn(y)), JSON.stringify(TEMPLATE_EXAMPLE.issuedOn))
    .replace(JSON.stringify(TEMPLATE_PLACEHOLDERS.workday(y)), TEMPLATE_EXAMPLE.workdays.map((d) => JSON.stringify(d)).join(', '));
}

describe('schedule template <year>', () => {
  it('writes the statutory days and placeholders; examples/schedules holds the same template', async () => {
    const r = await run(['schedule', 'template', '2027']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(scheduleTemplateText(2027));
    const t = JSON.parse(r.stdout) as { holidays: unknown[]; workdays: unknown[]; source: Record<string, string> };
    expect(t.holidays).toContainEqual({ date: '2027-01-01', name: '元旦' });
    expect(t.holidays).toContainEqual({ from: '2027-02-05', to: '2027-02-10', name: '春节' });
    expect(t.workdays).toEqual(['2027-MM-DD']);
    expect(t.source).toMatchObject({ notice: '国办发明电〔2026〕N号', issuedOn: '2026-MM-DD' });
    const shipped = readFileSync(join(EXAMPLES, 'holidays-2027.template.json'), 'utf8');
    expect(shipped).toBe(scheduleTemplateText(2027, '../../schemas/schedule.schema.json'));
  });

  it('an unfinished template is refused at its placeholders; completed with the help example days it is accepted', async () => {
    const text = scheduleTemplateText(2027)!;
    expect(validate(JSON.parse(text))).toBe(false);
    const raw = join(tmp, 'raw-2027.json');
    writeFileSync(raw, text);
    const refused = await run(['deadline', '--objection-received', '2026-12-15', '--pack', 'cn-jl-tonghua', '--schedule', raw, '--format', 'json']);
    expect(refused.code).toBe(2);
    const err = JSON.parse(refused.stderr).error;
    expect(err.code).toBe('invalid_schedule');
    expect(err.issues.map((i: { path: unknown[] }) => i.path.join('.')).sort()).toEqual(['source.issuedOn', 'workdays.0']);

    // The help says how to complete it, with these days.
    const help = COMMANDS.find((c) => c.name === 'schedule template')!.details!;
    for (const text of [help['zh-CN'], help.en]) {
      expect(text).toContain(TEMPLATE_EXAMPLE.notice);
      expect(text).toContain(TEMPLATE_EXAMPLE.issuedOn);
      expect(text).toContain(JSON.stringify(TEMPLATE_EXAMPLE.workdays));
    }
    const done = complete(text);
    expect(validate(JSON.parse(done)), ajv.errorsText(validate.errors)).toBe(true);
    const cal = createCalendar({ schedules: [JSON.parse(done) as HostSchedule] });
    expect(cal.addWorkingDaysDetailed('2026-12-15', 15)).toEqual({ date: '2027-01-06', provisional: false });
    expect(cal.dayInfo('2027-02-20')).toMatchObject({ kind: 'make-up-workday', working: true });
    // The shipped example is exactly that completion (its title says it is not the notice).
    const example = readFileSync(join(EXAMPLES, 'holidays-2027.example.json'), 'utf8');
    expect(example).toBe(complete(scheduleTemplateText(2027, '../../schemas/schedule.schema.json')!).replace('国务院办公厅关于2027年部分节假日安排的通知', '示例：schedule template 2027 按帮助中的示例数据补全，不是国务院办公厅的通知'));
  });

  it('--output writes the file (never over one unless --force) and says what to fill in', async () => {
    const out = join(tmp, 'holidays-2028.json');
    const r = await run(['schedule', 'template', '2028', '--output', out, '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(scheduleTemplateText(2028));
    expect(r.stderr).toContain('source.notice');
    expect(r.stderr).toContain(`--schedule ${out}`);
    const again = await run(['schedule', 'template', '2028', '--output', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect((await run(['schedule', 'template', '2028', '--output', out, '--force'])).code).toBe(0);
  });

  it('refuses a year the statute does not reach, and a missing or unknown subcommand', async () => {
    for (const y of ['1999', '2200', '27', 'next']) expect((await run(['schedule', 'template', y])).code, y).toBe(2);
    expect((await run(['schedule', 'template'])).code).toBe(2);
    const sub = await run(['schedule', 'make', '2027']);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain('schedule template');
    expect((await run(['help', 'schedule'])).stdout).toContain('schedule template <year>');
  });
});

describe('--unknown-years statutory', () => {
  const args = ['deadline', '--objection-received', '2026-12-15', '--pack', 'cn-jl-tonghua', '--unknown-years', 'statutory'];

  it('deadline answers 2027-01-06, provisional, naming the mode (table, both languages, and JSON)', async () => {
    const zh = await run(args);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('届满日  2027-01-06（暂定：2027 年按法定节假日暂算，--unknown-years statutory；见下）');
    expect(zh.stdout).toContain('2027-01-01 元旦');
    const en = await run([...args, '--locale', 'en']);
    expect(en.stdout).toContain('Due on   2027-01-06 (provisional: 2027 estimated, statutory holidays, --unknown-years statutory;');
    const j = JSON.parse((await run([...args, '--format', 'json'])).stdout);
    expect(j.deadlines[0]).toMatchObject({ dueOn: '2027-01-06', provisional: true, provisionalReason: { mode: 'statutory', estimatedYears: [2027] } });
    expect(j.calendar.unknownYears).toBe('statutory');
  });

  it('evaluate: the same due day, its footnote naming the mode; JSON with the reason', async () => {
    const subject = {
      id: 'p',
      kind: 'civil-servant',
      records: [{ id: 'r1', kind: 'administrative-penalty', decidedOn: '2026-11-02', events: [{ type: 'objection-filed', date: '2026-12-15', channel: 'credit-platform' }] }],
    };
    const flags = ['--pack', 'cn-jl-tonghua', '--action', 'promotion', '--as-of', '2026-12-20', '--unknown-years', 'statutory'];
    const t = await run(['evaluate', '-', ...flags], { input: JSON.stringify(subject) });
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('2027-01-06*');
    expect(t.stdout).toContain('* 暂定（--unknown-years statutory）：2027 年尚无节假日安排');
    const j = JSON.parse((await run(['evaluate', '-', ...flags, '--format', 'json'], { input: JSON.stringify(subject) })).stdout);
    expect(j.deadlines[0]).toMatchObject({ dueOn: '2027-01-06', provisional: true, provisionalReason: { mode: 'statutory' } });
  });

  it('counts back: 5 working days before 2027-01-20', async () => {
    const r = await run(['deadline', '--from', '2027-01-20', '--working-days=-5', '--unknown-years', 'statutory', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).deadlines[0]).toMatchObject({ workingDays: -5, dueOn: '2027-01-13', provisional: true });
  });
});

describe('schedule files and December of the year before', () => {
  it('a 2027 file that rewrites 2026-12-01..31 is refused (exit 2), naming the days', async () => {
    const f = join(tmp, 'rewrite-december.json');
    writeFileSync(f, JSON.stringify({ year: 2027, source: 'test', holidays: [{ from: '2026-12-01', to: '2026-12-31' }, '2027-01-01'], workdays: [] }));
    const r = await run(['deadline', '--objection-received', '2026-12-15', '--pack', 'cn-jl-tonghua', '--schedule', f, '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holidays.0');
    expect(r.stderr).toContain('2026-12-01…2026-12-24');
  });

  it("the help's examples name files that exist (shipped under examples/)", () => {
    for (const c of COMMANDS) {
      for (const ex of c.examples) {
        for (const m of ex.cmd.matchAll(/(?:^|\s)(examples\/\S+)/g)) expect(existsSync(join(repo, m[1]!)), `${c.name}: ${m[1]}`).toBe(true);
        for (const m of ex.cmd.matchAll(/--schedule (\S+)/g)) expect(m[1]!.startsWith('examples/') || ex.cmd.includes('--output') || c.examples.some((e) => e.cmd.includes(`--output ${m[1]}`)), `${c.name}: ${m[1]}`).toBe(true);
      }
    }
  });
});
