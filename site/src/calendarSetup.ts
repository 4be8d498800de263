// Which calendar the deadline calendar counts on: the official holiday data, the holiday schedules
// the officer has loaded (pasted or chosen as a file), and what to do for a year that has none yet
// (issue 21): stop and ask, count the statutory holidays for now, or count weekends only. Everything
// here is said in plain words: no option names, no code, no field names of the file.
import { CalendarCoverageError, GovCreditError, createCalendar, type Calendar, type HostSchedule, type Issue, type ProvisionalReason } from 'gov-credit-rules';
import { h } from './dom.js';
import { t, tx } from './i18n.js';
import type { CalendarChoice } from './protocol.js';

/** How a year without a schedule is counted: ask (the library's default), statutory holidays, weekends only. */
export type UnknownYearsChoice = 'error' | 'statutory' | 'weekends-only';

interface Loaded {
  year: number;
  source: string;
  schedule: HostSchedule;
}

const choice = { unknownYears: 'error' as UnknownYearsChoice, schedules: [] as Loaded[] };
let calendar: Calendar | null = null;

/** The page's calendar choice as data, for the decide worker (which makes its own calendar from it). */
export function calendarChoice(): CalendarChoice {
  return { unknownYears: choice.unknownYears, schedules: choice.schedules.map((s) => s.schedule) };
}

/** The calendar the page counts on now (made again when the choice changes). */
export function currentCalendar(): Calendar {
  return (calendar ??= createCalendar({ unknownYears: choice.unknownYears, schedules: choice.schedules.map((s) => s.schedule) }));
}

export function setUnknownYears(mode: UnknownYearsChoice): void {
  choice.unknownYears = mode;
  calendar = null;
}

/** Where a field of a schedule file is, in words (放假日第 4 项的结束日). */
function placeOf(path: readonly (string | number)[]): string {
  const words: Record<string, [string, string]> = {
    holidays: ['放假日', 'days off'],
    workdays: ['调休上班日', 'make-up working days'],
    source: ['通知', 'the notice'],
    notice: ['文号', 'number'],
    issuedOn: ['发布日期', 'date of issue'],
    title: ['标题', 'title'],
    url: ['网址', 'address'],
    year: ['年份', 'year'],
    from: ['起始日', 'first day'],
    to: ['结束日', 'last day'],
    date: ['日期', 'date'],
    name: ['节日名称', 'holiday name'],
  };
  const parts = path.filter((p) => p !== 'schedule' && p !== 'options' && p !== 'schedules');
  return parts
    .map((p) => (typeof p === 'number' ? t(`第 ${p + 1} 项`, `item ${p + 1}`) : words[p] ? t(words[p][0], words[p][1]) : t('文件', 'the file')))
    .join(t('的', ' › '));
}

/** Adds a schedule from a file's text; the problems in plain words when it cannot. */
export function loadSchedule(text: string): { ok: true; year: number } | { ok: false; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, problems: [t('这不是一个节假日安排文件：内容的格式不对（请检查括号、引号和逗号）。', 'This is not a holiday schedule file: its format is broken (check its brackets, quotes and commas).')] };
  }
  try {
    const base = createCalendar({ schedules: choice.schedules.map((s) => s.schedule) });
    const cal = base.withSchedule(json as HostSchedule);
    const added = cal.coverage().hostSchedules.find((s) => !choice.schedules.some((x) => x.year === s.year));
    if (!added) return { ok: false, problems: [t('这一年的安排已经有了，内容相同。', 'That year is already there, with the same days.')] };
    choice.schedules.push({ year: added.year, source: added.source, schedule: json as HostSchedule });
    calendar = null;
    return { ok: true, year: added.year };
  } catch (e) {
    if (e instanceof GovCreditError) {
      return { ok: false, problems: e.issues.map((i: Issue) => `${i.path.length ? `${placeOf(i.path)}${t('：', ': ')}` : ''}${tx(i.message)}`) };
    }
    throw e;
  }
}

export function removeSchedule(year: number): void {
  choice.schedules = choice.schedules.filter((s) => s.year !== year);
  calendar = null;
}

