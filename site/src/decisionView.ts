// A decision as the page shows it: verdict, clear-from day, each reason with its clause and quoted
// law text, mitigation, obligations, deadlines, records and notes — and `explain`'s own text. Fields
// it does not know (the library may add some) are shown as they are, never dropped.
import { explain, type Decision } from 'gov-credit-rules';
import { h } from './dom.js';
import { label, locale, t, tx } from './i18n.js';

type Obj = Record<string, unknown>;

/** The keys of `value` not in `known`, shown as "key: JSON". */
function extras(value: object, known: string[]): HTMLElement | null {
  const rest = Object.entries(value).filter(([k, v]) => !known.includes(k) && v !== undefined);
  if (!rest.length) return null;
  return h(
    'dl',
    { class: 'extras' },
    rest.map(([k, v]) => [h('dt', null, k), h('dd', null, h('code', null, typeof v === 'string' ? v : JSON.stringify(v)))]),
  );
}

const verdictBadge = (v: string) => h('span', { class: `verdict verdict-${v}`, 'data-verdict': v }, label('verdict', v));

function section(title: string, id: string, items: unknown[], render: (x: Obj) => HTMLElement): HTMLElement | null {
  if (!items.length) return null;
  return h('section', { class: `decision-part part-${id}`, 'data-part': id }, h('h3', null, title), h('ul', null, items.map((x) => render(x as Obj))));
}

function citation(c: Obj): HTMLElement {
  return h(
    'div',
    { class: 'citation', 'data-clause': String(c.clause) },
    h('div', { class: 'cite-head' }, h('strong', null, String(c.clause)), ' ', String(c.document ?? ''), ' ', h('span', { class: 'section' }, String(c.section ?? ''))),
    h('blockquote', { class: 'quote', lang: 'zh-CN' }, String(c.quote ?? '')),
    c.quoteSimplified ? h('blockquote', { class: 'quote simplified', lang: 'zh-CN' }, h('span', { class: 'tag' }, t('简体', 'simplified')), String(c.quoteSimplified)) : null,
    extras(c, ['clause', 'document', 'section', 'quote', 'quoteSimplified']),
  );
}

const KNOWN_DECISION = ['pack', 'subject', 'action', 'asOf', 'assessmentYear', 'verdict', 'reasons', 'priority', 'incentives', 'mitigation', 'obligations', 'deadlines', 'records', 'notes', 'clearFrom', 'provisional'];

/** Options: what to do when a deadline's calendar is asked for. */
export interface DecisionViewOptions {
  onCalendar(deadline: Decision['deadlines'][number]): void;
}

