import { existsSync, writeFileSync } from 'node:fs';
import { STATUTORY_FIRST_YEAR } from '../../calendar/internal.js';
import { LUNAR_LAST_YEAR } from '../../calendar/internal.js';
import { defaultCalendar } from '../../calendar/defaultCalendar.js';
import { flag, noExtraPositionals, parseCommand, str } from '../_internal/args.js';
import { writeOut, type Ctx } from '../_internal/context.js';
import { CliError, EXIT, usageError } from '../_internal/exit.js';
import { L } from '../_internal/i18n.js';
import { scheduleTemplateText } from '../_internal/scheduleTemplate.js';

export const SCHEDULE_TEMPLATE_OPTIONS = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
} as const;

/**
 * `schedule template <year>`: a schedule file for a year with the days the 全国年节及纪念日放假办法
 * fixes filled in and placeholders for what the State Council's notice adds (its number and date,
 * the make-up working days); on stdout, or in the file `--output` names (never over an existing one
 * unless `--force`).
 */
export async function runScheduleTemplate(argv: string[], ctx: Ctx): Promise<number> {
  const p = parseCommand(argv, SCHEDULE_TEMPLATE_OPTIONS);
  noExtraPositionals(p, 1, 'schedule template');
  const en = ctx.locale === 'en';
  const arg = p.positionals[0];
  if (arg === undefined) throw usageError('schedule template 需要年份，如 schedule template 2027', 'schedule template needs a year, e.g. schedule template 2027', { code: 'missing_argument' });
  if (!/^\d{4}$/.test(arg) || Number(arg) < STATUTORY_FIRST_YEAR || Number(arg) > LUNAR_LAST_YEAR) {
    throw usageError(
      `年份应为 ${STATUTORY_FIRST_YEAR} 到 ${LUNAR_LAST_YEAR} 之间（本库收录的《全国年节及纪念日放假办法》适用的年份），收到"${arg}"`,
      `the year must be from ${STATUTORY_FIRST_YEAR} to ${LUNAR_LAST_YEAR} (the years the versions of the 全国年节及纪念日放假办法 encoded apply to), got "${arg}"`,
    );
  }
  const year = Number(arg);
  const text = scheduleTemplateText(year)!;
  const output = str(p, 'output');
  const notes: string[] = [];
  if (defaultCalendar().coverage().officialYears.includes(year)) {
    notes.push(en ? `Note: ${year} is in the bundled official data already; a schedule for it is accepted only if it says the same about every day.` : `注意：${year} 年已在内置的官方数据中；该年的安排只有与官方数据每一天都相同时才会被接受。`);
  }
  if (output === undefined) {
    await writeOut(ctx.stdout, text);
  } else {
    if (existsSync(output) && !flag(p, 'force')) {
      throw new CliError({ code: 'invalid_option', text: L(`${output} 已存在；加 --force 覆盖`, `${output} exists; add --force to overwrite it`), exitCode: EXIT.usage, file: output });
    }
    try {
      writeFileSync(output, text);
    } catch (e) {
      throw new CliError({ code: 'file_unreadable', text: L(`无法写入 ${output}（${(e as Error).message}）`, `cannot write ${output}: ${(e as Error).message}`), exitCode: EXIT.usage, file: output });
    }
    notes.unshift(
      en
        ? `Wrote ${output}: the days the 全国年节及纪念日放假办法 fixes for ${year}. From the State Council's notice, fill in source.notice and source.issuedOn, list the make-up working days (调休上班) in workdays, and widen each holiday run to the days the notice gives off; then use it with --schedule ${output}.`
        : `已写入 ${output}：${year} 年《全国年节及纪念日放假办法》所定的节假日。请按国务院办公厅的通知填写 source.notice（文号）和 source.issuedOn（发布日期），在 workdays 中列出调休上班日，并把各节假日的起止日改为通知的放假日；然后用 --schedule ${output} 使用。`,
    );
  }
  if (notes.length) await writeOut(ctx.stderr, notes.join('\n') + '\n');
  return EXIT.ok;
}