const STATUTORY_WORDS = () =>
  t(
    '按《全国年节及纪念日放假办法》规定的元旦、春节、清明、劳动节、端午、中秋、国庆和周末计算，节日逢周末的在其后的工作日补假；不含通知中的调休上班日',
    "counted with the holidays the 全国年节及纪念日放假办法 gives (New Year's Day, Spring Festival, Tomb-sweeping Day, Labour Day, Dragon Boat, Mid-autumn, National Day) and weekends, a holiday on a weekend made up on the next working day; without the notice's make-up working days",
  );
const WEEKENDS_WORDS = () => t('周一至周五都算工作日，不计任何节假日', 'Monday to Friday counted as working days, no holiday known');

/** Why a due day is provisional, in words. */
export function provisionalWords(reason: ProvisionalReason | undefined): string {
  if (reason?.mode && reason.estimatedYears.length) {
    const years = reason.estimatedYears.join(t('、', ', '));
    return reason.mode === 'statutory'
      ? t(`暂定：${years} 年尚无节假日安排，${STATUTORY_WORDS()}；国务院办公厅公布安排后日期可能变化。`, `Provisional: ${years} has no holiday schedule yet, so it was ${STATUTORY_WORDS()}; the State Council's notice may move the date.`)
      : t(`暂定：${years} 年尚无节假日安排，${WEEKENDS_WORDS()}；国务院办公厅公布安排后日期可能变化。`, `Provisional: ${years} has no holiday schedule yet, ${WEEKENDS_WORDS()}; the State Council's notice may move the date.`);
  }
  return t('暂定：次年节假日安排公布后可能变化。', 'Provisional: the next holiday notice may move it.');
}

/** A file chooser and a paste box that add a year's schedule. */
function scheduleLoader(onChange: () => void, year: number | null): HTMLElement {
  const problems = h('ul', { class: 'issues schedule-problems' });
  const area = h('textarea', { id: 'schedule-text', rows: 6, cols: 60, 'aria-label': t('粘贴节假日安排文件的内容', 'Paste the holiday schedule file'), placeholder: t('在此粘贴节假日安排文件的内容', 'Paste the holiday schedule file here') });
  const apply = (text: string) => {
    const r = loadSchedule(text);
    if (r.ok) onChange();
    else problems.replaceChildren(...r.problems.map((p) => h('li', null, p)));
  };
  return h(
    'div',
    { class: 'schedule-loader' },
    h('p', null, year
      ? t(`载入国务院办公厅公布的 ${year} 年节假日安排：选择安排文件，或粘贴文件内容。`, `Load the ${year} holiday schedule the State Council published: choose the schedule file, or paste what it holds.`)
      : t('载入一年的节假日安排：选择安排文件，或粘贴文件内容。', "Load a year's holiday schedule: choose the schedule file, or paste what it holds.")),
    h('label', null, t('选择文件 ', 'Choose a file '), h('input', {
      type: 'file',
      id: 'schedule-file',
      accept: '.json,application/json',
      onchange: async (e: Event) => {
        const file = (e.target as HTMLInputElement).files?.[0];
        if (file) apply(await file.text());
      },
    })),
    h('div', null, area),
    h('button', { type: 'button', id: 'schedule-paste', onclick: () => apply(area.value) }, t('载入粘贴的安排', 'Load the pasted schedule')),
    problems,
  );
}

/**
 * The page's answer to a year without a schedule: what is missing, and the three ways on — count the
 * statutory holidays for now, count weekends only for now, or load the year's schedule.
 */
