// A decision as a personnel officer reads it: verdict, clear-from day, each reason with its clause
// and the law's words (a paraphrase or a secondary source said so plainly, an open question with
// what is open and until when), mitigation, obligations, deadlines, records and notes — every field
// in words. The decision's JSON and explain()'s text sit behind the developer view, marked as such
// and closed by default. Which fields each part shows is written down per type below (typed by the
// model), so a field the library adds fails to compile here until the page decides how to show it.
import { provisionalWords } from './calendarSetup.js';
import { effectPeriodText, type Benefit, type Citation, type Decision, type DeadlineState, type LocalizedText, type MitigationStatus, type Note, type Obligation, type Reason, type RecordSummary } from 'gov-credit-rules';
import { h, withDocNumbers } from './dom.js';
import { label, locale, sep, t, tx } from './i18n.js';

/** How the page shows each field of a type ('' where the field is shown by the part around it, or only to developers). */
type Shown<T> = Record<keyof T, string>;

export const SHOWN = {
  decision: {
    pack: 'head: id and 文号', subject: 'developer view', action: 'head', asOf: 'head', assessmentYear: 'head', verdict: 'head', reasons: 'reasons', priority: 'benefits',
    incentives: 'benefits', mitigation: 'mitigation', obligations: 'obligations', deadlines: 'deadlines', records: 'records', notes: 'notes', clearFrom: 'head', provisional: 'head',
  } satisfies Shown<Decision>,
  reason: { rule: 'code', pack: 'code', clauses: 'citations', description: 'text', verdict: 'badge', records: 'text', mitigation: 'text', uncertain: 'text' } satisfies Shown<Reason>,
  citation: { clause: 'code', document: 'text', section: 'text', quote: 'quote', quoteSimplified: 'quote', verification: 'tag unless verified' } satisfies Shown<Citation>,
  benefit: { kind: 'text', rule: 'code', pack: '', clauses: 'citations', description: 'text' } satisfies Shown<Benefit>,
  mitigation: { record: 'text', permitted: 'text', clauses: 'text', status: 'label', applied: 'in the status', message: 'text' } satisfies Shown<MitigationStatus>,
  obligation: { kind: 'label', rule: 'developer view', pack: '', clauses: 'codes', records: 'text', dueOn: 'text', description: 'text' } satisfies Shown<Obligation>,
  deadline: { kind: 'label', record: 'text', eventOn: 'text', dueOn: 'text', latestDueOn: 'text', basis: 'text', state: 'label', metOn: 'text', provisional: 'text', provisionalReason: 'text (why provisional)' } satisfies Shown<DeadlineState>,
  note: { code: 'developer view', policy: 'in the message', source: 'in the message', value: 'in the message', records: 'in the message', message: 'text' } satisfies Shown<Note>,
  record: { id: 'text', kind: 'label', derived: 'text', counted: 'text', status: 'label', effectiveFrom: 'period', effectiveUntil: 'period (last day = the day before)' } satisfies Shown<RecordSummary>,
};

/** Long lists (a 3,000-record subject) show this many items, then a button for the rest. */
const FIRST = 30;

function limited<T>(items: T[], render: (x: T) => HTMLElement, container: (children: HTMLElement[]) => HTMLElement, more: (n: number) => HTMLElement): HTMLElement {
  const el = container(items.slice(0, FIRST).map(render));
  if (items.length <= FIRST) return el;
  const button = more(items.length - FIRST);
  button.addEventListener('click', () => {
    button.remove();
    (el.querySelector('tbody') ?? el).append(...items.slice(FIRST).map(render));
  });
  return h('div', { class: 'limited' }, el, button);
}

const moreButton = (n: number) => h('button', { type: 'button', class: 'link show-more', 'data-more': n }, t(`显示其余 ${n} 条`, `Show the other ${n}`));

const verdictBadge = (v: string) => h('span', { class: `verdict verdict-${v}`, 'data-verdict': v }, label('verdict', v));

/** A 文号 or a document's 文号《title》, kept on one line up to its title. */
export function documentText(document: string): HTMLElement {
  const i = document.indexOf('《');
  if (i <= 0) return h('span', { class: 'docno' }, document);
  return h('span', null, h('span', { class: 'docno' }, document.slice(0, i)), document.slice(i));
}

