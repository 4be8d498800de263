import * as fc from 'fast-check';
import type { Citation, CreditRecord, Decision, LocalizedText, Pack, QueryInput, Verdict } from '../../model/index.js';
import { canonical, deepEqual, firstDifference, stableJson, type Difference } from './compare.js';
import { addDaysIso, yearOf } from './dates.js';
import { isValidEventLog } from './eventLog.js';
import { chainOf, type PackRef } from './hints.js';
import { VERDICT_SEVERITY, evaluate, normalizeDates } from './lib.js';
import { interpretRecord, recordPlanArb, type RecordPlan } from './plans.js';
import type { PackHints } from './hints.js';
import { addRecord, freshId, knownOn, mitigated, reordered, revoked, shorthandsAsEvents, withAsOf } from './transform.js';
import type { ZoneEvaluator } from './zones.js';

/** The invariants, in the order they are checked and reported. */
export const INVARIANT_NAMES = Object.freeze(['evaluates', 'determinism', 'timezone', 'monotonicity', 'explanation', 'clear-from', 'reference'] as const);
export type InvariantName = (typeof INVARIANT_NAMES)[number];

/** What the invariants need besides the query: the extra random choices some of them make. */
export interface Aux {
  /** Sort keys for the records' new order. */
  order: number[];
  /** Sort keys for same-day events' new order. */
  ties: number[];
  /** A record to add (placed around asOf, and known on it). */
  added: RecordPlan;
  /** Which record to revoke or mitigate (modulo the number of records). */
  target: number;
}

export interface CaseInput {
  query: QueryInput;
  aux: Aux;
}

export function auxArb(hints: PackHints): fc.Arbitrary<Aux> {
  return fc.record({
    order: fc.array(fc.nat({ max: 7 }), { maxLength: 6 }),
    ties: fc.array(fc.nat({ max: 7 }), { maxLength: 8 }),
    added: recordPlanArb(hints, { maxEvents: 2 }),
    target: fc.nat({ max: 7 }),
  });
}

/** One broken promise, found on one input. */
export interface Finding {
  invariant: InvariantName;
  /** Which check of the invariant, e.g. `record-order`, `added-record`, `clear-on-clearFrom`. */
  variant: string;
  message: LocalizedText;
  /** The second query compared with the first, where the check compares two. */
  variantQuery?: QueryInput;
  /** Where two decisions that should agree first differ. */
  difference?: Difference;
}

export type Reference = (query: QueryInput) => Decision | Promise<Decision>;

export interface CheckEnv {
  reference: Reference | null;
  zones: ZoneEvaluator[];
  /** Which invariants to check (all by default). */
  only?: ReadonlySet<InvariantName>;
}

const sev = (v: Verdict) => VERDICT_SEVERITY[v];

function recordsOf(q: QueryInput): CreditRecord[] {
  return (q.subject.records ?? []) as CreditRecord[];
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'name' in e) {
    const err = e as { name: string; message?: string };
    return `${err.name}: ${err.message ?? ''}`.slice(0, 400);
  }
  return String(e).slice(0, 400);
}

