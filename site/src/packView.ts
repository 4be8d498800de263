// The pack explorer: every clause of a pack's document beside the rules that encode it — or, for a
// clause no rule encodes, where it is handled and why — like a legislation explorer. A rule's
// conditions (JSON) are for developers: behind a developer view, closed.
import { getPack, listPacks, type Pack } from 'gov-credit-rules';
import { h, withDocNumbers } from './dom.js';
import { label, t, tx } from './i18n.js';

type Rule = Pack['rules'][number];
type Clause = Pack['clauses'][number];

/** Every place of a pack, other than its rules, that cites a clause (record kinds, mitigation, objections …). */
function otherCitations(pack: Pack): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (value: unknown, where: string[]): void => {
    if (typeof value === 'string') {
      if (pack.clauses.some((c) => c.id === value)) out.set(value, [...(out.get(value) ?? []), where.join('.')]);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, where));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...where, k]);
  };
  for (const [key, value] of Object.entries(pack)) if (!['clauses', 'rules', 'id', 'document', 'name'].includes(key)) walk(value, [key]);
  return out;
}

/** What a pack field that cites a clause does, in words (the path itself for a field not named here). */
function usesLabel(path: string): string {
  const named: Record<string, [string, string]> = {
    'recordKinds.clauses': ['政务失信记录的种类', 'what counts as a record'],
    'mitigation.clauses': ['自我纠错后的减免', 'mitigation after self-correction'],
    'objections.clauses': ['异议程序', 'the objection procedure'],
    'objections.replyWorkingDays.clause': ['异议答复期限', 'the objection reply deadline'],
    'objections.platformReportWorkingDays.clause': ['报送省级信用平台期限', 'the platform report deadline'],
    'objections.liftOnCorrection': ['更正或撤销后解除惩戒', 'lifting on correction or revocation'],
    'creditFile.clauses': ['诚信档案', 'the credit file'],
    'derivations.clauses': ['派生记录（未按时整改）', 'derived records (missed rectification)'],
  };
  const n = named[path];
  return n ? t(n[0], n[1]) : t('规则包的其他设定', 'another part of the pack');
}

function ruleCard(rule: Rule): HTMLElement {
  return h(
    'article',
    { class: 'rule', 'data-rule': rule.id },
    h('div', { class: 'rule-head' }, h('code', null, rule.id), rule.verdict ? h('span', { class: `verdict verdict-${rule.verdict}` }, label('verdict', rule.verdict)) : null),
    h('p', null, withDocNumbers(tx(rule.description))),
    h(
      'dl',
      { class: 'rule-facts' },
      h('dt', null, t('对象', 'Subjects')),
      h('dd', null, rule.subjects.map((x) => label('subjectKind', x)).join(t('、', ', '))),
      rule.actions.length ? [h('dt', null, t('事项', 'Actions')), h('dd', null, rule.actions.map((a) => label('action', a)).join(t('、', ', ')))] : null,
      rule.obligations?.length ? [h('dt', null, t('义务', 'Obligations')), h('dd', null, rule.obligations.map((o) => label('obligation', o)).join(t('、', ', ')))] : null,
      rule.priority ? [h('dt', null, t('守信激励', 'Priority')), h('dd', null, t('优先考虑', 'given priority'))] : null,
      rule.incentive ? [h('dt', null, t('激励', 'Incentive')), h('dd', null, t('激励措施', 'an incentive measure'))] : null,
      h('dt', null, t('条款', 'Clauses')),
      h('dd', null, rule.clauses.join('、')),
      rule.mitigable === false ? [h('dt', null, t('减免', 'Mitigation')), h('dd', null, t('不适用地方减免条款（法定后果）', 'not mitigable by a local clause (statutory)'))] : null,
    ),
    h('details', { class: 'conditions developer', 'data-developer': '' }, h('summary', null, h('span', { class: 'tag developer-tag' }, t('开发者', 'Developer')), t('规则条件（JSON）', 'Rule conditions (JSON)')), h('pre', { class: 'json' }, JSON.stringify(rule.conditions, null, 2))),
  );
}