function citation(c: Citation): HTMLElement {
  const simplified = c.quoteSimplified;
  return h(
    'div',
    { class: 'citation', 'data-clause': c.clause },
    h('div', { class: 'cite-head' }, h('strong', null, c.clause), ' ', documentText(c.document), ' ', h('span', { class: 'section' }, c.section),
      c.verification !== 'verified' ? h('span', { class: `tag verification-${c.verification}`, 'data-verification': c.verification }, label('verification', c.verification)) : null),
    // Guangdong's verbatim text is a garbled traditional-script capture: its simplified text reads first, the source's own words a click away.
    h('blockquote', { class: 'quote', lang: 'zh-CN', ...(simplified ? {} : { 'data-verbatim': '' }) }, simplified ?? c.quote),
    simplified
      ? h('details', { class: 'verbatim' }, h('summary', null, t('文件原样文本（繁体，含乱码）', 'The text as the file has it (traditional script, garbled)')),
          h('blockquote', { class: 'quote', lang: 'zh-Hant', 'data-verbatim': '' }, c.quote))
      : null,
  );
}

function reasonCard(r: Reason): HTMLElement {
  const m = r.mitigation;
  return h(
    'article',
    { class: 'reason', 'data-rule': r.rule },
    h('div', { class: 'reason-head' }, verdictBadge(r.verdict), ' ', h('span', null, withDocNumbers(tx(r.description)))),
    h('div', { class: 'muted reason-ids' }, r.records.length ? t(`记录 ${r.records.join('、')} · `, `Record ${r.records.join(', ')} · `) : '', t('规则 ', 'Rule '), h('code', null, r.rule)),
    r.clauses.map(citation),
    r.uncertain
      ? h('div', { class: 'uncertain', 'data-uncertain': '' },
          h('strong', null, t('待定：', 'Open: ')), tx(r.uncertain.message), t(`（${r.uncertain.clauses.join('、')}）。`, ` (${r.uncertain.clauses.join(', ')}). `),
          t(`作出决定的机关确定较长处分期的，此日为“${label('verdict', r.uncertain.before)}”。`, `If the deciding body fixes the longer period, this day is ${label('verdict', r.uncertain.before)}.`))
      : null,
    m
      ? h('div', { class: 'reason-mitigation' }, t('减免：', 'Mitigation: '),
          m.applied
            ? t(`有权机关决定${label('mitigation', m.applied)}（${m.clauses.join('、')}），由“${label('verdict', m.before)}”降为“${label('verdict', r.verdict)}”`,
                `the authority decided ${label('mitigation', m.applied)} (${m.clauses.join(', ')}): ${label('verdict', m.before)} → ${label('verdict', r.verdict)}`)
            : m.permitted.length
              ? t(`文件允许${m.permitted.map((p) => label('mitigation', p)).join('或')}（${m.clauses.join('、')}），有权机关尚未决定`, `the document permits ${m.permitted.map((p) => label('mitigation', p)).join(' or ')} (${m.clauses.join(', ')}); not decided`)
              : t('文件不允许减免', 'the document permits none'))
      : h('div', { class: 'reason-mitigation muted' }, t('法定后果，不适用地方减免条款', 'A statutory consequence: no local mitigation clause reaches it')),
  );
}

const section = (title: string, id: string, ...children: (HTMLElement | null)[]) => h('section', { class: `decision-part part-${id}`, 'data-part': id }, h('h3', null, title), children);

export interface DecisionViewOptions {
  onCalendar(deadline: DeadlineState): void;
  /** explain()'s text, once the worker has sent it (it follows the decision). */
  explain(): LocalizedText | null;
  /** The page's choice for a year without a holiday schedule (a deadline the decision could not count). */
  coverageChoice(year: number): HTMLElement;
}

/** The year a calendar-coverage note names (its value), if it is one. */
function coverageYear(n: Note): number | null {
  const year = n.code === 'calendar-coverage' ? (n.value as { year?: unknown } | undefined)?.year : undefined;
  return typeof year === 'number' ? year : null;
}

/** The developer view: explain()'s text and the decision's JSON, drawn when opened (a decision can be megabytes). */
function developerView(d: Decision, explainText: () => LocalizedText | null): HTMLElement {
  const body = h('div', { class: 'developer-body' });
  const details = h('details', { class: 'decision-part developer', 'data-developer': '', id: 'developer-view' },
    h('summary', null, h('span', { class: 'tag developer-tag' }, t('开发者', 'Developer')), t('开发者视图：explain() 文本与判定 JSON', 'Developer view: explain() text and the decision JSON')),
    body);
  details.addEventListener('toggle', () => {
    if (!details.open || body.childElementCount) return;
    const text = explainText();
    body.append(
      h('h4', null, 'explain()'),
      h('pre', { class: 'explain' }, text ? text[locale()] : t('（生成中，稍后重新打开）', '(being written; open again shortly)')),
      h('h4', null, 'Decision JSON'),
      h('pre', { class: 'json' }, JSON.stringify(d, null, 2)),
    );
  });
  return details;
}

