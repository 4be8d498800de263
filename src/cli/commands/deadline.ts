import { addDaysIso } from '../../_lib/days.js';
import type { Calendar, ProvisionalReason } from '../../calendar/types.js';
import { objectionDeadlinesOf } from '../../engine/internal.js';
import { getPack } from '../../packs/getPack.js';
import { disciplinaryPeriod } from '../../deadlines/disciplinaryPeriod.js';
import { objectionReplyDueOn } from '../../deadlines/objectionReplyDueOn.js';
import { platformReportDueOn } from '../../deadlines/platformReportDueOn.js';
import type { Deadline, LegalBasis } from '../../deadlines/types.js';
import { LABELS, type Sanction } from '../../model/vocabulary.js';
import { PERIOD_SANCTIONS } from '../../model/statutes.js';
import { noExtraPositionals, oneOf, parseCommand, signedInt, str } from '../_internal/args.js';
import { countedDays, legend, monthCalendar, skippedHolidays } from '../_internal/calendarView.js';
import { writeOut, writeText, type Ctx } from '../_internal/context.js';
import { EXIT, usageError } from '../_internal/exit.js';
import { BIN } from '../_internal/help.js';
import { cliCalendarError, runCalendar, SCHEDULES_ENV } from '../_internal/schedules.js';
import { closest } from '../_internal/suggest.js';
import { table, wrap } from '../_internal/text.js';
import { CALENDAR_OPTIONS, calendarArgs, dateArg, packIdArg } from './common.js';

export const DEADLINE_OPTIONS = {
  from: { type: 'string' },
  'working-days': { type: 'string' },
  'objection-received': { type: 'string' },
  'corrected-on': { type: 'string' },
  pack: { type: 'string' },
  sanction: { type: 'string' },
  'effective-on': { type: 'string' },
  format: { type: 'string' },
  calendar: { type: 'boolean' },
  ...CALENDAR_OPTIONS,
} as const;


interface Shown {
  title: string;
  /** What `--format json` prints for it. */
  value: Record<string, unknown>;
  eventOn: string;
  startsOn: string;
  dueOn: string;
  length: number;
  basis: LegalBasis | null;
  provisional: boolean;
  provisionalReason?: ProvisionalReason;
}

function fromDeadline(title: string, d: Deadline): Shown {
  return {
    title,
    value: { ...d },
    eventOn: d.eventOn,
    startsOn: d.startsOn,
    dueOn: d.dueOn,
    length: d.period.unit === 'fixed-date' ? 0 : d.period.length,
    basis: d.basis,
    provisional: d.provisional,
    ...(d.provisionalReason ? { provisionalReason: d.provisionalReason } : {}),
  };
}

/** `PSL-8 公职人员政务处分法（2020）第八条`: a clause code with the short name of its document and the section. */
function basisText(b: LegalBasis): string {
  const doc = b.document.replace(/^中华人民共和国/, '');
  return `${b.clause} ${doc}${b.section ? ` ${b.section}` : ''}`;
}

