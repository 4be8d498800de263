import { VERDICTS, type Decision, type Verdict } from '../../model/index.js';
import { firstDifference, stableJson } from './compare.js';

/** What changed for one rule between the two decisions. */
export interface RuleChange {
  rule: string;
  /**
   * The rule's outcome before and after, as written (verdicts before mitigation, obligations,
   * priority / incentive), `—` when it did not fire, and `(details differ)` when only its records,
   * citations or mitigation changed.
   */
  before: string;
  after: string;
}

/** A decision reduced to what a reviewer reads. */
export interface DecisionSummary {
  verdict: Verdict;
  clearFrom: string | null;
  /** `rule: verdict [records]` per reason; mitigation as `(lighter: barred→restricted)`. */
  reasons: string[];
  obligations: string[];
  benefits: string[];
}

export const ASPECTS = ['verdict', 'reasons', 'clearFrom', 'obligations', 'priority', 'incentives', 'mitigation', 'deadlines', 'records', 'notes', 'provisional'] as const;
export type Aspect = (typeof ASPECTS)[number];

/** The decision without the pack's own identity, with `renamed` pack ids mapped back (an edited copy under another id). */
export function comparable(d: Decision, renamed: ReadonlyMap<string, string>): Record<string, unknown> {
  const json = JSON.parse(JSON.stringify(d)) as Record<string, unknown>;
  delete json.pack;
  if (renamed.size === 0) return json;
  // The copy's id also appears in texts ("pack cn-x-draft is in force from …"): name the original there too.
  const patterns = [...renamed].map(([from, to]) => [new RegExp(`(?<![a-z0-9-])${from.replace(/[-]/g, '\\-')}(?![a-z0-9-])`, 'g'), to] as const);
  const fix = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(fix);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = fix(x);
      return o;
    }
    if (typeof v === 'string') {
      let out = v;
      for (const [re, to] of patterns) out = out.replace(re, to);
      return out;
    }
    return v;
  };
  return fix(json) as Record<string, unknown>;
}

export function aspectsDiffering(a: Record<string, unknown>, b: Record<string, unknown>): Aspect[] {
  return ASPECTS.filter((k) => firstDifference(a[k], b[k]) !== null);
}

/**
 * Per rule: its outcome as written (the distinct verdicts of its reasons before mitigation,
 * obligations, priority / incentive), and everything else about its reasons for "details differ".
 * Mitigation results are not part of the outcome: they show in the example's reasons, and a
 * group stays one group however mitigation then lowered the verdict.
 */
function ruleOutcomes(d: Record<string, unknown>): Map<string, { summary: string; text: string }> {
  const out = new Map<string, { verdicts: Set<string>; parts: string[]; text: unknown[] }>();
  const at = (rule: string) => {
    let e = out.get(rule);
    if (!e) out.set(rule, (e = { verdicts: new Set(), parts: [], text: [] }));
    return e;
  };
  for (const r of (d.reasons ?? []) as Decision['reasons']) {
    at(r.rule).verdicts.add(r.mitigation?.before ?? r.verdict);
    at(r.rule).text.push(r);
  }
  for (const o of (d.obligations ?? []) as Decision['obligations']) {
    at(o.rule).parts.push(o.kind);
    at(o.rule).text.push(o);
  }
  for (const b of [...((d.priority ?? []) as Decision['priority']), ...((d.incentives ?? []) as Decision['incentives'])]) {
    at(b.rule).parts.push(b.kind);
    at(b.rule).text.push(b);
  }
  const order: readonly string[] = VERDICTS;
  return new Map(
    [...out].map(([k, v]) => {
      const verdicts = [...v.verdicts].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      return [k, { summary: [...verdicts, ...v.parts].join(' + '), text: stableJson(v.text) }];
    }),
  );
}

/** The rules whose outcome (or its records, citations, mitigation) differs, sorted by rule id. */
export function ruleChanges(a: Record<string, unknown>, b: Record<string, unknown>): RuleChange[] {
  const ra = ruleOutcomes(a);
  const rb = ruleOutcomes(b);
  const rules = [...new Set([...ra.keys(), ...rb.keys()])].sort();
  const out: RuleChange[] = [];
  for (const rule of rules) {
    const x = ra.get(rule);
    const y = rb.get(rule);
    if (x && y && x.text === y.text) continue;
    const before = x?.summary ?? '—';
    const after = y?.summary ?? '—';
    out.push({ rule, before, after: before === after ? `${after} (details differ)` : after });
  }
  return out;
}

export function summarize(d: Decision): DecisionSummary {
  return {
    verdict: d.verdict,
    clearFrom: d.clearFrom,
    reasons: d.reasons.map((r) => {
      const m = r.mitigation?.applied ? ` (${r.mitigation.applied}: ${r.mitigation.before}→${r.verdict})` : '';
      return `${r.rule}: ${r.verdict}${r.records.length ? ` [${r.records.join(', ')}]` : ''}${m}`;
    }),
    obligations: d.obligations.map((o) => `${o.rule}: ${o.kind}${o.records.length ? ` [${o.records.join(', ')}]` : ''}${o.dueOn ? ` due ${o.dueOn}` : ''}`),
    benefits: [...d.priority, ...d.incentives].map((b) => `${b.rule}: ${b.kind}`),
  };
}

export function groupKey(action: string, before: string, after: string, changes: readonly RuleChange[]): string {
  return `${action}|${before}→${after}|${changes.map((c) => `${c.rule}:${c.before}→${c.after}`).join(';')}`;
}

