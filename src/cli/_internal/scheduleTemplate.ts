import { fromDayNumber } from '../../_lib/days.js';
import { holidayLawFor, STATUTORY_FIRST_YEAR } from '../../calendar/internal.js';
import { statutoryEntries } from '../../calendar/internal.js';

/** Placeholders a template carries until the notice fills them in: each is an invalid date, so an unfinished file is refused. */
export const TEMPLATE_PLACEHOLDERS = {
  /** The notice's 文号: free text, to be replaced by the real number. */
  notice: (year: number) => `国办发明电〔${year - 1}〕N号`,
  /** The day the notice was issued. */
  issuedOn: (year: number) => `${year - 1}-MM-DD`,
  /** A make-up working day (调休上班). */
  workday: (year: number) => `${year}-MM-DD`,
} as const;

/**
 * The example completion that `schedule template --help` shows and the tests apply: illustrative
 * values, not the State Council's notice.
 */
export const TEMPLATE_EXAMPLE = {
  year: 2027,
  notice: '示例（非官方）',
  issuedOn: '2026-11-15',
  workdays: ['2027-02-20', '2027-10-09'],
} as const;

/** The $schema a template names: the schema file of the installed package. */
export const TEMPLATE_SCHEMA_REF = './node_modules/gov-credit-rules/schemas/schedule.schema.json';

type TemplateDay = { date: string; name: string } | { from: string; to: string; name: string };

/**
 * A schedule file for `year` with the days the 全国年节及纪念日放假办法 fixes filled in (第二条's days,
 * and for one that falls on a weekend the working day off 第六条 requires, put on the first working
 * day after the holiday as most notices do), as runs per holiday; and placeholders for what only the
 * notice says: its number and date, and the make-up working days (调休上班). Until they are replaced
 * the file is refused (the placeholders are not dates); completed, it validates against
 * schemas/schedule.schema.json. Null for a year before STATUTORY_FIRST_YEAR.
 */
export function scheduleTemplate(year: number, schemaRef: string = TEMPLATE_SCHEMA_REF): Record<string, unknown> | null {
  const law = holidayLawFor(year);
  if (!law || year < STATUTORY_FIRST_YEAR) return null;
  const days = [...statutoryEntries(year)].sort((a, b) => a[0] - b[0]);
  const holidays: TemplateDay[] = [];
  let run: { from: number; to: number; name: string } | null = null;
  const flush = () => {
    if (!run) return;
    holidays.push(run.from === run.to ? { date: fromDayNumber(run.from), name: run.name } : { from: fromDayNumber(run.from), to: fromDayNumber(run.to), name: run.name });
    run = null;
  };
  // Days of one holiday (its 补假 included), consecutive or across a weekend, make one run.
  const holidayOf = (name: string): string => name.replace(/（补假）$/, '');
  for (const [dn, e] of days) {
    const name = holidayOf(e.name['zh-CN']);
    const r = run as { from: number; to: number; name: string } | null;
    if (r && r.name === name && dn - r.to <= 3) r.to = dn;
    else {
      flush();
      run = { from: dn, to: dn, name };
    }
  }
  flush();
  return {
    $schema: schemaRef,
    year,
    source: {
      notice: TEMPLATE_PLACEHOLDERS.notice(year),
      issuedOn: TEMPLATE_PLACEHOLDERS.issuedOn(year),
      title: `国务院办公厅关于${year}年部分节假日安排的通知`,
    },
    holidays,
    workdays: [TEMPLATE_PLACEHOLDERS.workday(year)],
  };
}

/** The template as the file `schedule template` writes. */
export function scheduleTemplateText(year: number, schemaRef?: string): string | null {
  const t = scheduleTemplate(year, schemaRef);
  if (!t) return null;
  // One day or run per line, as a notice lists them.
  const line = (x: unknown) => `    ${JSON.stringify(x).replace(/":/g, '": ').replace(/,"/g, ', "').replace(/^\{/, '{ ').replace(/\}$/, ' }')}`;
  const src = t.source as Record<string, string>;
  return [
    '{',
    `  "$schema": ${JSON.stringify(t.$schema)},`,
    `  "year": ${year},`,
    '  "source": {',
    `    "notice": ${JSON.stringify(src.notice)},`,
    `    "issuedOn": ${JSON.stringify(src.issuedOn)},`,
    `    "title": ${JSON.stringify(src.title)}`,
    '  },',
    '  "holidays": [',
    (t.holidays as TemplateDay[]).map(line).join(',\n'),
    '  ],',
    '  "workdays": [',
    (t.workdays as string[]).map(line).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}
