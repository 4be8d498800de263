import { addDaysIso, isoWeekday, toDayNumber } from '../../_lib/days.js';
import type { Calendar, DayInfo } from '../../calendar/types.js';
import type { Locale } from './i18n.js';
import { padStart } from './text.js';

export interface CountedDay {
  date: string;
  info: DayInfo;
  /** 'start' (not counted), 'counted', 'skipped', 'due'. */
  role: 'start' | 'counted' | 'skipped' | 'due';
}

/** Every day from the start to the due day (or from the due day to the start, counting back), with what the count did with it. */
export function countedDays(cal: Calendar, startOn: string, dueOn: string): CountedDay[] {
  const out: CountedDay[] = [];
  const [first, last] = startOn <= dueOn ? [startOn, dueOn] : [dueOn, startOn];
  for (let d = first; d <= last; d = addDaysIso(d, 1)) {
    const info = cal.dayInfo(d);
    const role = d === startOn ? 'start' : d === dueOn ? 'due' : info.working ? 'counted' : 'skipped';
    out.push({ date: d, info, role });
  }
  return out;
}

function marker(c: CountedDay | undefined): string {
  if (!c) return ' ';
  if (c.role === 'start') return '>';
  if (c.role === 'due') return 'D';
  if (c.role === 'counted') return c.info.kind === 'make-up-workday' ? 'm' : 'o';
  return c.info.kind === 'holiday' ? 'h' : 'w';
}

const WEEKDAYS: Record<Locale, string[]> = {
  'zh-CN': ['一', '二', '三', '四', '五', '六', '日'],
  en: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
};

/** Month grids (Monday first) covering the counted days, three months side by side. */
export function monthCalendar(days: CountedDay[], locale: Locale): string {
  if (!days.length) return '';
  const byDate = new Map(days.map((d) => [d.date, d]));
  const first = days[0]!.date;
  const last = days[days.length - 1]!.date;
  const months: { y: number; m: number }[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  const endKey = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7));
  while (y * 12 + m <= endKey) {
    months.push({ y, m });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  const grids = months.map(({ y: yy, m: mm }) => monthGrid(yy, mm, byDate, locale));
  const out: string[] = [];
  for (let i = 0; i < grids.length; i += 3) {
    const row = grids.slice(i, i + 3);
    const h = Math.max(...row.map((g) => g.length));
    for (let l = 0; l < h; l++) out.push(row.map((g) => (g[l] ?? '').padEnd(28)).join('  ').trimEnd());
    out.push('');
  }
  return out.join('\n').trimEnd();
}

function monthGrid(y: number, m: number, byDate: Map<string, CountedDay>, locale: Locale): string[] {
  const mm = String(m).padStart(2, '0');
  const title = locale === 'en' ? `${y}-${mm}` : `${y}年${m}月`;
  const lines = [title.padStart(Math.floor((28 + title.length) / 2)), WEEKDAYS[locale].map((w) => padStart(w, 3)).join(' ')];
  const firstDay = `${y}-${mm}-01`;
  const offset = isoWeekday(toDayNumber(firstDay)) - 1;
  const cells: string[] = Array.from({ length: offset }, () => '   ');
  for (let d = firstDay; d.startsWith(`${y}-${mm}`); d = addDaysIso(d, 1)) {
    cells.push(`${String(Number(d.slice(8))).padStart(2)}${marker(byDate.get(d))}`);
  }
  for (let i = 0; i < cells.length; i += 7) lines.push(cells.slice(i, i + 7).join(' '));
  return lines;
}

export function legend(locale: Locale): string {
  return locale === 'en'
    ? '> start (not counted)  o counted working day  m make-up working day (调休, counted)  h holiday (skipped)  w weekend (skipped)  D due'
    : '> 起算日（不计入）  o 计入的工作日  m 调休上班日（计入）  h 节假日（跳过）  w 周末（跳过）  D 届满日';
}

/** Holiday runs skipped, e.g. `2026-10-01 – 2026-10-08 国庆节、中秋节`. */
export function skippedHolidays(days: CountedDay[], locale: Locale): string[] {
  const out: string[] = [];
  let run: { from: string; to: string; names: string[] } | null = null;
  const flush = () => {
    if (run) out.push(`${run.from}${run.to !== run.from ? ` – ${run.to}` : ''} ${run.names.join(locale === 'en' ? ', ' : '、')}`);
    run = null;
  };
  for (const d of days) {
    if (d.role === 'skipped' && d.info.kind === 'holiday') {
      const name = d.info.holiday?.[locale] ?? (locale === 'en' ? 'holiday' : '节假日');
      if (run && addDaysIso(run.to, 1) === d.date) {
        run.to = d.date;
        if (!run.names.includes(name)) run.names.push(name);
      } else {
        flush();
        run = { from: d.date, to: d.date, names: [name] };
      }
    } else {
      flush();
    }
  }
  flush();
  return out;
}
