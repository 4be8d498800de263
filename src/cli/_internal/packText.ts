import type { Condition, TopLevelCondition } from '../../model/conditions.js';
import type { Pack, Rule } from '../../model/pack.js';
import { LABELS, type Action } from '../../model/vocabulary.js';
import type { Locale } from './i18n.js';

const OPS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  in: '∈',
  notIn: '∉',
  contains: '∋',
  doesNotContain: '∌',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
};

function literal(v: unknown): string {
  if (Array.isArray(v)) return `{${v.map(literal).join(', ')}}`;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A rule's conditions as one readable line: `record.kind = unfulfilled-court-judgment AND …`. */
export function conditionText(c: Condition | TopLevelCondition, top = true): string {
  if ('all' in c) {
    const s = c.all.map((x) => conditionText(x, false)).join(' AND ');
    return top || c.all.length === 1 ? s : `(${s})`;
  }
  if ('any' in c) {
    const s = c.any.map((x) => conditionText(x, false)).join(' OR ');
    return top || c.any.length === 1 ? s : `(${s})`;
  }
  if ('not' in c) return `NOT ${conditionText(c.not, false)}`;
  return `${c.fact}.${c.path ?? ''} ${OPS[c.operator] ?? c.operator} ${literal(c.value)}`;
}

/** What a rule does: its verdict, obligations, priority, incentive. */
export function ruleOutcome(r: Rule, locale: Locale): string {
  const parts: string[] = [];
  if (r.verdict) parts.push(LABELS.verdict[r.verdict][locale]);
  for (const o of r.obligations ?? []) parts.push(LABELS.obligation[o][locale]);
  if (r.priority) parts.push(locale === 'en' ? 'priority (守信激励)' : '优先考虑（守信激励）');
  if (r.incentive) parts.push(locale === 'en' ? 'incentive' : '激励');
  return parts.join(locale === 'en' ? '; ' : '；');
}

export function actionsText(actions: readonly Action[], locale: Locale): string {
  if (!actions.length) return locale === 'en' ? 'any action (obligations)' : '任何事项（义务）';
  return locale === 'en' ? actions.join(', ') : actions.map((a) => LABELS.action[a][locale]).join('、');
}

/** The document line: 文号《title》, issuer, dates. */
export function documentLine(p: Pack, locale: Locale): string {
  const d = p.document;
  return locale === 'en'
    ? `${d.number} 《${d.title}》, ${d.issuer}, issued ${d.issuedOn}, effective ${d.effectiveOn}`
    : `${d.number}《${d.title}》，${d.issuer}，${d.issuedOn} 印发，${d.effectiveOn} 施行`;
}