/** `deadline`: working days, objection replies, disciplinary periods. */
export async function runDeadline(argv: string[], ctx: Ctx): Promise<number> {
  const p = parseCommand(argv, DEADLINE_OPTIONS);
  noExtraPositionals(p, 0, 'deadline');
  const loc = ctx.locale;
  const en = loc === 'en';
  const format = oneOf(p, 'format', ['table', 'json'] as const, 'table');
  const showCalendar = p.values.calendar !== false;
  const from = dateArg(str(p, 'from'), 'from');
  const received = dateArg(str(p, 'objection-received'), 'objection-received');
  const corrected = dateArg(str(p, 'corrected-on'), 'corrected-on');
  const effectiveOn = dateArg(str(p, 'effective-on'), 'effective-on');
  const sanction = str(p, 'sanction');
  const n = signedInt(p, 'working-days', 3650);
  const modes = [from !== undefined, received !== undefined || corrected !== undefined, sanction !== undefined || effectiveOn !== undefined].filter(Boolean).length;
  if (modes !== 1) {
    throw usageError(
      '请给出其中一种：--from 与 --working-days；--objection-received（或 --corrected-on）与 --pack；--sanction 与 --effective-on',
      'give exactly one of: --from with --working-days; --objection-received (or --corrected-on) with --pack; --sanction with --effective-on',
    );
  }

  const out: string[] = [];
  const json: Record<string, unknown> = {};
  calendarArgs(p);
  const cal = runCalendar();
  // Errors name the option a value came from, not the library's argument.
  const OPTION_OF = { date: '--from', n: '--working-days', receivedOn: '--objection-received', correctedOn: '--corrected-on', effectiveOn: '--effective-on' };
  const calc = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw cliCalendarError(e, OPTION_OF);
    }
  };

  if (sanction !== undefined || effectiveOn !== undefined) return sanctionPeriodAnswer(ctx, sanction, effectiveOn, format, calc);

  const shown: Shown[] = [];
  if (from !== undefined) {
    if (n === undefined) throw usageError('--from 需要 --working-days <n>', '--from needs --working-days <n>');
    const r = calc(() => cal.addWorkingDaysDetailed(from, n));
    const back = n < 0;
    shown.push({
      title: back ? (en ? `${-n} working days before ${from}` : `${from} 前 ${-n} 个工作日`) : en ? `${n} working days after ${from}` : `${from} 后 ${n} 个工作日`,
      value: { kind: 'working-days', from, workingDays: n, dueOn: r.date, dateRules: ['CC-201'], provisional: r.provisional, ...(r.provisionalReason ? { provisionalReason: r.provisionalReason } : {}) },
      eventOn: from,
      startsOn: addDaysIso(from, back ? -1 : 1),
      dueOn: r.date,
      length: n,
      basis: null,
      provisional: r.provisional,
      ...(r.provisionalReason ? { provisionalReason: r.provisionalReason } : {}),
    });
  } else {
    shown.push(...objectionDeadlines(p, ctx, { received, corrected, n }, cal, calc, out, json));
  }

  const why = provisionalWhy(shown);
  const provisionalNote = provisionalText(why, loc);
  if (format === 'json') {
    json.deadlines = shown.map((x) => ({
      ...x.value,
      skipped: countedDays(cal, x.eventOn, x.dueOn)
        .filter((d) => d.role === 'skipped')
        .map((d) => ({ date: d.date, kind: d.info.kind, name: d.info.holiday ?? null })),
    }));
    if (shown.some((x) => x.provisional)) json.provisional = why;
    json.calendar = calendarJson(cal);
    await writeOut(ctx.stdout, JSON.stringify(json, null, 2) + '\n');
    return EXIT.ok;
  }
  for (const d of shown) {
    const days = countedDays(cal, d.eventOn, d.dueOn);
    const skipped = days.filter((x) => x.role === 'skipped');
    const len = d.length;
    if (out.length) out.push('');
    out.push(
      d.title,
      table(null, [
        [len < 0 ? (en ? 'Falls on' : '日期') : en ? 'Due on' : '届满日', `${d.dueOn}${d.provisional ? provisionalMark(d.provisionalReason, loc) : ''}`],
        len < 0
          ? [en ? 'Counted' : '计算', en ? `${-len} working days back from ${d.eventOn} (the day itself is not counted, as Civil Code 201 counts forwards)` : `自 ${d.eventOn} 往前数 ${-len} 个工作日（当日不计入，同民法典 第二百零一条）`]
          : [en ? 'Counted' : '计算', en ? `${len} working days from ${d.startsOn} (the day of the event is not counted: Civil Code 201)` : `自 ${d.startsOn} 起 ${len} 个工作日（事件当日不计入，民法典 第二百零一条）`],
        [en ? 'Skipped' : '跳过', en ? `${skipped.length} days (${skipped.filter((x) => x.info.kind === 'holiday').length} holiday, ${skipped.filter((x) => x.info.kind === 'weekend').length} weekend)` : `${skipped.length} 天（节假日 ${skipped.filter((x) => x.info.kind === 'holiday').length} 天，周末 ${skipped.filter((x) => x.info.kind === 'weekend').length} 天）`],
        ...(d.basis ? [[en ? 'Basis' : '依据', basisText(d.basis)]] : []),
      ], { maxWidth: ctx.width }),
    );
    const hol = skippedHolidays(days, loc);
    if (hol.length) out.push(en ? 'Holidays skipped:' : '跳过的节假日：', ...hol.map((h) => `  ${h}`));
    const makeUp = days.filter((x) => x.info.kind === 'make-up-workday' && x.role !== 'start');
    if (makeUp.length) out.push(en ? 'Make-up working days counted (调休上班):' : '计入的调休上班日：', `  ${makeUp.map((x) => x.date).join(en ? ', ' : '、')}`);
    if (showCalendar) out.push('', monthCalendar(days, loc), ...wrap(legend(loc), ctx.width));
  }
  for (const note of provisionalNote) out.push('', ...wrap(note, ctx.width));
  const hosts = cal.coverage().hostSchedules;
  if (hosts.length) out.push('', ...wrap(en ? `Holiday schedules added: ${hosts.map((h) => `${h.year} (${h.source})`).join('; ')}` : `已添加的节假日安排：${hosts.map((h) => `${h.year} 年（${h.source}）`).join('；')}`, ctx.width));
  await writeText(ctx.stdout, out.join('\n') + '\n');
  return EXIT.ok;
}

