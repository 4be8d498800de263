import type { Decision } from '../../model/decision.js';
import { LABELS, type Verdict } from '../../model/vocabulary.js';
import type { Locale } from './i18n.js';
import { table, wrap } from './text.js';

export function verdictLabel(v: Verdict, locale: Locale): string {
  return LABELS.verdict[v][locale];
}

/** Unique clause ids of the reasons, in order; mitigated reasons marked with their outcome. */
export function reasonClauses(d: Decision): string[] {
  const out: string[] = [];
  for (const r of d.reasons) {
    for (const c of r.clauses) {
      const id = r.mitigation?.applied ? `${c.clause}(${r.mitigation.applied === 'exempt' ? '-' : '↓'})` : c.clause;
      if (!out.includes(id)) out.push(id);
    }
  }
  return out;
}

/** A compact cell: verdict, clause ids, and `+NM-3` for priority/incentive. */
export function verdictCell(d: Decision, locale: Locale): string {
  const parts = [verdictLabel(d.verdict, locale), ...reasonClauses(d)];
  for (const b of [...d.priority, ...d.incentives]) for (const c of b.clauses) if (!parts.includes(`+${c.clause}`)) parts.push(`+${c.clause}`);
  return parts.join(' ');
}

/** A decision as a few small tables, for people at a terminal. */
export function decisionTable(d: Decision, locale: Locale): string {
  const en = locale === 'en';
  const t = (zh: string, e: string) => (en ? e : zh);
  const kind = LABELS.subjectKind[d.subject.kind][locale];
  const action = LABELS.action[d.action][locale] + (d.assessmentYear !== null ? t(`（${d.assessmentYear} 年度）`, ` (${d.assessmentYear})`) : '');
  const out: string[] = [];
  out.push(
    table(null, [
      [t('主体', 'Subject'), `${d.subject.id} (${kind})`],
      [t('规则包', 'Pack'), `${d.pack.id} ${d.pack.document}`],
      [t('事项', 'Action'), action],
      [t('查询日期', 'As of'), d.asOf],
      [t('结论', 'Verdict'), verdictLabel(d.verdict, locale) + (en ? '' : `（${d.verdict}）`)],
      [t('最早解除日期', 'Clear from'), d.clearFrom ?? (d.verdict === 'clear' ? '—' : t('无（已知记录中没有终止其效力的日期）', 'none (nothing known ends it)'))],
    ]),
  );
  if (d.reasons.length) {
    out.push('', t('理由', 'Reasons'));
    out.push(
      table(
        [t('结论', 'verdict'), t('规则', 'rule'), t('条款', 'clauses'), t('记录', 'records'), t('减免', 'mitigation')],
        d.reasons.map((r) => [
          verdictLabel(r.verdict, locale),
          r.rule,
          r.clauses.map((c) => c.clause).join(' '),
          r.records.join(' ') || '—',
          r.mitigation?.applied ? `${LABELS.mitigation[r.mitigation.applied][locale]} (${verdictLabel(r.mitigation.before, locale)} → ${verdictLabel(r.verdict, locale)})` : '—',
        ]),
        { indent: '  ' },
      ),
    );
    const quotes = new Map<string, string>();
    for (const r of d.reasons) for (const c of r.clauses) quotes.set(c.clause, `${c.document} ${c.section}：「${!en && c.quoteSimplified ? c.quoteSimplified : c.quote}」`);
    for (const [id, q] of quotes) {
      const lines = wrap(q, 96);
      out.push(`  ${id}  ${lines[0]}`, ...lines.slice(1).map((l) => `  ${' '.repeat(id.length)}  ${l}`));
    }
  }
  const benefits = [...d.priority, ...d.incentives];
  if (benefits.length) {
    out.push('', t('激励', 'Benefits'));
    for (const b of benefits) out.push(`  ${b.kind === 'priority' ? t('优先考虑', 'priority') : t('激励', 'incentive')}  ${b.description[locale]} (${b.clauses.map((c) => c.clause).join(' ')})`);
  }
  const mit = d.mitigation.filter((m) => m.status !== 'none');
  if (mit.length) {
    out.push('', t('自我纠错与减免', 'Self-correction and mitigation'));
    out.push(table(null, mit.map((m) => [m.record, m.status, m.message[locale]]), { indent: '  ' }));
  }
  if (d.obligations.length) {
    out.push('', t('义务', 'Obligations'));
    out.push(
      table(
        [t('义务', 'obligation'), t('条款', 'clauses'), t('记录', 'records'), t('期限', 'due')],
        d.obligations.map((o) => [LABELS.obligation[o.kind][locale], o.clauses.join(' '), o.records.join(' ') || '—', o.dueOn ?? '—']),
        { indent: '  ' },
      ),
    );
  }
  if (d.deadlines.length) {
    out.push('', t('期限', 'Deadlines'));
    out.push(
      table(
        [t('种类', 'kind'), t('记录', 'record'), t('起算', 'from'), t('届满', 'due'), t('状态', 'state'), t('依据', 'basis')],
        d.deadlines.map((x) => [x.kind, x.record, x.eventOn, x.dueOn + (x.provisional ? '*' : ''), x.state, x.basis.clause]),
        { indent: '  ' },
      ),
    );
  }
  if (d.records.length) {
    out.push('', t('记录', 'Records'));
    out.push(
      table(
        [t('记录', 'record'), t('种类', 'kind'), t('计入', 'counted'), t('状态', 'status'), t('有效期', 'effect')],
        d.records.map((r) => [
          r.id + (r.derived ? t('（派生）', ' (derived)') : ''),
          LABELS.recordKind[r.kind][locale],
          r.counted ? t('是', 'yes') : t('否', 'no'),
          r.status,
          `${r.effectiveFrom} … ${r.effectiveUntil ?? ''}`,
        ]),
        { indent: '  ' },
      ),
    );
  }
  if (d.notes.length) {
    out.push('', t('说明', 'Notes'));
    for (const n of d.notes) {
      const lines = wrap(n.message[locale], 100);
      out.push(`  - ${lines[0]}`, ...lines.slice(1).map((l) => `    ${l}`));
    }
  }
  if (d.provisional) out.push('', t('* 依赖的日历数据为临时数据（次年安排公布后可能变化）', '* depends on provisional calendar data (next year\'s notice may change it)'));
  return out.join('\n');
}
