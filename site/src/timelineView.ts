// The timeline picture: for each action, bands of barred / restricted / review / clear over a range
// (from `timeline`, computed by the decide worker), the records' days and events marked, the as-of
// day, and for each action the day it is clear from (`clearFrom` of the decision on the as-of day)
// pointed out. Rows still being computed are drawn as such.
import { addCalendarDays, VERDICTS, type Action } from 'gov-credit-rules';
import { h, s } from './dom.js';
import { label, t, tx, valueLabel } from './i18n.js';
import type { MarkerData, RowData } from './protocol.js';
import { addDays, dayNumber } from './state.js';

export interface TimelinePicture {
  from: string;
  to: string;
  asOf: string;
  /** The action asked about: its row is pointed out. */
  action: Action;
  /** Every action's row in order; null while it is being computed. */
  rows: { action: Action; row: RowData | null }[];
  markers: MarkerData[];
}

const W = 1000;
const LEFT = 190;
const RIGHT = 20;
const ROW = 30;
const TOP = 46;
/** Room a label of a date needs at 12px (查询日 2026-06-01, 2026-09-16 起), in viewBox units. */
const LABEL_ROOM = 130;
/** Above this many marks, marks are drawn without their labels (they would cover each other). */
const LABELLED_MARKS = 40;
/** Above this many, the marks are counted per month instead (thousands of marks say nothing and cost seconds to draw). */
const DRAWN_MARKS = 300;

function markerText(m: MarkerData): string {
  const kind = m.recordKind ? valueLabel('kind', m.recordKind) : '';
  const sanction = m.sanction ? t(`（${valueLabel('sanction', m.sanction)}）`, ` (${valueLabel('sanction', m.sanction)})`) : '';
  if (m.kind === 'decided') return t(`${m.record} ${kind}${sanction}认定`, `${m.record} ${kind}${sanction} decided`);
  if (m.kind === 'effective') return t(`${m.record} 处分生效`, `${m.record} takes effect`);
  const detail = m.detail.map((d) => valueLabel(d.field, d.value)).join(t('，', ', '));
  return `${m.record} ${label('eventType', m.kind)}${detail ? t(`（${detail}）`, ` (${detail})`) : ''}`;
}