/** What the calendar of the run covers, for `--format json`. */
function calendarJson(cal: Calendar): Record<string, unknown> {
  const c = cal.coverage();
  return { officialYears: [c.officialYears[0], c.officialYears.at(-1)], hostSchedules: c.hostSchedules, provisionalFrom: c.provisionalFrom, unknownYears: c.unknownYears };
}

/** Why the answers are provisional, over all of them: the library's reasons merged. */
function provisionalWhy(shown: Shown[]): ProvisionalReason {
  const years = new Set<number>();
  let mode: ProvisionalReason['mode'] = null;
  let movableFrom: string | null = null;
  for (const d of shown) {
    const r = d.provisionalReason;
    if (!r) continue;
    for (const y of r.estimatedYears) years.add(y);
    mode ??= r.mode;
    if (r.movableFrom && (!movableFrom || r.movableFrom < movableFrom)) movableFrom = r.movableFrom;
  }
  return { estimatedYears: [...years].sort((a, b) => a - b), mode, movableFrom };
}

/** How a year without a schedule was counted, in words. */
function modeText(mode: 'statutory' | 'weekends-only', en: boolean): string {
  if (mode === 'statutory') {
    return en
      ? 'counting the days the 全国年节及纪念日放假办法 gives off (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆, and a working day off for one on a weekend) and weekends, without the notice\'s make-up working days'
      : '按《全国年节及纪念日放假办法》所定的节假日（元旦、春节、清明、劳动节、端午、中秋、国庆，适逢周末的在工作日补假）和周末计算，未计通知的调休上班日';
  }
  return en ? 'counting Monday to Friday as working days, holidays not known' : '按周一至周五计算，未计任何节假日';
}

/** `（暂定：2027 年按法定节假日暂算）` after a due date. */
function provisionalMark(r: ProvisionalReason | undefined, loc: 'zh-CN' | 'en'): string {
  const en = loc === 'en';
  if (r?.mode) {
    const ys = r.estimatedYears.join(en ? ', ' : '、');
    const how = r.mode === 'statutory' ? (en ? 'statutory holidays' : '法定节假日') : en ? 'weekends only' : '只计周末';
    return en ? ` (provisional: ${ys} estimated, ${how}, --unknown-years ${r.mode}; see below)` : `（暂定：${ys} 年按${how}暂算，--unknown-years ${r.mode}；见下）`;
  }
  return en ? ' (provisional, see below)' : '（暂定，见下）';
}