export function renderDecision(d: Decision, opts: DecisionViewOptions): HTMLElement {
  const year = d.assessmentYear !== null ? t(`（${d.assessmentYear} 年度）`, ` (${d.assessmentYear})`) : '';
  const head = h(
    'div',
    { class: 'decision-head', 'data-verdict': d.verdict },
    h('div', { class: 'question' }, `${label('action', d.action)}${year}`,
      h('span', { class: 'muted' }, t(` · 截至 ${d.asOf} · `, ` · as of ${d.asOf} · `), d.subject.id, ' · ', d.pack.id, ' ', documentText(d.pack.document))),
    verdictBadge(d.verdict),
    d.verdict === 'clear'
      ? null
      : h('div', { class: 'clear-from', 'data-clear-from': d.clearFrom ?? '' },
          d.clearFrom ? t(`按已知记录，自 ${d.clearFrom} 起不再受限`, `With the records known, clear from ${d.clearFrom}`) : t('按已知记录，没有确定的解除日期', 'With the records known, nothing ends the effect')),
    d.provisional ? h('div', { class: 'provisional' }, t('依赖暂定的日历数据（次年节假日安排尚未公布）', 'Depends on provisional calendar data (next year’s holiday notice not yet out)')) : null,
  );

  const reasons = d.reasons.length
    ? section(t('理由与依据', 'Reasons and the law'), 'reasons', limited(d.reasons, reasonCard, (c) => h('div', { class: 'reasons' }, c), moreButton))
    : h('p', { class: 'no-reasons' }, t('无适用规则触发。', 'No rule applies.'));

  const benefit = (b: Benefit) => h('li', null, h('strong', null, b.kind === 'priority' ? t('优先考虑：', 'Priority: ') : t('激励：', 'Incentive: ')), tx(b.description), ' ', h('code', { class: 'muted' }, b.rule), b.clauses.map(citation));
  const benefits = d.priority.length + d.incentives.length ? section(t('优先与激励', 'Priority and incentives'), 'benefits', h('ul', null, [...d.priority, ...d.incentives].map(benefit))) : null;

  const mitigationItem = (m: MitigationStatus) => h('li', { 'data-record': m.record }, h('strong', null, m.record), ' · ', label('mitigationStatus', m.status), t('：', ': '), withDocNumbers(tx(m.message)));
  const mitigation = d.mitigation.length ? section(t('自我纠错与减免', 'Self-correction and mitigation'), 'mitigation', limited(d.mitigation, mitigationItem, (c) => h('ul', null, c), moreButton)) : null;

  const obligation = (o: Obligation) =>
    h('li', null, h('strong', null, label('obligation', o.kind)), ' — ', withDocNumbers(tx(o.description)), ' ',
      h('span', { class: 'muted' }, `${o.clauses.join(sep())}`, o.records.length ? t(`；记录 ${o.records.join('、')}`, `; record ${o.records.join(', ')}`) : '', o.dueOn ? t(`；期限至 ${o.dueOn}（含当日）`, `; due by ${o.dueOn} (that day included)`) : ''));
  const obligations = d.obligations.length ? section(t('义务', 'Obligations'), 'obligations', limited(d.obligations, obligation, (c) => h('ul', null, c), moreButton)) : null;

  // Why a due day is provisional is a sentence: said once below the table (numbered, each reason once),
  // the row carries the mark and the number, so the date and state columns keep their width.
  const provisionalReasons = [...new Set(d.deadlines.filter((x) => x.provisional).map((x) => provisionalWords(x.provisionalReason)))];
  const provisionalMark = (x: DeadlineState) => {
    const n = provisionalReasons.indexOf(provisionalWords(x.provisionalReason)) + 1;
    return h('span', { class: 'provisional', 'data-provisional-note': String(n) }, t(`（暂定，见注 ${n}）`, ` (provisional, note ${n})`));
  };
  const provisionalNotes = provisionalReasons.length
    ? h('ol', { class: 'provisional-notes small' }, provisionalReasons.map((r, i) => h('li', { 'data-provisional-note': String(i + 1) }, r)))
    : null;
  const deadlineRow = (x: DeadlineState) =>
    h('tr', { 'data-deadline': x.kind, 'data-due': x.dueOn },
      h('td', null, x.record),
      h('td', null, label('deadlineKind', x.kind)),
      h('td', null, x.eventOn),
      h('td', null, h('strong', null, x.dueOn), x.latestDueOn ? t(`（最长至 ${x.latestDueOn}）`, ` (at most to ${x.latestDueOn})`) : '', x.provisional ? provisionalMark(x) : ''),
      h('td', null, label('deadlineState', x.state), x.metOn ? t(`（${x.metOn}）`, ` (${x.metOn})`) : ''),
      h('td', null, label('basis', x.basis.clause), ' ', x.basis.section ?? ''),
      h('td', null, h('button', { type: 'button', class: 'link', 'data-calendar-for': `${x.record}:${x.kind}`, onclick: () => opts.onCalendar(x) }, t('日历', 'Calendar'))));
  const deadlines = d.deadlines.length
    ? section(t('期限', 'Deadlines'), 'deadlines',
        limited(d.deadlines, deadlineRow, (rows) => h('table', { class: 'grid' },
          h('thead', null, h('tr', null, [t('记录', 'Record'), t('期限', 'Deadline'), t('起算事件日', 'Event on'), t('最后一日（含）', 'Last day (included)'), t('状态', 'State'), t('依据', 'Basis'), ''].map((x) => h('th', null, x)))),
          h('tbody', null, rows)), moreButton),
        provisionalNotes,
        h('p', { class: 'muted small' }, t('所有截止日期均为最后一日，当日包含在内。', 'Every end day shown is the last day, that day included.')))
    : null;

  const recordRow = (r: RecordSummary) =>
    h('tr', { 'data-record': r.id },
      h('td', null, r.id, r.derived ? t('（本库推定）', ' (derived)') : ''),
      h('td', null, label('recordKind', r.kind)),
      h('td', null, r.counted ? t('是', 'yes') : t('否', 'no')),
      h('td', null, label('recordStatus', r.status)),
      h('td', { 'data-from': r.effectiveFrom, 'data-until': r.effectiveUntil ?? '' }, effectPeriodText(r, locale())));
  const records = d.records.length
    ? h('details', { class: 'decision-part part-records', 'data-part': 'records' },
        h('summary', null, t(`记录（${d.records.length}）`, `Records (${d.records.length})`)),
        limited(d.records, recordRow, (rows) => h('table', { class: 'grid' },
          h('thead', null, h('tr', null, [t('记录', 'Record'), t('种类', 'Kind'), t('是否计入', 'Counted'), t('状态', 'Status'), t('有效期（含首尾两日）', 'In effect (both days included)')].map((x) => h('th', null, x)))),
          h('tbody', null, rows)), moreButton))
    : null;

  // A deadline that runs into a year without a holiday schedule: the library's note speaks to
  // developers (options to set); the page says it in plain words and offers the choice, once per year.
  const noteItem = (n: Note) => {
    const year = coverageYear(n);
    if (year === null) return h('li', { 'data-note': n.code }, withDocNumbers(tx(n.message)));
    const records = (n.records ?? []).join(t('、', ', '));
    return h('li', { 'data-note': n.code }, t(`记录 ${records} 的期限要用到 ${year} 年的日子，本页尚无该年的节假日安排：见上方的选择。`, `The deadline of record ${records} needs days of ${year}, for which the page has no holiday schedule yet: see the choice above.`));
  };
  const years = [...new Set(d.notes.map(coverageYear).filter((y): y is number => y !== null))];
  const coverage = years.length ? section(t('期限要用到尚无节假日安排的年份', 'A deadline needs a year without a holiday schedule'), 'calendar-coverage', ...years.map((y) => opts.coverageChoice(y))) : null;
  const notes = d.notes.length ? section(t('说明（采用的默认做法等）', 'Notes (defaults relied on and more)'), 'notes', limited(d.notes, noteItem, (c) => h('ul', null, c), moreButton)) : null;

  return h('div', { class: 'decision', 'data-verdict': d.verdict }, head, reasons, benefits, mitigation, obligations, coverage, deadlines, records, notes, developerView(d, opts.explain));
}
