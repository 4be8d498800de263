import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createCalendar, createEvaluator, evaluate, InvalidInputError, type HostSchedule } from '../../src/index.js';
import { repo, run } from './_support.js';

/**
 * An illustrative 2027 schedule: holiday-cn (sources/holiday-cn) has no 2027 file and the
 * State Council's 2027 notice is not in this repository, so the fixture follows the pattern of
 * recent notices (2025 rules: 春节 4 legal days, 劳动节 2) and says in its source that it is not
 * the official notice. 元旦 2027-01-01..03 is what the deadline below depends on.
 */
const FIXTURE = join(repo, 'test', 'fixtures', 'holidays-2027.illustrative.json');
const schedule2027 = JSON.parse(readFileSync(FIXTURE, 'utf8')) as HostSchedule;
const tmp = mkdtempSync(join(tmpdir(), 'gcr-schedule-'));
const write = (name: string, json: unknown) => {
  const f = join(tmp, name);
  writeFileSync(f, JSON.stringify(json));
  return f;
};

describe('the schedule file format (schemas/schedule.schema.json)', () => {
  it('the JSON Schema accepts the fixture; createCalendar and withSchedule accept the same file', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(repo, 'schemas', 'schedule.schema.json'), 'utf8')));
    expect(validate(schedule2027), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate({ ...schedule2027, holidays: ['2027-1-1'] })).toBe(false);
    const a = createCalendar({ schedules: [schedule2027] });
    const b = createCalendar().withSchedule(schedule2027);
    for (const cal of [a, b]) {
      expect(cal.addWorkingDays('2026-12-15', 15)).toBe('2027-01-06');
      expect(cal.dayInfo('2027-02-20')).toMatchObject({ working: true, kind: 'make-up-workday', source: 'host-schedule', makeUpFor: { 'zh-CN': '春节' } });
      expect(cal.dayInfo('2027-10-06')).toMatchObject({ working: false, holiday: { 'zh-CN': '国庆节', en: 'National Day' } });
      expect(cal.coverage().hostSchedules).toEqual([{ year: 2027, source: '示例（非官方）（2026-11-15）' }]);
      // 2026's December is no longer provisional: the next notice is known.
      expect(cal.isProvisional('2026-12-31')).toBe(false);
    }
  });

  it('refuses a bad file with typed errors at the field, under the option that carried it', () => {
    const issues = (s: unknown) => {
      try {
        createCalendar({ schedules: [schedule2027, s as HostSchedule] });
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidInputError);
        return (e as InvalidInputError).issues.map((i) => `${i.path.join('.')} ${i.code}`);
      }
      return [];
    };
    const s2028 = { year: 2028, holidays: [], workdays: [], source: { notice: 'x', issuedOn: '2027-11-01' } };
    expect(issues({ ...s2028, holidays: [{ from: '2028-10-07', to: '2028-10-01' }] })).toEqual(['options.schedules.1.holidays.0.to invalid_range']);
    expect(issues({ ...s2028, workdays: ['2028-02-30'] })).toEqual(['options.schedules.1.workdays.0 invalid_date']);
    expect(issues({ ...s2028, source: { notice: 'x' } })).toEqual(['options.schedules.1.source.issuedOn invalid_type']);
    expect(issues({ ...s2028, holidays: ['2028-10-01'], workdays: ['2028-10-01'] })).toEqual(['options.schedules.1.workdays.0 conflict']);
    expect(issues({ ...schedule2027, holidays: [] })[0]).toMatch(/^options\.schedules\.1\.holidays conflict$/);
  });

  it('a decision counts deadlines on the host calendar; the policy still decides unknown years', async () => {
    const record = { id: 'r1', kind: 'administrative-penalty', decidedOn: '2026-11-02', events: [{ type: 'objection-filed', date: '2026-12-15', channel: 'credit-platform' }] } as const;
    const query = { pack: 'cn-jl-tonghua', subject: { id: 'p', kind: 'civil-servant', records: [record] }, action: 'promotion', asOf: '2026-12-20' } as const;
    const calendar = createCalendar({ schedules: [schedule2027] });
    const reply = (d: { deadlines: { kind: string; dueOn: string; provisional: boolean }[] }) => d.deadlines.find((x) => x.kind === 'objection-reply');
    // Without it: no deadline, a note; with it: 2027-01-06, not provisional.
    const plain = await evaluate(query);
    expect(reply(plain)).toBeUndefined();
    expect(plain.notes.some((n) => n.code === 'calendar-coverage')).toBe(true);
    const withHost = await evaluate(query, { calendar });
    expect(reply(withHost)).toMatchObject({ dueOn: '2027-01-06', provisional: false });
    expect(createEvaluator('cn-jl-tonghua', { calendar }).evaluate(query)).toEqual(withHost);
    // weekends-only comes from the policy, as the decision's notes say, whatever calendar is given.
    const weekends = await evaluate({ ...query, policy: { unknownCalendarYears: 'weekends-only' } }, { calendar: createCalendar() });
    expect(reply(weekends)).toMatchObject({ dueOn: '2027-01-05', provisional: true });
    expect(() => createEvaluator('cn-jl-tonghua', { calendar: {} as never })).toThrow(InvalidInputError);
  });
});

