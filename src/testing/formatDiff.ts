import type { Locale } from '../model/index.js';
import { actionLabel, describe, num, queryLines, verdictLabel } from './_internal/render.js';
import type { DiffPacksResult, DiffSide } from './diffPacks.js';
import { checkResult, localeOption } from './_internal/args.js';

/**
 * A semantic diff as text for the people who review a rule change: how many generated queries
 * decide differently, and per group (action, verdict before → after, rules whose outcome
 * changed) the count, the parts of the decision that differ, and the smallest example with both
 * decisions and a one-line JSON query to replay it.
 *
 * @param result - what `diffPacks` returned.
 * @param options.locale - `'zh-CN'` (default) or `'en'`.
 * @returns multi-line text (ends without a newline).
 * @example
 * console.log(formatDiff(await diffPacks('cn-tj-binhai', edited, { seed: 7 }), { locale: 'en' }));
 */
export function formatDiff(result: DiffPacksResult, options?: { locale?: Locale }): string {
  checkResult(result, 'diffPacks', ['groups']);
  const L: Locale = localeOption(options);
  const zh = L === 'zh-CN';
  const t = (z: string, e: string) => (zh ? z : e);
  const lines: string[] = [];
  const { before: b, after: a } = result;
  lines.push(t(`规则变更的语义差异：${b.id} ${b.version} → ${a.id} ${a.version}`, `Semantic diff: ${b.id} ${b.version} → ${a.id} ${a.version}`));
  const groups = result.groups.length;
  if (result.differing === 0) {
    lines.push(t(`生成 ${num(result.numRuns)} 个查询（seed ${result.seed}）：结论全部相同。`, `${num(result.numRuns)} generated queries (seed ${result.seed}): every decision is the same.`));
    return lines.join('\n');
  }
  lines.push(
    t(
      `生成 ${num(result.numRuns)} 个查询（seed ${result.seed}）：${num(result.differing)} 个结论不同，分 ${groups} 组。`,
      `${num(result.numRuns)} generated queries (seed ${result.seed}): ${num(result.differing)} decide differently, in ${groups} group${groups === 1 ? '' : 's'}.`,
    ),
  );
  const side = (s: DiffSide) =>
    s.ok
      ? `${verdictLabel(s.decision.verdict, L)}${s.decision.reasons.length ? ` — ${s.decision.reasons.join('; ')}` : ''}${
          s.decision.obligations.length ? t(`；义务：${s.decision.obligations.join('; ')}`, `; obligations: ${s.decision.obligations.join('; ')}`) : ''
        }${s.decision.benefits.length ? `; ${s.decision.benefits.join('; ')}` : ''}${s.decision.verdict !== 'clear' ? `; clearFrom ${s.decision.clearFrom ?? 'null'}` : ''}`
      : `${t('出错', 'error')}: ${s.error}`;
  result.groups.forEach((g, i) => {
    lines.push('');
    lines.push(
      `${i + 1}. ${actionLabel(g.action, L)}${t('：', ': ')}${verdictLabel(g.verdict.before, L)} → ${verdictLabel(g.verdict.after, L)}${t(`（${num(g.count)} 个查询）`, ` — ${num(g.count)} quer${g.count === 1 ? 'y' : 'ies'}`)}`,
    );
    for (const r of g.rules) lines.push(`   ${t('规则', 'rule')} ${r.rule}${t('：', ': ')}${r.before} → ${r.after}`);
    if (g.aspects.length) lines.push(`   ${t('不同之处：', 'differs in: ')}${g.aspects.join(', ')}`);
    // Without a rule change, say what did change.
    const d = g.example.difference;
    if (g.rules.length === 0 && d) lines.push(`   ${t('首个差异：', 'first difference: ')}${d.path}: ${describe(d.a, L)} → ${describe(d.b, L)}`);
    lines.push(`   ${t('最小示例：', 'smallest example:')}`);
    for (const l of queryLines(g.example.query, L)) lines.push(`     ${l}`);
    lines.push(`   ${t('变更前：', 'before: ')}${side(g.example.before)}`);
    lines.push(`   ${t('变更后：', 'after:  ')}${side(g.example.after)}`);
    lines.push(`   ${t('查询：', 'query: ')}${JSON.stringify(g.example.query)}`);
  });
  return lines.join('\n');
}
