/**
 * timeline takes the host's calendar, as evaluate does (a December objection whose TH-9 reply
 * deadline runs into a year the official data lacks): every day of the timeline answers as
 * evaluate answers with the same calendar, and a calendar that is not one is refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCalendar, evaluate, InvalidInputError, timeline, untyped } from '../../src/index.js';

const schedule = JSON.parse(readFileSync(new URL('../fixtures/holidays-2027.illustrative.json', import.meta.url), 'utf8')) as unknown;

const subject = {
  id: 'p1',
  kind: 'civil-servant',
  records: [
    {
      id: 'r1',
      kind: 'administrative-penalty',
      decidedOn: '2026-11-02',
      occurredOn: '2026-10-12',
      events: [{ type: 'objection-filed', date: '2026-12-15', channel: 'determining-department' }],
    },
  ],
};
const question = { pack: 'cn-jl-tonghua', action: 'promotion', from: '2026-11-01', to: '2027-03-31' } as const;

describe('timeline with a host calendar', () => {
  it('answers every change day as evaluate does with the same calendar, with and without the host’s schedule', async () => {
    const withSchedule = createCalendar().withSchedule(schedule as never);
    for (const calendar of [undefined, withSchedule]) {
      const changes = await timeline(untyped(subject), { ...question, ...(calendar ? { calendar } : {}) });
      expect(changes.map((c) => c.verdict)).toEqual(['clear', 'restricted']);
      for (const c of changes) {
        const d = await evaluate(untyped({ pack: question.pack, subject, action: question.action, asOf: c.on }), calendar ? { calendar } : undefined);
        expect(d.verdict).toBe(c.verdict);
      }
    }
    // The deadline itself is counted on the host's schedule (the official data ends with 2026).
    const d = await evaluate(untyped({ pack: question.pack, subject, action: question.action, asOf: '2026-12-20' }), { calendar: withSchedule });
    expect(d.deadlines.map((x) => [x.kind, x.dueOn])).toEqual([['objection-reply', '2027-01-06']]);
  });

  it('refuses a calendar that is not one, at options.calendar', async () => {
    await expect(timeline(untyped(subject), { ...question, calendar: {} as never })).rejects.toThrow(InvalidInputError);
  });
});