function clauseRow(clause: Clause, rules: Rule[], others: string[]): HTMLElement {
  const encoded = rules.length > 0;
  return h(
    'div',
    { class: `clause-row${encoded ? ' encoded' : ' not-encoded'}`, 'data-clause': clause.id },
    h(
      'div',
      { class: 'clause' },
      h('div', { class: 'clause-head' }, h('strong', null, clause.id), ' ', h('span', { class: 'section' }, clause.section), clause.document ? h('span', { class: 'muted' }, ` · ${clause.document}`) : null),
      // Guangdong's verbatim text is a garbled traditional-script capture: its simplified text reads first.
      h('blockquote', { class: 'quote', lang: 'zh-CN', ...(clause.quoteSimplified ? {} : { 'data-verbatim': '' }) }, clause.quoteSimplified ?? clause.quote),
      clause.quoteSimplified
        ? h('details', { class: 'verbatim' }, h('summary', null, t('文件原样文本（繁体，含乱码）', 'The text as the file has it (traditional script, garbled)')), h('blockquote', { class: 'quote', lang: 'zh-Hant', 'data-verbatim': '' }, clause.quote))
        : null,
      clause.verification !== 'verified' ? h('span', { class: `tag verification-${clause.verification}` }, label('verification', clause.verification)) : null,
      h('p', { class: 'reading' }, h('span', { class: 'tag' }, t('解读', 'Reading')), withDocNumbers(tx(clause.reading))),
    ),
    h(
      'div',
      { class: 'encoding' },
      rules.map(ruleCard),
      others.length ? h('p', { class: 'cited-by' }, t('由规则包的其他部分编码：', 'Encoded by other parts of the pack: '), others.map((o) => h('span', { class: 'use', 'data-path': o }, usesLabel(o))), ' ') : null,
      clause.handledBy
        ? h('div', { class: 'handled-by', 'data-handled-by': clause.handledBy.kind }, h('strong', null, encoded ? t('另由：', 'Also handled by: ') : t('未编码为规则 — 由此处理：', 'Not encoded as a rule — handled by: '), label('handledBy', clause.handledBy.kind)), h('p', null, withDocNumbers(tx(clause.handledBy.why))))
        : null,
      !encoded && !clause.handledBy && !others.length ? h('p', { class: 'muted' }, t('（无）', '(none)')) : null,
    ),
  );
}

export function renderPackExplorer(packId: string, onPick: (id: string) => void): HTMLElement {
  const pack = getPack(packId);
  const others = otherCitations(pack);
  const byClause = new Map<string, Rule[]>();
  for (const r of pack.rules) for (const c of r.clauses) byClause.set(c, [...(byClause.get(c) ?? []), r]);
  const notEncoded = pack.clauses.filter((c) => !byClause.has(c.id));
  return h(
    'div',
    { class: 'pack-explorer', 'data-pack': pack.id },
    h(
      'div',
      { class: 'toolbar' },
      h('label', null, t('规则包 ', 'Pack '), h('select', { id: 'explorer-pack', onchange: (e: Event) => onPick((e.target as HTMLSelectElement).value) },
        listPacks().map((p) => h('option', { value: p.id, selected: p.id === pack.id }, `${tx(p.name)}（${p.id}）`)))),
    ),
    h(
      'header',
      { class: 'pack-head' },
      h('h2', null, tx(pack.name)),
      h('p', null, h('strong', { class: 'docno' }, pack.document.number), ` 《${pack.document.title}》 · ${pack.document.issuer} · ${t('发布', 'issued')} ${pack.document.issuedOn} · ${t('施行', 'in force')} ${pack.document.effectiveOn}`),
      pack.document.note ? h('p', { class: 'muted' }, withDocNumbers(tx(pack.document.note))) : null,
      h('p', { class: 'muted' }, t(`${pack.clauses.length} 个条款，${pack.rules.length} 条规则；${notEncoded.length} 个条款未编码为规则（见其说明）。`, `${pack.clauses.length} clauses, ${pack.rules.length} rules; ${notEncoded.length} clauses not encoded as rules (each says why).`),
        pack.extends.length ? [t(' 继承：', ' Extends: '), pack.extends.map((id) => h('button', { type: 'button', class: 'link', onclick: () => onPick(id) }, id))] : null),
    ),
    h('div', { class: 'clause-grid' }, h('div', { class: 'clause-grid-head' }, h('div', null, t('条款原文', 'Clause, quoted')), h('div', null, t('编码它的规则', 'Rules that encode it'))),
      pack.clauses.map((c) => clauseRow(c, byClause.get(c.id) ?? [], others.get(c.id) ?? []))),
  );
}
