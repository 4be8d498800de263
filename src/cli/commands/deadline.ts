import { addDaysIso } from '../../_lib/days.js';
import { defaultCalendar } from '../../calendar/defaultCalendar.js';
import { getPack } from '../../engine/getPack.js';
import { disciplinaryPeriod } from '../../deadlines/disciplinaryPeriod.js';
import { LEGAL_BASES } from '../../deadlines/legalBases.js';
import { objectionReplyDueOn } from '../../deadlines/objectionReplyDueOn.js';
import { platformReportDueOn } from '../../deadlines/platformReportDueOn.js';
import type { Deadline, LegalBasis } from '../../deadlines/types.js';
import { GovCreditError } from '../../model/errors.js';
import type { Pack } from '../../model/pack.js';
import { LABELS, SANCTIONS, type Sanction } from '../../model/vocabulary.js';
import { noExtraPositionals, oneOf, parseCommand, positiveInt, str } from '../_internal/args.js';
import { countedDays, legend, monthCalendar, skippedHolidays } from '../_internal/calendarView.js';
import { writeOut, type Ctx } from '../_internal/context.js';
import { CliError, EXIT, usageError } from '../_internal/exit.js';
import { L } from '../_internal/i18n.js';
import { table } from '../_internal/text.js';
import { dateArg } from './common.js';

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
} as const;

/** The pack and its parents, nearest first: where a deadline clause is looked for. */
function chainOf(pack: Pack): Pack[] {
  const out: Pack[] = [pack];
  for (const id of pack.extends) out.push(...chainOf(getPack(id)));
  return out;
}

