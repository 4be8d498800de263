import type { Locale } from '../model/index.js';
import { checkResult, localeOption } from './_internal/args.js';
import { num, queryLines, short } from './_internal/render.js';
import type { CheckPackResult } from './types.js';

/**
 * A `checkPack` result as text: one line per invariant (passed, failed on how many inputs, or
 * skipped and why), then each violation with its message, the shrunk query (readable and as
 * one-line JSON), the query it was compared with, where the decisions differ, and the seed and
 * path that replay it.
 *
 * @param result - what `checkPack` returned.
 * @param options.locale - `'zh-CN'` (default) or `'en'`.
 * @returns multi-line text.
 * @example
 * const r = await checkPack('cn-gd', { numRuns: 1000, seed: 1 });
 * if (!r.ok) throw new Error(formatCheck(r, { locale: 'en' }));
 */
export function formatCheck(result: CheckPackResult, options?: { locale?: Locale }): string {
  checkResult(result, 'checkPack', ['invariants', 'violations']);
  const L: Locale = localeOption(options);
  const zh = L === 'zh-CN';
  const t = (z: string, e: string) => (zh ? z : e);
  const broken = result.invariants.filter((i) => i.status === 'failed').length;
  const lines = [
    t(
      `checkPack ${result.pack}：${num(result.numRuns)} 个查询，seed ${result.seed} — ${broken ? `${broken} 项不变式不成立` : '全部成立'}`,
      `checkPack ${result.pack}: ${num(result.numRuns)} queries, seed ${result.seed} — ${broken ? `${broken} invariant${broken === 1 ? '' : 's'} broken` : 'all invariants hold'}`,
    ),
  ];
  for (const i of result.invariants) {
    if (i.status === 'passed') lines.push(`  ✓ ${i.name} (${num(i.runs)})${i.note ? ` — ${i.note}` : ''}`);
    else if (i.status === 'skipped') lines.push(`  - ${i.name}: ${t('跳过', 'skipped')} — ${i.note ?? ''}`);
    else lines.push(`  ✗ ${i.name}: ${t(`${num(i.failures)} / ${num(i.runs)} 个输入不成立`, `broken on ${num(i.failures)} of ${num(i.runs)} inputs`)}${i.note ? ` — ${i.note}` : ''}`);
  }
  for (const v of result.violations) {
    lines.push('');
    lines.push(`[${v.invariant} / ${v.variant}] ${v.message[L]}`);
    if (v.query) {
      lines.push(`  ${t('最小反例', 'counterexample')}${v.shrinks ? t(`（缩减 ${v.shrinks} 步）`, ` (shrunk ${v.shrinks} steps)`) : ''}:`);
      for (const l of queryLines(v.query, L)) lines.push(`    ${l}`);
      lines.push(`    ${JSON.stringify(v.query)}${v.inlinePack ? t('  （pack 为内联对象，重放时放回）', '  (the pack was inline: put it back to replay)') : ''}`);
    }
    if (v.variantQuery) {
      lines.push(`  ${t('对照查询', 'compared with')}:`);
      for (const l of queryLines(v.variantQuery, L)) lines.push(`    ${l}`);
    }
    if (v.difference) {
      lines.push(`  ${t('差异位置', 'differs at')} ${v.difference.path}:`);
      lines.push(`    - ${short(v.difference.a)}`);
      lines.push(`    + ${short(v.difference.b)}`);
    }
    lines.push(`  ${t('重放', 'replay')}: seed ${v.seed}, path "${v.path}"`);
  }
  return lines.join('\n');
}