/** The same, in words: one paragraph per reason. */
function provisionalText(why: ProvisionalReason, loc: 'zh-CN' | 'en'): string[] {
  const en = loc === 'en';
  const parts: string[] = [];
  if (why.estimatedYears.length && why.mode) {
    const ys = why.estimatedYears.join(en ? ', ' : '、');
    const file = `holidays-${why.estimatedYears[0]}.json`;
    parts.push(
      en
        ? `Provisional (--unknown-years ${why.mode}): ${ys} has no holiday schedule, so its days were estimated ${modeText(why.mode, en)}; the State Council's notice can move the date. For a firm date once it is published: ${BIN} schedule template ${why.estimatedYears[0]} --output ${file}, complete it from the notice, and add --schedule ${file} (or list it in ${SCHEDULES_ENV}).`
        : `暂定（--unknown-years ${why.mode}）：${ys} 年没有节假日安排，${modeText(why.mode, en)}；国务院办公厅公布安排后日期可能变化。公布后要得到确定的日期：用 ${BIN} schedule template ${why.estimatedYears[0]} --output ${file} 生成模板，按通知补全，再加 --schedule ${file}（或列入环境变量 ${SCHEDULES_ENV}）。`,
    );
  }
  if (why.movableFrom) {
    parts.push(
      en
        ? `Provisional: it depends on days from ${why.movableFrom} on, which the next year's holiday notice can still move.`
        : `暂定：依赖 ${why.movableFrom} 以后的日期，次年节假日安排公布后可能变化。`,
    );
  }
  return parts;
}

type Calc = <T>(f: () => T) => T;

/** `--sanction` with `--effective-on`: the library's own answer, with the clause it cites (政务处分法 第八条). */
async function sanctionPeriodAnswer(ctx: Ctx, sanction: string | undefined, effectiveOn: string | undefined, format: 'table' | 'json', calc: Calc): Promise<number> {
  const en = ctx.locale === 'en';
  const out: string[] = [];
  if (!sanction || !effectiveOn) throw usageError('--sanction 与 --effective-on 须同时给出', '--sanction and --effective-on go together');
  if (!(PERIOD_SANCTIONS as readonly string[]).includes(sanction)) {
    const kinds = PERIOD_SANCTIONS;
    const near = closest(sanction, kinds);
    throw usageError(
      `--sanction 应为 ${kinds.join('、')} 之一（开除没有处分期）`,
      `--sanction must be one of ${kinds.join(', ')} (expulsion has no period)`,
      near ? { suggestion: near } : {},
    );
  }
  // The library's own answer to the same question, with the clause it cites (政务处分法 第八条).
  const period = calc(() => disciplinaryPeriod(sanction as Exclude<Sanction, 'expulsion'>, effectiveOn));
  if (format === 'json') {
    await writeOut(ctx.stdout, JSON.stringify({ disciplinaryPeriod: period }, null, 2) + '\n');
    return EXIT.ok;
  }
  out.push(
    table(
      null,
      [
        [en ? 'Sanction' : '处分', en ? `${LABELS.sanction[period.sanction].en}, ${period.months} months` : `${LABELS.sanction[period.sanction]['zh-CN']}，${period.months} 个月`],
        [en ? 'Effective on' : '生效日', period.effectiveOn],
        [en ? 'Last day of the period' : '处分期最后一日', period.lastDay],
        [en ? 'Bar lifts on' : '限制解除日', period.liftsOn],
        [en ? 'Basis' : '依据', basisText(period.basis)],
        [
          en ? 'Counted' : '期间计算',
          en
            ? 'from the day after the effective day; the last day is the corresponding day of the last month, or its last day (Civil Code 201, 202)'
            : '生效日当日不计入，自次日起算；到期月的对应日为最后一日，没有对应日的为月末日（民法典 第二百零一条、第二百零二条）',
        ],
      ],
      { maxWidth: ctx.width },
    ),
    '',
    ...wrap(
      en
        ? 'A sanction period is not a time limit to act: it never rolls to a working day (Civil Code 203 does not apply).'
        : '处分期不是行为期限，不顺延至工作日（不适用民法典 第二百零三条）。',
      ctx.width,
    ),
  );
  await writeText(ctx.stdout, out.join('\n') + '\n');
  return EXIT.ok;
}