describe('deadline with schedule files (spawned: exit codes, files, environment)', () => {
  const args = ['deadline', '--objection-received', '2026-12-15', '--pack', 'cn-jl-tonghua'];

  it('--schedule: Tonghua reply due 2027-01-06 across 元旦, the source named', async () => {
    const r = await run([...args, '--schedule', FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('届满日  2027-01-06');
    expect(r.stdout).toContain('2027-01-01 – 2027-01-03 元旦');
    expect(r.stdout).toContain('已添加的节假日安排：2027 年（示例（非官方）（2026-11-15））');
    expect(r.stdout).not.toContain('暂定');
    const j = JSON.parse((await run([...args, '--schedule', FIXTURE, '--format', 'json'])).stdout);
    expect(j.deadlines[0]).toMatchObject({ dueOn: '2027-01-06', provisional: false, basis: { clause: 'TH-9' } });
    expect(j.calendar.hostSchedules).toEqual([{ year: 2027, source: '示例（非官方）（2026-11-15）' }]);
  });

  it('GOV_CREDIT_SCHEDULES: a path list, the same answer', async () => {
    const other = write('2028.json', { year: 2028, holidays: ['2028-01-01'], workdays: [], source: { notice: 'x', issuedOn: '2027-11-01' } });
    const r = await run([...args, '--format', 'json'], { env: { GOV_CREDIT_SCHEDULES: [FIXTURE, other].join(delimiter) } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).deadlines[0].dueOn).toBe('2027-01-06');
    expect(JSON.parse(r.stdout).calendar.hostSchedules.map((h: { year: number }) => h.year)).toEqual([2027, 2028]);
  });

  it('--unknown-years weekends-only: 2027-01-05, flagged provisional in the table and the JSON', async () => {
    const r = await run([...args, '--unknown-years', 'weekends-only', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Due on   2027-01-05 (provisional: 2027 estimated, weekends only, --unknown-years weekends-only; see');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Provisional (--unknown-years weekends-only): 2027 has no holiday schedule, so its days were estimated counting Monday to Friday');
    const j = JSON.parse((await run([...args, '--unknown-years', 'weekends-only', '--format', 'json'])).stdout);
    expect(j.deadlines[0]).toMatchObject({ dueOn: '2027-01-05', provisional: true, provisionalReason: { mode: 'weekends-only', estimatedYears: [2027] } });
    expect(j.provisional).toEqual({ estimatedYears: [2027], mode: 'weekends-only', movableFrom: '2026-12-16' });
  });

  it('a bad schedule file is exit 2, invalid_schedule, naming the file and the field', async () => {
    const bad = write('bad-2027.json', { ...schedule2027, holidays: [{ from: '2027-10-07', to: '2027-10-01' }] });
    const r = await run([...args, '--schedule', bad, '--format', 'json']);
    expect(r.code).toBe(2);
    const { error } = JSON.parse(r.stderr);
    expect(error).toMatchObject({ code: 'invalid_schedule', file: bad, exitCode: 2 });
    expect(error.issues[0].path).toEqual(['holidays', 0, 'to']);
    // The environment's 2027 and a different 2027 on the command line: a conflict, never an overwrite.
    const other = write('other-2027.json', { ...schedule2027, holidays: schedule2027.holidays.slice(1) });
    const c = await run([...args, '--schedule', other, '--locale', 'en', '--width', '1000'], { env: { GOV_CREDIT_SCHEDULES: FIXTURE } });
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(other);
    expect(c.stderr).toContain('conflicts with the 2027 schedule the host already added');
  });
});

describe('every command that counts days takes --schedule (in-process)', () => {
  const subject = {
    id: 'p',
    kind: 'civil-servant',
    records: [{ id: 'r1', kind: 'administrative-penalty', decidedOn: '2026-11-02', events: [{ type: 'objection-filed', date: '2026-12-15', channel: 'credit-platform' }] }],
  };
  const flags = ['--pack', 'cn-jl-tonghua', '--action', 'promotion', '--as-of', '2026-12-20'];
  const due = (d: { deadlines: { kind: string; dueOn: string }[] }) => d.deadlines.find((x) => x.kind === 'objection-reply')?.dueOn;

  it('evaluate: the reply deadline from the schedule; without it a note that names the options', async () => {
    const r = await run(['evaluate', '-', ...flags, '--schedule', FIXTURE, '--format', 'json'], { input: JSON.stringify(subject) });
    expect(r.code).toBe(0);
    expect(due(JSON.parse(r.stdout))).toBe('2027-01-06');
    const t = await run(['evaluate', '-', ...flags], { input: JSON.stringify(subject) });
    // The note in the command line's terms: flags and files, not the library's options.
    expect(t.stdout).toContain('--schedule holidays-2027.json');
    expect(t.stdout).toContain('--unknown-years statutory');
    expect(t.stdout).toContain('schedule template 2027');
    expect(t.stdout).not.toMatch(/withSchedule|createCalendar|unknownYears|schedules 选项/);
  });

  it('batch and diff --roster: the same calendar; --unknown-years reaches every query as policy', async () => {
    const b = await run(['batch', '-', ...flags, '--schedule', FIXTURE, '--quiet'], { input: JSON.stringify(subject) });
    expect(due(JSON.parse(b.stdout).decisions[0])).toBe('2027-01-06');
    const w = await run(['batch', '-', ...flags, '--unknown-years', 'weekends-only', '--quiet'], { input: JSON.stringify(subject) });
    const d = JSON.parse(w.stdout).decisions[0];
    expect(due(d)).toBe('2027-01-05');
    expect(d.provisional).toBe(true);
    expect(d.notes.find((n: { policy?: string }) => n.policy === 'unknownCalendarYears')).toMatchObject({ source: 'query', value: 'weekends-only' });
    const roster = write('one.jsonl', subject);
    const diff = await run(['diff', 'cn-jl-tonghua', 'cn-jl-tonghua', '--no-semantic', '--roster', roster, '--as-of', '2026-12-20', '--schedule', FIXTURE, '--format', 'json']);
    expect(JSON.parse(diff.stdout).decisions.compared).toBeGreaterThan(0);
  });
});
