import { InvalidPackError, issue } from '../../model/errors.js';
import { PACK_LIMITS } from '../../model/limits.js';
import type { Clause, Pack, Rule } from '../../model/pack.js';
import { DEFAULT_POLICY, type Policy, type PolicyKey, type PolicyOverrides } from '../../model/policy.js';

/** A rule with the pack that carries it (a child pack's decisions include its parents' rules). */
export interface OwnedRule {
  rule: Rule;
  pack: Pack;
  /** Position in evaluation order: parents first, then in the order written. */
  order: number;
}

export interface ResolvedPack {
  pack: Pack;
  /** The pack and every pack it extends, parents first. */
  chain: Pack[];
  rules: OwnedRule[];
  /** Clause lookup across the chain, keyed `packId/clauseId`, plus `clauseId` for the pack's own. */
  clause(packId: string, clauseId: string): Clause;
  /** Policy after pack defaults (parents first, child last), before query overrides. */
  policy: Policy;
  /** Where each policy value came from. */
  policySource: Record<PolicyKey, 'library-default' | 'pack'>;
  documentOf(packId: string, clause: Clause): string;
}

/** Resolves `extends` with parents looked up by `lookup` (the registry, or the registry as it would be). */
export function resolvePackWith(pack: Pack, lookup: (id: string) => Pack): ResolvedPack {
  const chain: Pack[] = [];
  const seen = new Set<string>();
  const visit = (p: Pack, path: string[]): void => {
    if (path.includes(p.id)) {
      throw new InvalidPackError([
        issue(['extends'], 'cycle', `规则包继承出现循环：${[...path, p.id].join(' → ')}`, `extends cycle: ${[...path, p.id].join(' → ')}`),
      ]);
    }
    for (const parentId of p.extends) {
      const parent = parentId === pack.id ? pack : lookup(parentId);
      visit(parent, [...path, p.id]);
    }
    if (!seen.has(p.id)) {
      seen.add(p.id);
      chain.push(p);
    }
  };
  visit(pack, []);
  if (chain.length > PACK_LIMITS.chainPacks) {
    throw new InvalidPackError([
      issue(
        ['extends'],
        'too_many',
        `规则包 ${pack.id} 的继承链含 ${chain.length} 个规则包，超过上限 ${PACK_LIMITS.chainPacks}`,
        `the extends chain of pack ${pack.id} holds ${chain.length} packs, more than ${PACK_LIMITS.chainPacks}`,
      ),
    ]);
  }
  const chainRules = chain.reduce((n, p) => n + p.rules.length, 0);
  if (chainRules > PACK_LIMITS.chainRules) {
    throw new InvalidPackError([
      issue(
        ['rules'],
        'too_many',
        `规则包 ${pack.id} 及其继承的规则包共有 ${chainRules} 条规则，超过上限 ${PACK_LIMITS.chainRules}`,
        `pack ${pack.id} and the packs it extends hold ${chainRules} rules together, more than ${PACK_LIMITS.chainRules}`,
      ),
    ]);
  }
  const rules: OwnedRule[] = [];
  const ruleIds = new Set<string>();
  for (const p of chain) {
    for (const rule of p.rules) {
      if (ruleIds.has(rule.id)) {
        throw new InvalidPackError([
          issue(['rules'], 'duplicate_id', `规则 ${rule.id} 在继承链中重复（${p.id}）`, `rule ${rule.id} appears twice in the extends chain (${p.id})`),
        ]);
      }
      ruleIds.add(rule.id);
      rules.push({ rule, pack: p, order: rules.length });
    }
  }
  const clauseIndex = new Map<string, Clause>();
  for (const p of chain) for (const c of p.clauses) clauseIndex.set(`${p.id}/${c.id}`, c);
  const policy: Policy = { ...DEFAULT_POLICY };
  const policySource = Object.fromEntries(Object.keys(DEFAULT_POLICY).map((k) => [k, 'library-default'])) as Record<PolicyKey, 'library-default' | 'pack'>;
  for (const p of chain) {
    for (const [k, v] of Object.entries(p.policy) as [PolicyKey, unknown][]) {
      if (v === undefined) continue;
      (policy as Record<string, unknown>)[k] = v;
      policySource[k] = 'pack';
    }
  }
  const resolved: ResolvedPack = {
    pack,
    chain,
    rules,
    policy,
    policySource,
    clause(packId, clauseId) {
      const c = clauseIndex.get(`${packId}/${clauseId}`);
      if (!c) throw new InvalidPackError([issue(['clauses'], 'unknown_clause', `未知条款 ${packId}/${clauseId}`, `unknown clause ${packId}/${clauseId}`)]);
      return c;
    },
    documentOf(packId, clause) {
      if (clause.document) return clause.document;
      const p = chain.find((x) => x.id === packId)!;
      return `${p.document.number}《${p.document.title}》`;
    },
  };
  return resolved;
}

/** Where a policy value came from: the library's default, the pack, the host (evaluator or CLI options), or the query. */
export type PolicySource = 'library-default' | 'pack' | 'host' | 'query';

/** The effective policy for a query: library default, then pack, then host options, then the query; with the source of each value. */
export function effectivePolicy(
  resolved: ResolvedPack,
  host: PolicyOverrides | undefined,
  query: PolicyOverrides | undefined,
): { policy: Policy; source: Record<PolicyKey, PolicySource> } {
  const policy: Policy = { ...resolved.policy };
  const source: Record<PolicyKey, PolicySource> = { ...resolved.policySource };
  for (const [overrides, from] of [
    [host, 'host'],
    [query, 'query'],
  ] as const) {
    if (!overrides) continue;
    for (const [k, v] of Object.entries(overrides) as [PolicyKey, unknown][]) {
      if (v === undefined) continue;
      (policy as Record<string, unknown>)[k] = v;
      source[k] = from;
    }
  }
  return { policy, source };
}