export function renderDecision(d: Decision, opts: DecisionViewOptions): HTMLElement {
  const year = d.assessmentYear !== null ? t(`（${d.assessmentYear} 年度）`, ` (${d.assessmentYear})`) : '';
  const head = h(
    'div',
    { class: 'decision-head', 'data-verdict': d.verdict },
    h('div', { class: 'question' }, `${label('action', d.action)}${year}`, h('span', { class: 'muted' }, t(` · 截至 ${d.asOf} · ${d.pack.id}`, ` · as of ${d.asOf} · ${d.pack.id}`))),
    verdictBadge(d.verdict),
    d.verdict === 'clear'
      ? null
      : h(
          'div',
          { class: 'clear-from', 'data-clear-from': d.clearFrom ?? '' },
          d.clearFrom
            ? t(`按已知记录，自 ${d.clearFrom} 起不再受限`, `With the records known, clear from ${d.clearFrom}`)
            : t('按已知记录，没有确定的解除日期', 'With the records known, nothing ends the effect'),
        ),
    d.provisional ? h('div', { class: 'provisional' }, t('依赖暂定的日历数据（次年节假日安排尚未公布）', 'Depends on provisional calendar data (next year’s holiday notice not yet out)')) : null,
  );

  const reasons = d.reasons.length
    ? h(
        'section',
        { class: 'decision-part part-reasons', 'data-part': 'reasons' },
        h('h3', null, t('理由与依据', 'Reasons and the law')),
        d.reasons.map((r) =>
          h(
            'article',
            { class: 'reason', 'data-rule': r.rule },
            h('div', { class: 'reason-head' }, verdictBadge(r.verdict), ' ', h('span', null, tx(r.description)), ' ', h('code', { class: 'muted' }, `${r.rule} · ${r.pack}`)),
            r.records.length ? h('div', { class: 'muted' }, t(`记录：${r.records.join('、')}`, `Records: ${r.records.join(', ')}`)) : null,
            r.clauses.map((c) => citation(c as unknown as Obj)),
            r.mitigation
              ? h(
                  'div',
                  { class: 'reason-mitigation' },
                  t('减免：', 'Mitigation: '),
                  r.mitigation.applied ? `${label('mitigation', r.mitigation.applied)}（${r.mitigation.clauses.join('、')}），${label('verdict', r.mitigation.before)} → ${label('verdict', r.verdict)}` : t('文件允许，未适用', 'permitted, not applied'),
                  extras(r.mitigation, ['permitted', 'applied', 'clauses', 'before']),
                )
              : null,
            extras(r, ['rule', 'pack', 'clauses', 'description', 'verdict', 'records', 'mitigation']),
          ),
        ),
      )
    : h('p', { class: 'no-reasons' }, t('无适用规则触发。', 'No rule applies.'));

  const benefits = section(t('优先与激励', 'Priority and incentives'), 'benefits', [...d.priority, ...d.incentives], (b) =>
    h('li', null, b.kind === 'priority' ? t('优先考虑：', 'Priority: ') : t('激励：', 'Incentive: '), tx(b.description as never), ' ', h('code', { class: 'muted' }, String(b.rule)),
      (b.clauses as Obj[]).map(citation), extras(b, ['kind', 'rule', 'pack', 'clauses', 'description'])),
  );
  const mitigation = section(t('自我纠错与减免', 'Self-correction and mitigation'), 'mitigation', d.mitigation, (m) =>
    h('li', { 'data-record': String(m.record) }, h('strong', null, String(m.record)), ' · ', label('mitigationStatus', String(m.status)), '：', tx(m.message as never),
      extras(m, ['record', 'permitted', 'clauses', 'status', 'applied', 'message'])),
  );
  const obligations = section(t('义务', 'Obligations'), 'obligations', d.obligations, (o) =>
    h('li', null, h('strong', null, label('obligation', String(o.kind))), ' — ', tx(o.description as never), ' ',
      h('span', { class: 'muted' }, `${(o.clauses as string[]).join('、')}${o.dueOn ? t(`，期限 ${o.dueOn}`, `, due ${o.dueOn}`) : ''}`),
      extras(o, ['kind', 'rule', 'pack', 'clauses', 'records', 'dueOn', 'description'])),
  );
  const deadlines = d.deadlines.length
    ? h(
        'section',
        { class: 'decision-part part-deadlines', 'data-part': 'deadlines' },
        h('h3', null, t('期限', 'Deadlines')),
        h(
          'table',
          { class: 'grid' },
          h('thead', null, h('tr', null, [t('记录', 'Record'), t('期限', 'Deadline'), t('起算事件', 'Event'), t('届满日', 'Due on'), t('状态', 'State'), t('依据', 'Basis'), ''].map((x) => h('th', null, x)))),
          h(
            'tbody',
            null,
            d.deadlines.map((x) =>
              h(
                'tr',
                { 'data-deadline': x.kind, 'data-due': x.dueOn },
                h('td', null, x.record),
                h('td', null, label('deadlineKind', x.kind)),
                h('td', null, x.eventOn),
                h('td', null, h('strong', null, x.dueOn), x.provisional ? t('（暂定）', ' (provisional)') : ''),
                h('td', null, label('deadlineState', x.state), x.metOn ? t(`（${x.metOn}）`, ` (${x.metOn})`) : ''),
                h('td', null, `${x.basis.clause} ${x.basis.section ?? ''}`),
                h('td', null, h('button', { type: 'button', class: 'link', 'data-calendar-for': `${x.record}:${x.kind}`, onclick: () => opts.onCalendar(x) }, t('日历', 'Calendar'))),
              ),
            ),
          ),
        ),
      )
    : null;
  const records = d.records.length
    ? h(
        'details',
        { class: 'decision-part part-records', 'data-part': 'records' },
        h('summary', null, t(`记录（${d.records.length}）`, `Records (${d.records.length})`)),
        h(
          'table',
          { class: 'grid' },
          h('thead', null, h('tr', null, [t('记录', 'Record'), t('种类', 'Kind'), t('是否计入', 'Counted'), t('状态', 'Status'), t('生效', 'From'), t('失效', 'Until')].map((x) => h('th', null, x)))),
          h('tbody', null, d.records.map((r) =>
            h('tr', null, h('td', null, r.id, r.derived ? t('（派生）', ' (derived)') : ''), h('td', null, label('recordKind', r.kind)), h('td', null, r.counted ? t('是', 'yes') : t('否', 'no')),
              h('td', null, label('recordStatus', r.status)), h('td', null, r.effectiveFrom), h('td', null, r.effectiveUntil ?? '—'), h('td', null, extras(r, ['id', 'kind', 'derived', 'counted', 'status', 'effectiveFrom', 'effectiveUntil']))),
          )),
        ),
      )
    : null;
  const notes = section(t('说明（所用政策默认值等）', 'Notes (policy defaults used and more)'), 'notes', d.notes, (n) =>
    h('li', { 'data-note': String(n.code) }, tx(n.message as never), ' ', h('code', { class: 'muted' }, String(n.code)),
      n.policy ? h('span', { class: 'muted' }, ` · ${String(n.policy)} = ${JSON.stringify(n.value)}（${String(n.source ?? '')}）`) : null,
      extras(n, ['code', 'policy', 'source', 'value', 'records', 'message'])),
  );
  const other = extras(d, KNOWN_DECISION);

  return h(
    'div',
    { class: 'decision', 'data-verdict': d.verdict },
    head,
    reasons,
    benefits,
    mitigation,
    obligations,
    deadlines,
    records,
    notes,
    other ? h('section', { class: 'decision-part' }, h('h3', null, t('其他字段', 'Other fields')), other) : null,
    h('details', { class: 'decision-part part-explain', open: true }, h('summary', null, t('explain() 的文字说明', 'As explain() says it')), h('pre', { class: 'explain' }, explain(d, { locale: locale() }))),
    h('details', { class: 'decision-part' }, h('summary', null, 'Decision JSON'), h('pre', { class: 'json' }, JSON.stringify(d, null, 2))),
  );
}