export function renderTimeline(p: TimelinePicture): HTMLElement {
  const d0 = dayNumber(p.from);
  const d1 = dayNumber(p.to) + 1;
  const x = (iso: string) => LEFT + ((dayNumber(iso) - d0) / (d1 - d0)) * (W - LEFT - RIGHT);
  const inRange = (iso: string) => iso >= p.from && iso <= p.to;
  /** A label at `xa`: to its right, or to its left where it would run past the right edge. */
  const beside = (xa: number) => (xa > W - RIGHT - LABEL_ROOM ? { x: xa - 4, 'text-anchor': 'end' } : { x: xa + 4, 'text-anchor': 'start' });
  const height = TOP + p.rows.length * ROW + 40;
  const svg = s('svg', { viewBox: `0 0 ${W} ${height}`, class: 'timeline-svg', role: 'img', 'aria-label': t('时间线', 'Timeline') });

  // Month ticks (year labels on January).
  const ticks = s('g', { class: 'ticks' });
  for (let m = p.from.slice(0, 7) + '-01'; m <= p.to; m = addCalendarDays(m, 32).slice(0, 7) + '-01') {
    if (m < p.from) continue;
    const xm = x(m);
    ticks.append(
      s('line', { x1: xm, x2: xm, y1: TOP - 8, y2: TOP + p.rows.length * ROW, class: m.endsWith('-01-01') ? 'tick year' : 'tick' }),
      s('text', { x: xm + 2, y: TOP - 12, class: 'tick-label' }, m.endsWith('-01-01') ? m.slice(0, 4) : String(Number(m.slice(5, 7)))),
    );
  }
  svg.append(ticks);

  p.rows.forEach(({ action, row }, i) => {
    const y = TOP + i * ROW;
    const asked = action === p.action;
    const g = s('g', { class: `row${asked ? ' asked' : ''}`, 'data-action': action });
    g.append(s('text', { x: LEFT - 8, y: y + ROW / 2 + 4, class: 'row-label', 'text-anchor': 'end' }, `${label('action', action)}${row?.year !== null && row?.year !== undefined ? ` ${row.year}` : ''}`));
    if (!row) {
      g.append(s('text', { x: LEFT + 6, y: y + ROW / 2 + 4, class: 'row-pending' }, t('计算中…', 'computing…')));
    } else if (row.error || !row.changes) {
      g.append(s('text', { x: LEFT + 6, y: y + ROW / 2 + 4, class: 'row-error' }, row.error ? tx(row.error) : '—'));
    } else {
      row.changes.forEach((c, k) => {
        const next = row.changes![k + 1];
        const last = next ? addDays(next.on, -1) : p.to;
        const x0 = x(c.on);
        const x1 = next ? x(next.on) : x(p.to) + (W - LEFT - RIGHT) / (d1 - d0);
        const why = c.reasons.map((r) => r.rule).join(t('、', ', '));
        const causes = c.causes
          .map((cause) => [label('timelineCause', cause.kind), cause.record, cause.event ? label('eventType', cause.event) : '', cause.rule].filter(Boolean).join(' '))
          .join(t('；', '; '));
        g.append(
          s('rect', { x: x0, y: y + 4, width: Math.max(1, x1 - x0), height: ROW - 8, class: `band band-${c.verdict}`, 'data-verdict': c.verdict, 'data-from': c.on, 'data-to': last },
            s('title', null, `${label('action', action)}${t('：', ': ')}${label('verdict', c.verdict)}  ${t(`${c.on} 至 ${last}`, `${c.on} to ${last}`)}${why ? `\n${t('规则', 'Rules')}${t('：', ': ')}${why}` : ''}${causes ? `\n${t('变化原因', 'Changed by')}${t('：', ': ')}${causes}` : ''}`)),
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
            s('text', { y: y + 12, class: 'clear-from-label', ...(shown ? beside(xc) : { x: xc - 4, 'text-anchor': 'end' }) }, t(`${row.clearFrom} 起`, `from ${row.clearFrom}`)),
            s('title', null, t(`${label('action', action)}：自 ${row.clearFrom} 起不再受限`, `${label('action', action)}: clear from ${row.clearFrom}`))),
        );
      }
    }
    svg.append(g);
  });

  // The records' days and events, and the as-of day.
  const yEvents = TOP + p.rows.length * ROW + 6;
  const ev = s('g', { class: 'events' });
  const labelled = p.markers.length <= LABELLED_MARKS;
  const counted = p.markers.length > DRAWN_MARKS;
  if (counted) {
    const perMonth = new Map<string, number>();
    for (const m of p.markers) perMonth.set(m.date.slice(0, 7), (perMonth.get(m.date.slice(0, 7)) ?? 0) + 1);
    const most = Math.max(...perMonth.values());
    for (const [month, n] of perMonth) {
      const from = month < p.from.slice(0, 7) ? p.from : `${month}-01`;
      const next = addCalendarDays(`${month}-01`, 32).slice(0, 7) + '-01';
      const to = next > p.to ? addDays(p.to, 1) : next;
      ev.append(s('rect', { x: x(from), y: yEvents, width: Math.max(1, x(to) - x(from)), height: 12, class: 'event-count', 'data-month': month, 'data-count': n, 'fill-opacity': (0.25 + 0.75 * (n / most)).toFixed(2) },
        s('title', null, t(`${month}：${n} 个记录日期或事件`, `${month}: ${n} record days or events`))));
    }
  }
  for (const m of counted ? [] : p.markers) {
    const xm = x(m.date);
    ev.append(
      s('g', { class: `event event-${m.kind}`, 'data-date': m.date, 'data-record': m.record, 'data-event': m.kind },
        s('line', { x1: xm, x2: xm, y1: TOP - 4, y2: yEvents, class: 'event-line' }),
        s('path', { d: m.kind === 'decided' ? `M ${xm} ${yEvents} l 6 6 l -6 6 l -6 -6 z` : `M ${xm} ${yEvents} l 5 10 h -10 z`, class: 'event-mark' }),
        labelled ? s('text', { y: yEvents + 11, class: 'event-label', ...(xm > W - RIGHT - 60 ? { x: xm - 8, 'text-anchor': 'end' } : { x: xm + 8 }) }, `${m.record} ${m.date.slice(5)}`) : null,
        s('title', null, `${m.date} ${markerText(m)}`)),
    );
  }
  if (inRange(p.asOf)) {
    const xa = x(p.asOf);
    ev.append(s('g', { class: 'as-of', 'data-date': p.asOf }, s('line', { x1: xa, x2: xa, y1: TOP - 30, y2: yEvents + 14, class: 'as-of-line' }),
      s('text', { y: TOP - 26, class: 'as-of-label', ...beside(xa) }, t(`查询日 ${p.asOf}`, `as of ${p.asOf}`))));
  }
  svg.append(ev);

  // In words: for the action asked, the verdict on the as-of day and from when it is clear.
  const asked = p.rows.find((r) => r.action === p.action)?.row;
  const actionText = label('action', p.action);
  const answer = asked && !asked.error
    ? h('p', { class: 'timeline-answer', 'data-action': asked.action },
        asked.verdictNow === 'clear'
          ? t(`${p.asOf}：${actionText}无限制。`, `${p.asOf}: ${actionText} is clear.`)
          : asked.clearFrom
            ? t(`何时可以${actionText}？按已知记录，自 ${asked.clearFrom} 起。`, `When is ${actionText} clear? With the records known, from ${asked.clearFrom}.`)
            : t(`${actionText}：按已知记录，没有确定的解除日期。`, `${actionText}: with the records known, nothing ends the effect.`))
    : null;
  const legend = h('div', { class: 'legend' }, VERDICTS.map((v) => h('span', { class: `key key-${v}` }, label('verdict', v))),
    h('span', { class: 'key key-event' }, t('◆ 记录认定  ▲ 事件', '◆ record decided  ▲ event')), h('span', { class: 'key key-clear-from' }, t('▼ 不再受限之日', '▼ clear from')),
    labelled ? null : h('span', { class: 'key key-event' }, counted
      ? t(`（记录日期与事件共 ${p.markers.length} 个，按月计数，颜色越深越多）`, `(${p.markers.length} record days and events, counted per month: the darker, the more)`)
      : t(`（共 ${p.markers.length} 个记号，文字见悬停提示）`, `(${p.markers.length} marks; hover for their words)`)));
  const list = h('ul', { class: 'timeline-words' }, p.rows.map(({ action, row }) =>
    h('li', { 'data-action': action }, h('strong', null, label('action', action)), t('：', ': '),
      !row ? t('计算中…', 'computing…') : row.error ? tx(row.error) : (row.changes ?? []).map((c) => `${t(`${c.on} 起`, `from ${c.on}`)} ${label('verdict', c.verdict)}`).join(' → '),
      row?.clearFrom && row.verdictNow !== 'clear' ? t(`（自 ${row.clearFrom} 起不再受限）`, ` (clear from ${row.clearFrom})`) : '')));
  return h('div', { class: 'timeline' }, answer, svg, legend, h('details', null, h('summary', null, t('文字版', 'In words')), list));
}