async function tryEvaluate(q: QueryInput): Promise<{ ok: true; d: Decision } | { ok: false; error: string }> {
  try {
    return { ok: true, d: await evaluate(q) };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}

function txt(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}

/** The decision with only what a reviewer compares for "the same answer": verdict, reasons, clearFrom. */
function gist(d: Decision) {
  return {
    verdict: d.verdict,
    clearFrom: d.clearFrom,
    reasons: d.reasons.map((r) => ({ rule: r.rule, pack: r.pack, records: r.records, verdict: r.verdict })),
  };
}

const chains = new WeakMap<object, Pack[]>();
const chainsById = new Map<string, Pack[]>();
function chainFor(ref: PackRef): Pack[] {
  if (typeof ref === 'string') {
    let c = chainsById.get(ref);
    if (!c) chainsById.set(ref, (c = chainOf(ref)));
    return c;
  }
  let c = chains.get(ref);
  if (!c) chains.set(ref, (c = chainOf(ref)));
  return c;
}

/**
 * Checks every invariant (or `env.only`) on one input and returns what it found, at most one
 * finding per invariant (the first variant that fails).
 */
export async function checkCase(input: CaseInput, env: CheckEnv): Promise<Finding[]> {
  const { query: q, aux } = input;
  const want = (n: InvariantName) => !env.only || env.only.has(n);
  const findings: Finding[] = [];
  const snapshot = stableJson(q);

  // Ask the other time zones first: the children work while this process checks the rest.
  const zoneAnswers = want('timezone') ? env.zones.map((z) => z.evaluate(q).then((a) => ({ zone: z.zone, a }))) : [];

  const base = await tryEvaluate(q);
  if (!base.ok) {
    await Promise.all(zoneAnswers);
    if (want('evaluates')) {
      findings.push({
        invariant: 'evaluates',
        variant: 'error',
        message: txt(`有效查询求值出错：${base.error}`, `a valid query failed to evaluate: ${base.error}`),
      });
    }
    return findings;
  }
  const d = base.d;

  const first = async (name: InvariantName, checks: (() => Promise<Finding | null>)[]) => {
    if (!want(name)) return;
    for (const c of checks) {
      let f: Finding | null;
      try {
        f = await c();
      } catch (e) {
        f = { invariant: name, variant: 'error', message: txt(`检查时求值出错：${errorText(e)}`, `evaluation failed during the check: ${errorText(e)}`) };
      }
      if (f) {
        findings.push(f);
        return;
      }
    }
  };

  await first('determinism', determinismChecks(q, d, snapshot, aux));

  await first('explanation', [async () => explanationFinding(d, chainFor(q.pack as PackRef))]);

  // Monotonicity compares against the query restricted to what is known on asOf, so appended events come last.
  const known = knownOn(q, normalizeDates(q.asOf) as string);
  await first('monotonicity', monotonicityChecks(q, d, known, aux));

  await first('clear-from', clearFromChecks(q, d, known));

  if (want('reference') && env.reference) {
    const ref = env.reference;
    await first('reference', [
      async () => {
        let fast: Decision;
        try {
          fast = await ref(q);
        } catch (e) {
          return { invariant: 'reference', variant: 'error', message: txt(`快速求值器出错：${errorText(e)}`, `the fast evaluator threw: ${errorText(e)}`) };
        }
        const diff = firstDifference(d, fast);
        return diff
          ? {
              invariant: 'reference',
              variant: 'differs',
              difference: diff,
              message: txt(`快速求值器与 json-rules-engine 结果不同（${diff.path}）`, `the fast evaluator and json-rules-engine differ at ${diff.path}`),
            }
          : null;
      },
    ]);
  }

  if (zoneAnswers.length) {
    const answers = await Promise.all(zoneAnswers);
    const here = JSON.parse(JSON.stringify(d)) as unknown;
    await first(
      'timezone',
      answers.map(({ zone, a }) => async (): Promise<Finding | null> => {
        if (!a.ok) {
          if (a.error?.name === 'ChildProcessError') return null;
          return {
            invariant: 'timezone',
            variant: zone,
            message: txt(`TZ=${zone} 下求值出错：${a.error?.name}: ${a.error?.message}`, `under TZ=${zone} the query failed: ${a.error?.name}: ${a.error?.message}`),
          };
        }
        const diff = firstDifference(here, a.value);
        return diff
          ? { invariant: 'timezone', variant: zone, difference: diff, message: txt(`TZ=${zone} 下结果不同（${diff.path}）`, `under TZ=${zone} the decision differs at ${diff.path}`) }
          : null;
      }),
    );
  }
  return findings;
}

/** The added record: its plan read around asOf, moved onto asOf if it would be decided later (it must be known). */
function addedRecord(plan: RecordPlan, id: string, asOf: string): CreditRecord {
  // Without a decided period: `periodMonths` fixes the period of every same-kind sanction taking
  // effect with it (政务处分法 15), so it is a decision about other records, not a record added.
  let r = interpretRecord({ ...plan, decidedPeriod: false }, id, asOf);
  if (r.decidedOn > asOf) r = interpretRecord({ ...plan, decidedPeriod: false, decided: { t: 'days', n: 0 } }, id, asOf);
  if (r.occurredOn && r.occurredOn > r.decidedOn) r = { ...r, occurredOn: r.decidedOn };
  if (!isValidEventLog(r)) {
    r = { ...r };
    delete r.events;
  }
  return r;
}

function clearFromChecks(q: QueryInput, d: Decision, known: QueryInput): (() => Promise<Finding | null>)[] {
  const f = (variant: string, zh: string, en: string, variantQuery?: QueryInput, difference?: Difference): Finding => ({
    invariant: 'clear-from',
    variant,
    message: txt(zh, en),
    ...(variantQuery ? { variantQuery } : {}),
    ...(difference ? { difference } : {}),
  });
  return [
    async () => {
      if (d.verdict === 'clear' && d.clearFrom !== d.asOf) return f('clear-now', `结论为 clear 但 clearFrom = ${d.clearFrom}（应为 ${d.asOf}）`, `the verdict is clear but clearFrom is ${d.clearFrom}, not ${d.asOf}`);
      if (d.verdict !== 'clear' && d.clearFrom !== null && d.clearFrom <= d.asOf) return f('after-asOf', `结论非 clear 但 clearFrom ${d.clearFrom} 不晚于 asOf`, `the verdict is not clear but clearFrom ${d.clearFrom} is not after asOf`);
      return null;
    },
    async () => {
      // Facts dated after asOf are unknown on asOf: removing them changes nothing that matters.
      if (stableJson(known) === stableJson(q)) return null;
      const dk = await evaluate(known);
      const diff = firstDifference(gist(d), gist(dk));
      return diff
        ? f('knowledge', `删去 asOf 之后才发生的事实后结果不同（${diff.path}）`, `removing facts dated after asOf changes the decision at ${diff.path}`, known, diff)
        : null;
    },
    async () => {
      if (d.verdict === 'clear' || d.clearFrom === null) return null;
      const v = withAsOf(known, d.clearFrom);
      const dv = await evaluate(v);
      return dv.verdict === 'clear'
        ? null
        : f('clear-on-clearFrom', `clearFrom = ${d.clearFrom}，但当日（按 asOf 时已知的事实）结论为 ${dv.verdict}`, `clearFrom is ${d.clearFrom}, but on that day (with what was known on asOf) the verdict is ${dv.verdict}`, v);
    },
    async () => {
      if (d.verdict === 'clear' || d.clearFrom === null) return null;
      const before = addDaysIso(d.clearFrom, -1);
      if (before <= q.asOf) return null;
      const v = withAsOf(known, before);
      const dv = await evaluate(v);
      return dv.verdict !== 'clear'
        ? null
        : f('not-clear-before', `clearFrom = ${d.clearFrom}，但前一日 ${before} 已为 clear`, `clearFrom is ${d.clearFrom}, but the day before (${before}) is already clear`, v);
    },
    async () => {
      // clearFrom null: nothing known ends the effect, so a day far ahead is still not clear.
      if (d.verdict === 'clear' || d.clearFrom !== null) return null;
      const far = `${String(Math.min(2199, yearOf(normalizeDates(q.asOf) as string) + 40)).padStart(4, '0')}-06-30`;
      const v = withAsOf(known, far);
      const dv = await evaluate(v);
      return dv.verdict !== 'clear'
        ? null
        : f('never-clear', `clearFrom 为 null，但 ${far}（按 asOf 时已知的事实）结论为 clear`, `clearFrom is null, but on ${far} (with what was known on asOf) the verdict is clear`, v);
    },
  ];
}

function documentOf(pack: Pack, clause: Pack['clauses'][number]): string {
  return clause.document ?? `${pack.document.number}《${pack.document.title}》`;
}

function citationProblem(c: Citation, pack: Pack, ruleClauses: readonly string[], what: string): LocalizedText | null {
  const clause = pack.clauses.find((x) => x.id === c.clause);
  if (!clause) return txt(`${what} 引用的条款 ${c.clause} 不在规则包 ${pack.id} 中`, `${what} cites clause ${c.clause}, which pack ${pack.id} does not have`);
  if (!ruleClauses.includes(c.clause)) return txt(`${what} 引用的条款 ${c.clause} 不是该规则所编码的条款`, `${what} cites clause ${c.clause}, which its rule does not encode`);
  if (c.quote !== clause.quote) return txt(`${what} 引用 ${c.clause} 的原文与规则包不一致`, `${what} quotes ${c.clause} differently from the pack`);
  if ((c.quoteSimplified ?? null) !== (clause.quoteSimplified ?? null)) return txt(`${what} 的 ${c.clause} 简体原文与规则包不一致`, `${what}: the simplified quote of ${c.clause} differs from the pack`);
  if (c.section !== clause.section) return txt(`${what} 的 ${c.clause} 条目（section）与规则包不一致`, `${what}: the section of ${c.clause} differs from the pack`);
  if (c.document !== documentOf(pack, clause)) return txt(`${what} 的 ${c.clause} 文件名与规则包不一致`, `${what}: the document of ${c.clause} differs from the pack`);
  return null;
}

/** Every non-clear verdict has a reason; the verdict is the most severe reason's; every citation is the pack's own text. */
export function explanationFinding(d: Decision, chain: readonly Pack[]): Finding | null {
  const f = (variant: string, m: LocalizedText): Finding => ({ invariant: 'explanation', variant, message: m });
  if (d.verdict !== 'clear' && d.reasons.length === 0) return f('no-reason', txt(`结论为 ${d.verdict} 却没有任何理由`, `verdict ${d.verdict} with no reason`));
  const worst = d.reasons.reduce<Verdict>((v, r) => (sev(r.verdict) > sev(v) ? r.verdict : v), 'clear');
  if (worst !== d.verdict) return f('verdict-is-max', txt(`结论 ${d.verdict} 不是各理由中最严重的（${worst}）`, `verdict ${d.verdict} is not the most severe of its reasons (${worst})`));
  const byId = new Map(chain.map((p) => [p.id, p]));
  for (const r of d.reasons) {
    // An uncertain reason (a combined period the deciding body has yet to fix, 政务处分法 15) is at
    // most review, and never more than it would be if the period were fixed at its longest.
    if (r.uncertain && (sev(r.verdict) > sev('review') || sev(r.verdict) > sev(r.uncertain.before))) {
      return f('uncertain', txt(`不确定的理由 ${r.rule} 的结论 ${r.verdict} 高于 review 或其原结论 ${r.uncertain.before}`, `uncertain reason ${r.rule}: verdict ${r.verdict} is above review or its own ${r.uncertain.before}`));
    }
  }
  // The rule's own verdict: before mitigation, and before an uncertain reason was capped at review.
  const ruleVerdictOf = (r: Decision['reasons'][number]) => (r.mitigation ? r.mitigation.before : r.uncertain ? r.uncertain.before : null);
  const items: { rule: string; pack: string; clauses: Citation[]; what: string; verdict?: Verdict; before?: Verdict | null; description: LocalizedText }[] = [
    ...d.reasons.map((r) => ({ rule: r.rule, pack: r.pack, clauses: r.clauses, what: `reason ${r.rule}`, verdict: r.verdict, before: ruleVerdictOf(r), description: r.description })),
    ...[...d.priority, ...d.incentives].map((b) => ({ rule: b.rule, pack: b.pack, clauses: b.clauses, what: `${b.kind} ${b.rule}`, description: b.description })),
  ];
  for (const it of items) {
    const pack = byId.get(it.pack);
    if (!pack) return f('pack', txt(`${it.what} 所属规则包 ${it.pack} 不在继承链中`, `${it.what} names pack ${it.pack}, which is not in the extends chain`));
    const rule = pack.rules.find((r) => r.id === it.rule);
    if (!rule) return f('rule', txt(`${it.what} 的规则不在规则包 ${it.pack} 中`, `${it.what}: pack ${it.pack} has no such rule`));
    if (it.clauses.length === 0) return f('no-clause', txt(`${it.what} 没有引用任何条款`, `${it.what} cites no clause`));
    if (!deepEqual(it.description, rule.description)) return f('description', txt(`${it.what} 的说明与规则不一致`, `${it.what}: the description differs from the rule's`));
    for (const c of it.clauses) {
      const p = citationProblem(c, pack, rule.clauses, it.what);
      if (p) return f('quote', p);
    }
    if (it.verdict !== undefined) {
      const base = it.before ?? it.verdict;
      if (base !== rule.verdict) return f('reason-verdict', txt(`${it.what} 的结论 ${base} 与规则的 ${rule.verdict} 不一致`, `${it.what}: verdict ${base} is not the rule's (${rule.verdict})`));
    }
  }
  for (const o of d.obligations) {
    const pack = byId.get(o.pack);
    const rule = pack?.rules.find((r) => r.id === o.rule);
    if (!pack || !rule) return f('obligation', txt(`义务 ${o.kind} 引用的规则 ${o.pack}/${o.rule} 不存在`, `obligation ${o.kind} names rule ${o.pack}/${o.rule}, which does not exist`));
    if (!(rule.obligations ?? []).includes(o.kind)) return f('obligation', txt(`规则 ${o.rule} 没有义务 ${o.kind}`, `rule ${o.rule} has no obligation ${o.kind}`));
    for (const c of o.clauses) if (!rule.clauses.includes(c)) return f('obligation', txt(`义务 ${o.kind} 引用的条款 ${c} 不属于规则 ${o.rule}`, `obligation ${o.kind} cites ${c}, not a clause of rule ${o.rule}`));
  }
  return null;
}

/** Determinism: the input unchanged, a rerun, the records reordered, the shorthands written as events: the same decision. */
function determinismChecks(q: QueryInput, d: Decision, snapshot: string, aux: Aux): (() => Promise<Finding | null>)[] {
  return [
    async () => {
      if (stableJson(q) === snapshot) return null;
      return { invariant: 'determinism', variant: 'input-unchanged', message: txt('求值修改了输入的查询', 'evaluate changed the query it was given') };
    },
    async () => {
      const again = await evaluate(q);
      const diff = firstDifference(d, again);
      return diff
        ? { invariant: 'determinism', variant: 'rerun', difference: diff, message: txt(`同一查询两次求值结果不同（${diff.path}）`, `the same query decided twice differs at ${diff.path}`) }
        : null;
    },
    async () => {
      const v = reordered(q, aux.order, aux.ties);
      if (stableJson(v) === snapshot) return null;
      const dv = await evaluate(v);
      const diff = firstDifference(canonical(d), canonical(dv));
      return diff
        ? {
            invariant: 'determinism',
            variant: 'record-order',
            variantQuery: v,
            difference: diff,
            message: txt(`调换记录顺序（及同日事件顺序）后结果不同（${diff.path}）`, `reordering the records (and same-day events) changes the decision at ${diff.path}`),
          }
        : null;
    },
    async () => {
      const v = shorthandsAsEvents(q);
      if (stableJson(v) === snapshot) return null;
      const dv = await evaluate(v);
      const diff = firstDifference(d, dv);
      return diff
        ? {
            invariant: 'determinism',
            variant: 'shorthand-as-events',
            variantQuery: v,
            difference: diff,
            message: txt(`把 selfCorrection / mitigation 简写改为事件后结果不同（${diff.path}）`, `writing the selfCorrection / mitigation shorthands as events changes the decision at ${diff.path}`),
          }
        : null;
    },
  ];
}

/** Monotonicity: mitigation never raises a reason; an added record never lowers, a revocation or mitigation never raises, the verdict. */
function monotonicityChecks(q: QueryInput, d: Decision, known: QueryInput, aux: Aux): (() => Promise<Finding | null>)[] {
  // A query's asOf may be a Date (QueryInput): the checks count in YYYY-MM-DD.
  const asOf = normalizeDates(q.asOf) as string;
  const records = recordsOf(known);
  const target = records.length ? aux.target % records.length : -1;
  return [
    async () => {
      for (const r of d.reasons) {
        if (r.mitigation && sev(r.verdict) > sev(r.mitigation.before)) {
          return {
            invariant: 'monotonicity',
            variant: 'mitigation-raises',
            message: txt(`减免使规则 ${r.rule} 的结论从 ${r.mitigation.before} 升为 ${r.verdict}`, `mitigation raised rule ${r.rule} from ${r.mitigation.before} to ${r.verdict}`),
          };
        }
      }
      return null;
    },
    async () => {
      const v = addRecord(q, addedRecord(aux.added, freshId(q), asOf));
      const dv = await evaluate(v);
      return sev(dv.verdict) < sev(d.verdict)
        ? {
            invariant: 'monotonicity',
            variant: 'added-record',
            variantQuery: v,
            message: txt(`增加一条记录后结论从 ${d.verdict} 降为 ${dv.verdict}`, `adding a record lowered the verdict from ${d.verdict} to ${dv.verdict}`),
          }
        : null;
    },
    ...(['revoked', 'exempt', 'lighter'] as const).map((kind) => async (): Promise<Finding | null> => {
      if (target < 0) return null;
      const v = kind === 'revoked' ? revoked(known, target, asOf) : mitigated(known, target, asOf, kind);
      if (!v) return null;
      const dv = await evaluate(v);
      if (sev(dv.verdict) <= sev(d.verdict)) return null;
      const what = { revoked: ['撤销', 'revoking'], exempt: ['免于（减免）', 'exempting'], lighter: ['从轻', 'a lighter decision on'] }[kind];
      return {
        invariant: 'monotonicity',
        variant: kind,
        variantQuery: v,
        message: txt(
          `${what[0]}记录 ${records[target]!.id} 后结论从 ${d.verdict} 升为 ${dv.verdict}`,
          `${what[1]} record ${records[target]!.id} raised the verdict from ${d.verdict} to ${dv.verdict}`,
        ),
      };
    }),
  ];
}