function basisOf(pack: Pack, clauseId: string): LegalBasis {
  const c = pack.clauses.find((x) => x.id === clauseId);
  return { clause: clauseId, document: c?.document ?? `${pack.document.number}《${pack.document.title}》`, section: c?.section };
}

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
  };
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
  const n = positiveInt(p, 'working-days', 3650);
  const modes = [from !== undefined, received !== undefined || corrected !== undefined, sanction !== undefined || effectiveOn !== undefined].filter(Boolean).length;
  if (modes !== 1) {
    throw usageError(
      '请给出其中一种：--from 与 --working-days；--objection-received（或 --corrected-on）与 --pack；--sanction 与 --effective-on',
      'give exactly one of: --from with --working-days; --objection-received (or --corrected-on) with --pack; --sanction with --effective-on',
    );
  }

  const out: string[] = [];
  const json: Record<string, unknown> = {};
  const cal = defaultCalendar();
  const calc = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof GovCreditError) throw new CliError(L(e.format('zh-CN'), e.format('en')), EXIT.usage);
      throw e;
    }
  };

  if (sanction !== undefined || effectiveOn !== undefined) {
    if (!sanction || !effectiveOn) throw usageError('--sanction 与 --effective-on 须同时给出', '--sanction and --effective-on go together');
    if (!(SANCTIONS as readonly string[]).includes(sanction) || sanction === 'expulsion') {
      throw usageError(
        `--sanction 应为 ${SANCTIONS.filter((s) => s !== 'expulsion').join('、')} 之一（开除没有处分期）`,
        `--sanction must be one of ${SANCTIONS.filter((s) => s !== 'expulsion').join(', ')} (expulsion has no period)`,
      );
    }
    const period = calc(() => disciplinaryPeriod(sanction as Exclude<Sanction, 'expulsion'>, effectiveOn, { basis: LEGAL_BASES['CSL-64'] }));
    if (format === 'json') {
      await writeOut(ctx.stdout, JSON.stringify({ disciplinaryPeriod: period }, null, 2) + '\n');
      return EXIT.ok;
    }
    out.push(
      table(null, [
        [en ? 'Sanction' : '处分', `${LABELS.sanction[period.sanction][loc]} (${period.sanction}), ${period.months} ${en ? 'months' : '个月'}`],
        [en ? 'Effective on' : '生效日', period.effectiveOn],
        [en ? 'Last day of the period' : '处分期最后一日', period.lastDay],
        [en ? 'Bar lifts on' : '限制解除日', period.liftsOn],
        [en ? 'Basis' : '依据', `${period.basis.clause} ${period.basis.document} ${period.basis.section ?? ''}`.trim()],
        [en ? 'Date rules' : '期间计算', period.dateRules.join(' ')],
      ]),
      '',
      en
        ? 'A sanction period is not a time limit to act: it never rolls to a working day (民法典 203 does not apply).'
        : '处分期不是行为期限，不顺延至工作日（不适用民法典 203）。',
    );
    await writeOut(ctx.stdout, out.join('\n') + '\n');
    return EXIT.ok;
  }

  const shown: Shown[] = [];
  if (from !== undefined) {
    if (n === undefined) throw usageError('--from 需要 --working-days <n>', '--from needs --working-days <n>');
    const r = calc(() => cal.addWorkingDaysDetailed(from, n));
    shown.push({
      title: en ? `${n} working days after ${from}` : `${from} 后 ${n} 个工作日`,
      value: { kind: 'working-days', from, workingDays: n, dueOn: r.date, dateRules: ['CC-201'], provisional: r.provisional },
      eventOn: from,
      startsOn: addDaysIso(from, 1),
      dueOn: r.date,
      length: n,
      basis: null,
      provisional: r.provisional,
    });
  } else {
    const packId = str(p, 'pack');
    if (!packId) throw usageError('--objection-received / --corrected-on 需要 --pack <id>', '--objection-received / --corrected-on need --pack <id>');
    const pack = calc(() => getPack(packId));
    const chain = chainOf(pack);
    const reply = chain.find((x) => x.objections?.replyWorkingDays);
    const report = chain.find((x) => x.objections?.platformReportWorkingDays);
    const objectionClauses = chain.flatMap((x) => x.objections?.clauses ?? []);
    const host: LegalBasis = { clause: 'host-policy', document: en ? 'host policy (--working-days)' : '宿主政策（--working-days）' };
    const none = (what: 'reply' | 'report') => {
      const clauses = objectionClauses.length ? objectionClauses.join(en ? ', ' : '、') : en ? 'none' : '无';
      return en
        ? `${pack.id} fixes no ${what === 'reply' ? 'objection reply' : 'provincial-platform report'} deadline (its objection clauses: ${clauses}); give one as host policy with --working-days <n>.`
        : `${pack.id} 未规定${what === 'reply' ? '异议答复' : '报送省级信用平台'}期限（其异议条款：${clauses}）；可用 --working-days <n> 作为宿主政策给出。`;
    };
    if (received !== undefined) {
      const r = reply?.objections?.replyWorkingDays;
      if (r && n === undefined) {
        shown.push(fromDeadline(en ? `objection received ${received}: written reply due` : `${received} 收到异议：书面答复期限`, calc(() => objectionReplyDueOn(received, { workingDays: r.days, basis: basisOf(reply!, r.clause), calendar: cal }))));
      } else if (n !== undefined) {
        shown.push(fromDeadline(en ? `objection received ${received}: reply due (host policy)` : `${received} 收到异议：答复期限（宿主政策）`, calc(() => objectionReplyDueOn(received, { workingDays: n, basis: host, calendar: cal }))));
      } else {
        out.push(none('reply'));
        json.objectionReply = null;
        json.objectionReplyNote = none('reply');
      }
    }
    if (corrected !== undefined) {
      const r = report?.objections?.platformReportWorkingDays;
      if (r) {
        shown.push(fromDeadline(en ? `corrected or revoked ${corrected}: report to the provincial platform due` : `${corrected} 更正或撤销：报送省级信用平台期限`, calc(() => platformReportDueOn(corrected, { workingDays: r.days, basis: basisOf(report!, r.clause), calendar: cal }))));
      } else if (n !== undefined && received === undefined) {
        shown.push(fromDeadline(en ? `corrected ${corrected}: report due (host policy)` : `${corrected} 更正：报送期限（宿主政策）`, calc(() => platformReportDueOn(corrected, { workingDays: n, basis: host, calendar: cal }))));
      } else {
        out.push(none('report'));
        json.platformReport = null;
        json.platformReportNote = none('report');
      }
    }
  }

  if (format === 'json') {
    json.deadlines = shown.map((x) => ({
      ...x.value,
      skipped: countedDays(cal, x.eventOn, x.dueOn)
        .filter((d) => d.role === 'skipped')
        .map((d) => ({ date: d.date, kind: d.info.kind, name: d.info.holiday ?? null })),
    }));
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
        [en ? 'Due on' : '届满日', `${d.dueOn}${d.provisional ? (en ? ' (provisional: the next year\'s holiday notice may move it)' : '（临时：次年节假日安排公布后可能变化）') : ''}`],
        [en ? 'Counted' : '计算', en ? `${len} working days from ${d.startsOn} (the day of the event is not counted, 民法典 201)` : `自 ${d.startsOn} 起 ${len} 个工作日（事件当日不计入，民法典 201）`],
        [en ? 'Skipped' : '跳过', en ? `${skipped.length} days (${skipped.filter((x) => x.info.kind === 'holiday').length} holiday, ${skipped.filter((x) => x.info.kind === 'weekend').length} weekend)` : `${skipped.length} 天（节假日 ${skipped.filter((x) => x.info.kind === 'holiday').length} 天，周末 ${skipped.filter((x) => x.info.kind === 'weekend').length} 天）`],
        ...(d.basis ? [[en ? 'Basis' : '依据', `${d.basis.clause} ${d.basis.document} ${d.basis.section ?? ''}`.trim()]] : []),
      ]),
    );
    const hol = skippedHolidays(days, loc);
    if (hol.length) out.push(en ? 'Holidays skipped:' : '跳过的节假日：', ...hol.map((h) => `  ${h}`));
    const makeUp = days.filter((x) => x.info.kind === 'make-up-workday' && x.role !== 'start');
    if (makeUp.length) out.push(en ? 'Make-up working days counted (调休上班):' : '计入的调休上班日：', `  ${makeUp.map((x) => x.date).join(en ? ', ' : '、')}`);
    if (showCalendar) out.push('', monthCalendar(days, loc), legend(loc));
  }
  await writeOut(ctx.stdout, out.join('\n') + '\n');
  return EXIT.ok;
}
