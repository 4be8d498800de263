import { toOptions } from '../calendar/_internal/input.js';
import { DecisionSchema, type Decision } from '../model/decision.js';
import { InvalidInputError, issue, issuesFromZod, type Locale } from '../model/errors.js';
import { LABELS } from '../model/vocabulary.js';
import { BASIS_LABELS, DEADLINE_KIND_LABELS, DEADLINE_STATE_LABELS, labelIn } from './_internal/labels.js';
import { coverageNoteText, plainCoverageAdvice } from './_internal/coverageNote.js';

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/**
 * A decision as text a person can check: the verdict, each reason with its clause, document,
 * section and quote, what mitigation did, obligations, deadlines, notes and `clearFrom`.
 *
 * @param decision - a decision from `evaluate` or a compiled evaluator (or one read back from JSON).
 * @param options.locale - 'zh-CN' (default) or 'en'.
 * @returns multi-line text.
 * @throws InvalidInputError when `decision` is not a Decision (paths under `['decision']`), or
 *   `options` is not an object with known keys, or the locale is not one of 'zh-CN', 'en'
 *   (`invalid_locale` at `['options', 'locale']`).
 * @example
 * console.log(explain(await evaluate(query), { locale: 'en' }));
 */
export function explain(decision: Decision, options?: { locale?: Locale }): string {
  const o = toOptions(options, ['options'], ['locale']);
  if (o.locale !== undefined && !(LOCALES as readonly unknown[]).includes(o.locale)) {
    const shown = typeof o.locale === 'string' ? JSON.stringify(o.locale.slice(0, 40)) : String(o.locale);
    throw new InvalidInputError([
      issue(['options', 'locale'], 'invalid_locale', `未知语言 ${shown}；可用：${LOCALES.join('、')}`, `unknown locale ${shown}; known: ${LOCALES.join(', ')}`),
    ]);
  }
  // Validated as a whole first: a partial or foreign object is a typed error, never "undefined" in the text.
  const r = DecisionSchema.safeParse(decision, { reportInput: true });
  if (!r.success) throw new InvalidInputError(issuesFromZod(r.error.issues, ['decision']));
  const L: Locale = (o.locale as Locale | undefined) ?? 'zh-CN';
  const zh = L === 'zh-CN';
  const t = (z: string, e: string) => (zh ? z : e);
  const lines: string[] = [];
  const action = LABELS.action[decision.action][L];
  const verdict = LABELS.verdict[decision.verdict][L];
  const year = decision.assessmentYear !== null ? t(`（${decision.assessmentYear} 年度）`, ` (${decision.assessmentYear})`) : '';
  lines.push(
    t(
      `${decision.subject.id}｜${action}${year}｜${decision.pack.id}（${decision.pack.document}）｜截至 ${decision.asOf}：${verdict}`,
      `${decision.subject.id} | ${action}${year} | ${decision.pack.id} (${decision.pack.document}) | as of ${decision.asOf}: ${verdict}`,
    ),
  );
  if (decision.reasons.length === 0) lines.push(t('  无适用规则触发。', '  No rule applies.'));
  for (const r of decision.reasons) {
    const v = LABELS.verdict[r.verdict][L];
    const recs = r.records.length ? t(`，记录 ${r.records.join('、')}`, `, record ${r.records.join(', ')}`) : '';
    lines.push(`  - [${v}] ${r.description[L]}${recs}`);
    for (const c of r.clauses) {
      // Guangdong's verbatim quotes are garbled traditional script; the simplified text reads better in both locales.
      const quote = c.quoteSimplified ?? c.quote;
      const mark = c.verification === 'secondary' ? t('（二手来源，未经核对原文）', ' (secondary source, not checked against the enacted text)') : c.verification === 'paraphrase' ? t('（转述，非原文）', ' (paraphrase, not the exact words)') : '';
      lines.push(`      ${c.clause} ${c.document} ${c.section}：「${quote}」${mark}`);
    }
    if (r.uncertain) {
      lines.push(t(`      待定：${r.uncertain.message['zh-CN']}（${r.uncertain.clauses.join('、')}；原为${LABELS.verdict[r.uncertain.before][L]}）`, `      open: ${r.uncertain.message.en} (${r.uncertain.clauses.join(', ')}; otherwise ${LABELS.verdict[r.uncertain.before][L]})`));
    }
    if (r.mitigation?.applied) {
      lines.push(
        t(
          `      减免：${LABELS.mitigation[r.mitigation.applied][L]}（${r.mitigation.clauses.join('、')}），${LABELS.verdict[r.mitigation.before][L]} → ${v}`,
          `      mitigation: ${LABELS.mitigation[r.mitigation.applied][L]} (${r.mitigation.clauses.join(', ')}), ${LABELS.verdict[r.mitigation.before][L]} → ${v}`,
        ),
      );
    }
  }
  for (const p of [...decision.priority, ...decision.incentives]) {
    lines.push(`  + ${p.kind === 'priority' ? t('优先考虑', 'priority') : t('激励', 'incentive')}：${p.description[L]}（${p.clauses.map((c) => c.clause).join('、')}）`);
  }
  for (const m of decision.mitigation) if (m.status !== 'applied') lines.push(`  ~ ${m.record}: ${m.message[L]}`);
  if (decision.obligations.length) {
    lines.push(t('  义务：', '  Obligations:'));
    for (const o of decision.obligations) {
      const due = o.dueOn ? t(`，期限 ${o.dueOn}`, `, due ${o.dueOn}`) : '';
      lines.push(`    * ${LABELS.obligation[o.kind][L]}（${o.clauses.join('、')}${due}）`);
    }
  }
  if (decision.deadlines.length) {
    lines.push(t('  期限：', '  Deadlines:'));
    for (const d of decision.deadlines) {
      const kind = labelIn(DEADLINE_KIND_LABELS, d.kind, L);
      const state = labelIn(DEADLINE_STATE_LABELS, d.state, L);
      const latest = d.latestDueOn ? t(`（最长至 ${d.latestDueOn}）`, ` (at most to ${d.latestDueOn})`) : '';
      lines.push(`    * ${d.record} ${kind} ${d.dueOn}${latest} ${state}${t('（', ' (')}${labelIn(BASIS_LABELS, d.basis.clause, L)}${t('）', ')')}${d.provisional ? t(' 暂定', ' provisional') : ''}`);
    }
  }
  if (decision.verdict !== 'clear') {
    lines.push(
      decision.clearFrom
        ? t(`  按已知记录，自 ${decision.clearFrom} 起不再受限。`, `  With the records known, clear from ${decision.clearFrom}.`)
        : t('  按已知记录，没有确定的解除日期。', '  With the records known, nothing ends the effect.'),
    );
  }
  // A year without a holiday schedule: what to do in plain words, not the library's options.
  for (const n of decision.notes) lines.push(`  ! ${n.code === 'calendar-coverage' ? coverageNoteText(n, L, plainCoverageAdvice) : n.message[L]}`);
  return lines.join('\n');
}
