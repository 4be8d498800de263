// The timeline picture: for each action, bands of barred / restricted / review / clear over a range
// (from `timeline`), the records' days and events marked, the as-of day, and for each action the day
// it is clear from (`clearFrom` of the decision on the as-of day) pointed out.
import { ACTIONS, ACTIONS_BY_SUBJECT, ANNUAL_REVIEW_ACTIONS, addCalendarDays, timeline, untyped, type Action, type TimelineChange } from 'gov-credit-rules';
import { h, s } from './dom.js';
import { label, t, valueLabel } from './i18n.js';
import { addDays, dayNumber, evaluatorFor } from './state.js';

export interface TimelineInput {
  subject: Record<string, unknown>;
  packId: string;
  asOf: string;
  assessmentYear: number;
  from: string;
  to: string;
  /** The action asked about: its row is pointed out. */
  action: Action;
}

interface Row {
  action: Action;
  /** Assessment year for annual reviews. */
  year: number | null;
  changes: TimelineChange[] | null;
  rowFrom: string;
  clearFrom: string | null;
  verdictNow: string | null;
  error: string | null;
}

interface Marker {
  date: string;
  record: string;
  kind: string;
  text: string;
}

/** The range the picture shows when none is chosen: the year of the earliest record (or as-of day) to the end of the as-of year, at least a year. */
export function autoRange(subject: Record<string, unknown>, asOf: string): { from: string; to: string } {
  const dates = [asOf];
  for (const r of (subject.records as Record<string, unknown>[] | undefined) ?? []) if (typeof r.decidedOn === 'string') dates.push(r.decidedOn);
  const first = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort()[0] ?? asOf;
  const fromYear = Number(first.slice(0, 4));
  const toYear = Math.max(Number(asOf.slice(0, 4)), fromYear);
  return { from: `${fromYear}-01-01`, to: `${toYear}-12-31` };
}

function markersOf(subject: Record<string, unknown>): Marker[] {
  const out: Marker[] = [];
  for (const r of (subject.records as Record<string, unknown>[] | undefined) ?? []) {
    const id = String(r.id ?? '');
    const kind = typeof r.kind === 'string' ? valueLabel('kind', r.kind) : '';
    const sanction = typeof r.sanction === 'string' ? `（${valueLabel('sanction', r.sanction)}）` : '';
    if (typeof r.decidedOn === 'string') out.push({ date: r.decidedOn, record: id, kind: 'decided', text: t(`${id} ${kind}${sanction}认定`, `${id} ${kind}${sanction} decided`) });
    if (typeof r.effectiveOn === 'string') out.push({ date: r.effectiveOn, record: id, kind: 'effective', text: t(`${id} 生效`, `${id} takes effect`) });
    for (const e of (r.events as Record<string, unknown>[] | undefined) ?? []) {
      if (typeof e.date !== 'string') continue;
      const type = String(e.type);
      const detail = ['outcome', 'channel'].filter((k) => typeof e[k] === 'string').map((k) => valueLabel(k, e[k] as string)).join('，');
      out.push({ date: e.date, record: id, kind: type, text: `${id} ${valueLabel('type', type)}${detail ? `（${detail}）` : ''}` });
    }
  }
  return out;
}

async function computeRows(input: TimelineInput): Promise<Row[]> {
  const kind = String(input.subject.kind ?? '');
  const actions = (ACTIONS_BY_SUBJECT as Record<string, readonly Action[]>)[kind] ?? ACTIONS;
  const evaluator = evaluatorFor(input.packId);
  return Promise.all(
    actions.map(async (action): Promise<Row> => {
      const annual = ANNUAL_REVIEW_ACTIONS.includes(action);
      const year = annual ? input.assessmentYear : null;
      // An annual review is answered for its year: its row starts on 1 January of that year at the earliest.
      const rowFrom = annual && input.from < `${year}-01-01` ? `${year}-01-01` : input.from;
      const row: Row = { action, year, changes: null, rowFrom, clearFrom: null, verdictNow: null, error: null };
      try {
        if (rowFrom > input.to) throw new Error(t('考核年度不在所选范围内', 'the assessment year is outside the range'));
        row.changes = await timeline(untyped(input.subject), { from: rowFrom, to: input.to, action, pack: input.packId, ...(year !== null ? { assessmentYear: year } : {}) });
        const now = evaluator.evaluate(untyped({ subject: input.subject, action, asOf: input.asOf, ...(year !== null && year <= Number(input.asOf.slice(0, 4)) ? { assessmentYear: year } : {}) }));
        row.clearFrom = now.clearFrom;
        row.verdictNow = now.verdict;
      } catch (e) {
        row.error = e instanceof Error ? ((e as { format?: (l: string) => string }).format?.(t('zh-CN', 'en')) ?? e.message) : String(e);
      }
      return row;
    }),
  );
}