/** `--objection-received` / `--corrected-on`: the pack's reply and report deadlines, or the host's (`--working-days`). */
function objectionDeadlines(
  p: ReturnType<typeof parseCommand>,
  ctx: Ctx,
  at: { received: string | undefined; corrected: string | undefined; n: number | undefined },
  cal: ReturnType<typeof runCalendar>,
  calc: Calc,
  out: string[],
  json: Record<string, unknown>,
): Shown[] {
  const en = ctx.locale === 'en';
  const { received, corrected, n } = at;
  const shown: Shown[] = [];
  const packId = str(p, 'pack');
  if (!packId) throw usageError('--objection-received / --corrected-on 需要 --pack <id>', '--objection-received / --corrected-on need --pack <id>');
  const pack = getPack(packIdArg(packId));
  const { objectionReply: reply, platformReport: report, clauses: objectionClauses } = objectionDeadlinesOf(pack);
  const host: LegalBasis = { clause: 'host-policy', document: en ? 'host policy (--working-days)' : '宿主政策（--working-days）' };
  const none = (what: 'reply' | 'report') => {
    const clauses = objectionClauses.length ? objectionClauses.join(en ? ', ' : '、') : en ? 'none' : '无';
    return en
      ? `${pack.id} fixes no ${what === 'reply' ? 'objection reply' : 'provincial-platform report'} deadline (its objection clauses: ${clauses}); give one as host policy with --working-days <n>.`
      : `${pack.id} 未规定${what === 'reply' ? '异议答复' : '报送省级信用平台'}期限（其异议条款：${clauses}）；可用 --working-days <n> 作为宿主政策给出。`;
  };
  if (received !== undefined) {
    if (reply && n === undefined) {
      shown.push(fromDeadline(en ? `objection received ${received}: written reply due` : `${received} 收到异议：书面答复期限`, calc(() => objectionReplyDueOn(received, { workingDays: reply.days, basis: reply.basis, calendar: cal }))));
    } else if (n !== undefined) {
      if (n < 0) throw usageError('--working-days 在此为答复期限，应为正数', '--working-days is a reply period here and must be positive');
      shown.push(fromDeadline(en ? `objection received ${received}: reply due (host policy)` : `${received} 收到异议：答复期限（宿主政策）`, calc(() => objectionReplyDueOn(received, { workingDays: n, basis: host, calendar: cal }))));
    } else {
      out.push(...wrap(none('reply'), ctx.width));
      json.objectionReply = null;
      json.objectionReplyNote = none('reply');
    }
  }
  if (corrected !== undefined) {
    if (report) {
      shown.push(fromDeadline(en ? `corrected or revoked ${corrected}: report to the provincial platform due` : `${corrected} 更正或撤销：报送省级信用平台期限`, calc(() => platformReportDueOn(corrected, { workingDays: report.days, basis: report.basis, calendar: cal }))));
    } else if (n !== undefined && received === undefined) {
      if (n < 0) throw usageError('--working-days 在此为报送期限，应为正数', '--working-days is a report period here and must be positive');
      shown.push(fromDeadline(en ? `corrected ${corrected}: report due (host policy)` : `${corrected} 更正：报送期限（宿主政策）`, calc(() => platformReportDueOn(corrected, { workingDays: n, basis: host, calendar: cal }))));
    } else {
      out.push(...wrap(none('report'), ctx.width));
      json.platformReport = null;
      json.platformReportNote = none('report');
    }
  }
  return shown;
}