export function renderCoverageChoice(e: Pick<CalendarCoverageError, 'year' | 'coveredFrom' | 'coveredTo'>, onChange: () => void, what: 'deadline' | 'decision' = 'deadline'): HTMLElement {
  const pick = (mode: UnknownYearsChoice) => () => {
    setUnknownYears(mode);
    onChange();
  };
  return h(
    'div',
    { class: 'coverage-choice', 'data-year': e.year },
    h('p', { class: 'note' }, what === 'decision' ? t(
      `这项判定中的期限要用到 ${e.year} 年的日子，但本页还没有 ${e.year} 年的节假日安排（国务院办公厅每年公布的放假通知；现有 ${e.coveredFrom}–${e.coveredTo} 年）。请选择（期限日历页同样适用）：`,
      `A deadline in this decision needs days of ${e.year}, but the page has no ${e.year} holiday schedule yet (the State Council's yearly notice; it has ${e.coveredFrom}–${e.coveredTo}). Choose (the deadline calendar counts the same way):`,
    ) : t(
      `这个期限要用到 ${e.year} 年的日子，但本页还没有 ${e.year} 年的节假日安排（国务院办公厅每年公布的放假通知；现有 ${e.coveredFrom}–${e.coveredTo} 年）。请选择：`,
      `This deadline needs days of ${e.year}, but the page has no ${e.year} holiday schedule yet (the State Council's yearly notice; it has ${e.coveredFrom}–${e.coveredTo}). Choose:`,
    )),
    h('div', { class: 'choices' },
      h('div', { class: 'choice' },
        h('button', { type: 'button', id: 'choose-statutory', onclick: pick('statutory') }, t('按法定节假日暂算（推荐）', 'Count the statutory holidays for now (recommended)')),
        h('p', { class: 'muted' }, t(`${STATUTORY_WORDS()}。得出的日期标为暂定；在以往年份上试算，多数期限与正式安排相同。`, `${STATUTORY_WORDS()[0]!.toUpperCase()}${STATUTORY_WORDS().slice(1)}. The date is marked provisional; tried on past years, most deadlines come out as with the published schedule.`))),
      h('div', { class: 'choice' },
        h('button', { type: 'button', id: 'choose-weekends', onclick: pick('weekends-only') }, t('只按周末暂算', 'Count weekends only for now')),
        h('p', { class: 'muted' }, t(`${WEEKENDS_WORDS()}。得出的日期标为暂定，节日前后常常偏早。`, `${WEEKENDS_WORDS()[0]!.toUpperCase()}${WEEKENDS_WORDS().slice(1)}. The date is marked provisional and often early around holidays.`))),
      h('div', { class: 'choice' }, scheduleLoader(onChange, e.year)),
    ),
  );
}

/** One line on what the calendar counts with, and the way to change it (load, remove, provisional mode). */
export function renderCalendarSource(onChange: () => void): HTMLElement {
  const cov = currentCalendar().coverage();
  const first = cov.officialYears[0];
  const last = cov.officialYears[cov.officialYears.length - 1];
  const how =
    choice.unknownYears === 'statutory'
      ? t('尚无安排的年份按法定节假日暂算', 'years without a schedule: statutory holidays, provisional')
      : choice.unknownYears === 'weekends-only'
        ? t('尚无安排的年份只按周末暂算', 'years without a schedule: weekends only, provisional')
        : t('尚无安排的年份不作推算', 'years without a schedule: not counted');
  const details = h('details', { class: 'schedule-details' },
    h('summary', null, t('载入节假日安排…', 'Load a holiday schedule…')),
    scheduleLoader(onChange, null),
    choice.unknownYears !== 'error'
      ? h('button', { type: 'button', id: 'choose-ask', class: 'link', onclick: () => { setUnknownYears('error'); onChange(); } }, t('改为不推算尚无安排的年份', 'Stop estimating years without a schedule'))
      : null);
  return h(
    'div',
    { class: 'calendar-source muted', 'data-unknown-years': choice.unknownYears },
    t(`节假日安排：官方数据 ${first}–${last} 年`, `Holiday schedules: official data ${first}–${last}`),
    choice.schedules.map((s) => h('span', { class: 'loaded', 'data-year': s.year },
      t(`；已载入 ${s.year} 年（${s.source}）`, `; loaded ${s.year} (${s.source})`), ' ',
      h('button', { type: 'button', class: 'link', 'data-remove-year': s.year, onclick: () => { removeSchedule(s.year); onChange(); } }, t('移除', 'remove')))),
    t(`；${how}。`, `; ${how}.`),
    details,
  );
}