const W = 1000;
const LEFT = 190;
const RIGHT = 20;
const ROW = 30;
const TOP = 46;

export async function renderTimeline(input: TimelineInput): Promise<HTMLElement> {
  const rows = await computeRows(input);
  const d0 = dayNumber(input.from);
  const d1 = dayNumber(input.to) + 1;
  const x = (iso: string) => LEFT + ((dayNumber(iso) - d0) / (d1 - d0)) * (W - LEFT - RIGHT);
  const inRange = (iso: string) => iso >= input.from && iso <= input.to;
  const markers = markersOf(input.subject).filter((m) => inRange(m.date));
  const height = TOP + rows.length * ROW + 40;
  const svg = s('svg', { viewBox: `0 0 ${W} ${height}`, class: 'timeline-svg', role: 'img', 'aria-label': t('时间线', 'Timeline') });

  // Month ticks (year labels on January).
  const ticks = s('g', { class: 'ticks' });
  for (let m = input.from.slice(0, 7) + '-01'; m <= input.to; m = addCalendarDays(m, 32).slice(0, 7) + '-01') {
    if (m < input.from) continue;
    const xm = x(m);
    ticks.append(
      s('line', { x1: xm, x2: xm, y1: TOP - 8, y2: TOP + rows.length * ROW, class: m.endsWith('-01-01') ? 'tick year' : 'tick' }),
      s('text', { x: xm + 2, y: TOP - 12, class: 'tick-label' }, m.endsWith('-01-01') ? m.slice(0, 4) : String(Number(m.slice(5, 7)))),
    );
  }
  svg.append(ticks);

  rows.forEach((row, i) => {
    const y = TOP + i * ROW;
    const asked = row.action === input.action;
    const g = s('g', { class: `row${asked ? ' asked' : ''}`, 'data-action': row.action });
    g.append(s('text', { x: LEFT - 8, y: y + ROW / 2 + 4, class: 'row-label', 'text-anchor': 'end' }, `${label('action', row.action)}${row.year !== null ? ` ${row.year}` : ''}`));
    if (row.error || !row.changes) {
      g.append(s('text', { x: LEFT + 6, y: y + ROW / 2 + 4, class: 'row-error' }, row.error ?? '—'));
    } else {
      row.changes.forEach((c, k) => {
        const next = row.changes![k + 1];
        const last = next ? addDays(next.on, -1) : input.to;
        const x0 = x(c.on);
        const x1 = next ? x(next.on) : x(input.to) + (W - LEFT - RIGHT) / (d1 - d0);
        const why = c.reasons.map((r) => r.rule).join(', ');
        const causes = c.causes.map((cause) => [label('cause', cause.kind), cause.record, cause.event ? valueLabel('type', cause.event) : '', cause.rule].filter(Boolean).join(' ')).join('；');
        g.append(
          s('rect', { x: x0, y: y + 4, width: Math.max(1, x1 - x0), height: ROW - 8, class: `band band-${c.verdict}`, 'data-verdict': c.verdict, 'data-from': c.on, 'data-to': last },
            s('title', null, `${label('action', row.action)}：${label('verdict', c.verdict)}  ${c.on} – ${last}${why ? `\n${t('规则', 'rules')}：${why}` : ''}${causes ? `\n${t('变化原因', 'changed by')}：${causes}` : ''}`)),
        );
      });
      // Pointed out where the verdict on the as-of day is not clear (a clear decision's clearFrom is the day itself).
      if (row.clearFrom && row.verdictNow !== 'clear') {
        const shown = inRange(row.clearFrom);
        const xc = shown ? x(row.clearFrom) : W - RIGHT;
        g.append(
          s('g', { class: `clear-from${shown ? '' : ' beyond'}`, 'data-clear-from': row.clearFrom },
            s('path', { d: `M ${xc} ${y + 2} l -5 -6 h 10 z`, class: 'clear-from-mark' }),
            s('line', { x1: xc, x2: xc, y1: y + 2, y2: y + ROW - 2, class: 'clear-from-line' }),
            s('text', { x: shown ? xc + 4 : xc - 4, y: y + 12, class: 'clear-from-label', 'text-anchor': shown ? 'start' : 'end' }, t(`${row.clearFrom} 起`, `from ${row.clearFrom}`)),
            s('title', null, t(`${label('action', row.action)}：自 ${row.clearFrom} 起不再受限`, `${label('action', row.action)}: clear from ${row.clearFrom}`))),
        );
      }
    }
    svg.append(g);
  });

  // The records' days and events, and the as-of day.
  const yEvents = TOP + rows.length * ROW + 6;
  const ev = s('g', { class: 'events' });
  markers.forEach((m) => {
    const xm = x(m.date);
    ev.append(
      s('g', { class: `event event-${m.kind}`, 'data-date': m.date, 'data-record': m.record, 'data-event': m.kind },
        s('line', { x1: xm, x2: xm, y1: TOP - 4, y2: yEvents, class: 'event-line' }),
        s('path', { d: m.kind === 'decided' ? `M ${xm} ${yEvents} l 6 6 l -6 6 l -6 -6 z` : `M ${xm} ${yEvents} l 5 10 h -10 z`, class: 'event-mark' }),
        s('text', { x: xm + 8, y: yEvents + 11, class: 'event-label' }, `${m.record} ${m.date.slice(5)}`),
        s('title', null, `${m.date} ${m.text}`)),
    );
  });
  if (inRange(input.asOf)) {
    const xa = x(input.asOf);
    ev.append(s('g', { class: 'as-of', 'data-date': input.asOf }, s('line', { x1: xa, x2: xa, y1: TOP - 30, y2: yEvents + 14, class: 'as-of-line' }),
      s('text', { x: xa + 3, y: TOP - 26, class: 'as-of-label' }, t(`查询日 ${input.asOf}`, `as of ${input.asOf}`))));
  }
  svg.append(ev);

  // In words: for each action, the verdict on the as-of day and from when it is clear.
  const asked = rows.find((r) => r.action === input.action);
  const answer = asked && !asked.error
    ? h('p', { class: 'timeline-answer', 'data-action': asked.action },
        asked.verdictNow === 'clear'
          ? t(`${input.asOf}：${label('action', asked.action)}无限制。`, `${input.asOf}: ${label('action', asked.action)} is clear.`)
          : asked.clearFrom
            ? t(`何时可以${label('action', asked.action)}？按已知记录，自 ${asked.clearFrom} 起。`, `When is ${label('action', asked.action)} clear? With the records known, from ${asked.clearFrom}.`)
            : t(`${label('action', asked.action)}：按已知记录，没有确定的解除日期。`, `${label('action', asked.action)}: with the records known, nothing ends the effect.`))
    : null;
  const legend = h('div', { class: 'legend' }, ['barred', 'restricted', 'review', 'clear'].map((v) => h('span', { class: `key key-${v}` }, label('verdict', v))),
    h('span', { class: 'key key-event' }, t('◆ 记录认定  ▲ 事件', '◆ record decided  ▲ event')), h('span', { class: 'key key-clear-from' }, t('▼ 解除日（clearFrom）', '▼ clear from (clearFrom)')));
  const list = h('ul', { class: 'timeline-words' }, rows.map((r) =>
    h('li', { 'data-action': r.action }, h('strong', null, label('action', r.action)), '：',
      r.error ? r.error : (r.changes ?? []).map((c) => `${c.on} ${label('verdict', c.verdict)}`).join(' → '),
      r.clearFrom && r.verdictNow !== 'clear' ? t(`（自 ${r.clearFrom} 起不再受限）`, ` (clear from ${r.clearFrom})`) : '')));
  return h('div', { class: 'timeline' }, answer, svg, legend, h('details', null, h('summary', null, t('文字版', 'In words')), list));
}
