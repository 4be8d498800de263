import { InvalidPackError, issue, type Issue } from '../../model/errors.js';
import { isForbiddenKey } from '../../_lib/plain.js';
import type { QueryFacts, RecordFacts, SubjectFacts } from '../../model/facts.js';
import type { OwnedRule } from './resolve.js';

/**
 * A rule's conditions compiled to a synchronous predicate over the three facts. For a
 * subject-scope rule `record` is an empty object, exactly as the json-rules-engine runner passes it.
 */
export type CompiledCondition = (record: RecordFacts | Record<string, never>, subject: SubjectFacts, query: QueryFacts) => boolean;

type Node = (record: object, subject: object, query: object) => boolean;
type Read = (record: object, subject: object, query: object) => unknown;
type Path = (string | number)[];

/**
 * The operators the compiler handles, each with json-rules-engine 7.3.1's own callback and
 * fact-value validator (`engine-default-operators.js`), so that a compiled condition answers what
 * the engine answers for every fact value, not just for the values the packs expect.
 */
const numberValidator = (factValue: unknown): boolean => Number.parseFloat(factValue as string).toString() !== 'NaN';
const OPERATOR_IMPL: Record<string, { cb: (a: any, b: any) => boolean; valid?: (a: unknown) => boolean; arrayValue?: boolean }> = {
  equal: { cb: (a, b) => a === b },
  notEqual: { cb: (a, b) => a !== b },
  in: { cb: (a, b: unknown[]) => b.indexOf(a) > -1, arrayValue: true },
  notIn: { cb: (a, b: unknown[]) => b.indexOf(a) === -1, arrayValue: true },
  contains: { cb: (a: unknown[], b) => a.indexOf(b) > -1, valid: Array.isArray },
  doesNotContain: { cb: (a: unknown[], b) => a.indexOf(b) === -1, valid: Array.isArray },
  lessThan: { cb: (a, b) => a < b, valid: numberValidator },
  lessThanInclusive: { cb: (a, b) => a <= b, valid: numberValidator },
  greaterThan: { cb: (a, b) => a > b, valid: numberValidator },
  greaterThanInclusive: { cb: (a, b) => a >= b, valid: numberValidator },
};
const FACT_INDEX: Record<string, 0 | 1 | 2> = { record: 0, subject: 1, query: 2 };
const DOTTED_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const MAX_DEPTH = 32;

/** Thrown inside the compiler for a construct it does not handle; becomes an issue. */
class Refusal {
  constructor(
    readonly path: Path,
    readonly zh: string,
    readonly en: string,
  ) {}
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isLiteral(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Readers for the fields the engine computes, one function per field, so that each is a named
 * property load V8 can keep monomorphic (measured about twice as fast per condition as one shared
 * reader that sees every key). On the plain objects the engine builds, a named load of a name
 * `Object.prototype` does not carry is exactly the own-property read of `resolveDottedPath`.
 */
const READERS: Record<'record' | 'subject' | 'query', Record<string, Read>> = {
  record: {
    kind: (r) => (r as RecordFacts).kind,
    sanction: (r) => (r as RecordFacts).sanction,
    isIntegrityRecord: (r) => (r as RecordFacts).isIntegrityRecord,
    inEffectOnAsOf: (r) => (r as RecordFacts).inEffectOnAsOf,
    inSanctionPeriod: (r) => (r as RecordFacts).inSanctionPeriod,
    sanctionedInAssessmentYear: (r) => (r as RecordFacts).sanctionedInAssessmentYear,
    sanctionSpansAssessmentYear: (r) => (r as RecordFacts).sanctionSpansAssessmentYear,
    decidedInAssessmentYear: (r) => (r as RecordFacts).decidedInAssessmentYear,
    rectificationOrdered: (r) => (r as RecordFacts).rectificationOrdered,
    derived: (r) => (r as RecordFacts).derived,
    objectionPending: (r) => (r as RecordFacts).objectionPending,
    investigationOpen: (r) => (r as RecordFacts).investigationOpen,
    investigationOutcome: (r) => (r as RecordFacts).investigationOutcome,
    ungradedForAssessmentYear: (r) => (r as RecordFacts).ungradedForAssessmentYear,
    decisionInEffect: (r) => (r as RecordFacts).decisionInEffect,
    yearsAfterDecision: (r) => (r as RecordFacts).yearsAfterDecision,
    organisationalMeasure: (r) => (r as RecordFacts).organisationalMeasure,
    sanctionLiftsByAssessmentYear: (r) => (r as RecordFacts).sanctionLiftsByAssessmentYear,
  },
  subject: {
    kind: (_r, s) => (s as SubjectFacts).kind,
    isPerson: (_r, s) => (s as SubjectFacts).isPerson,
    isBody: (_r, s) => (s as SubjectFacts).isBody,
    coveredByCivilServantLaw: (_r, s) => (s as SubjectFacts).coveredByCivilServantLaw,
    publicServiceRole: (_r, s) => (s as SubjectFacts).publicServiceRole,
    administrativeOrgan: (_r, s) => (s as SubjectFacts).administrativeOrgan,
    hasCreditFile: (_r, s) => (s as SubjectFacts).hasCreditFile,
    countedRecords: (_r, s) => (s as SubjectFacts).countedRecords,
    countedAdverseRecords: (_r, s) => (s as SubjectFacts).countedAdverseRecords,
    honourLevels: (_r, s) => (s as SubjectFacts).honourLevels,
  },
  query: {
    action: (_r, _s, q) => (q as QueryFacts).action,
    assessmentYear: (_r, _s, q) => (q as QueryFacts).assessmentYear,
    assessmentReading: (_r, _s, q) => (q as QueryFacts).assessmentReading,
  },
};

/**
 * Reads a dotted path the way `resolveDottedPath` (the engine's path resolver) does: own
 * properties only, undefined as soon as a step is not an object.
 */
function compileRead(fact: 'record' | 'subject' | 'query', path: string): Read {
  if (hasOwn.call(READERS[fact], path) && !(path in Object.prototype)) return READERS[fact][path]!;
  const keys = path.split('.');
  const factIndex = FACT_INDEX[fact]!;
  return (r, s, q) => {
    let cur: unknown = factIndex === 0 ? r : factIndex === 1 ? s : q;
    for (const key of keys) {
      if (cur === null || typeof cur !== 'object' || !hasOwn.call(cur, key)) return undefined;
      cur = (cur as Record<string, unknown>)[key];
    }
    return cur;
  };
}

/**
 * A leaf as a closure: one function literal per operator, so that each comparison site sees one
 * operator. Each is json-rules-engine's callback behind its validator (OPERATOR_IMPL), inlined.
 */
function leafPredicate(op: string, read: Read, v: unknown): Node {
  switch (op) {
    case 'equal':
      return (r, s, q) => read(r, s, q) === v;
    case 'notEqual':
      return (r, s, q) => read(r, s, q) !== v;
    case 'in': {
      const list = v as unknown[];
      return (r, s, q) => list.indexOf(read(r, s, q)) > -1;
    }
    case 'notIn': {
      const list = v as unknown[];
      return (r, s, q) => list.indexOf(read(r, s, q)) === -1;
    }
    case 'contains':
      return (r, s, q) => {
        const a = read(r, s, q);
        return Array.isArray(a) && a.indexOf(v) > -1;
      };
    case 'doesNotContain':
      return (r, s, q) => {
        const a = read(r, s, q);
        return Array.isArray(a) && a.indexOf(v) === -1;
      };
    case 'lessThan':
      return (r, s, q) => {
        const a = read(r, s, q) as number;
        return numberValidator(a) && a < (v as number);
      };
    case 'lessThanInclusive':
      return (r, s, q) => {
        const a = read(r, s, q) as number;
        return numberValidator(a) && a <= (v as number);
      };
    case 'greaterThan':
      return (r, s, q) => {
        const a = read(r, s, q) as number;
        return numberValidator(a) && a > (v as number);
      };
    case 'greaterThanInclusive':
      return (r, s, q) => {
        const a = read(r, s, q) as number;
        return numberValidator(a) && a >= (v as number);
      };
    default: {
      // Unreachable: the operator was checked against OPERATOR_IMPL. Kept generic, not silent.
      const { cb, valid } = OPERATOR_IMPL[op]!;
      return (r, s, q) => {
        const a = read(r, s, q);
        return (valid ? valid(a) : true) && cb(a, v);
      };
    }
  }
}

function compileLeaf(c: Record<string, unknown>, path: Path, scope: 'record' | 'subject'): Node {
  for (const k of Object.keys(c)) {
    if (k === 'fact' || k === 'path' || k === 'operator' || k === 'value') continue;
    if (k === 'params') throw new Refusal([...path, k], '事实参数（params）', 'fact params ("params")');
    if (k === 'condition') throw new Refusal([...path, k], '共享条件引用（condition）', 'a shared condition reference ("condition")');
    throw new Refusal([...path, k], `条件键 "${k}"`, `the condition key "${k}"`);
  }
  const fact = c.fact;
  if (typeof fact !== 'string' || !hasOwn.call(FACT_INDEX, fact)) {
    throw new Refusal([...path, 'fact'], `事实 "${String(fact)}"（只支持 record、subject、query）`, `the fact "${String(fact)}" (only record, subject and query)`);
  }
  if (scope === 'subject' && fact === 'record') {
    throw new Refusal([...path, 'fact'], '主体范围规则读取 record', 'the record fact in a subject-scope rule');
  }
  const p = c.path;
  if (typeof p !== 'string') throw new Refusal([...path, 'path'], '缺少 path 的条件', 'a condition without a path (the whole fact)');
  if (!DOTTED_PATH.test(p)) {
    throw new Refusal([...path, 'path'], `非简单点号路径 "${p}"（如 JSONPath）`, `the path "${p}", which is not a plain dotted path (JSONPath?)`);
  }
  for (const key of p.split('.')) {
    if (isForbiddenKey(key)) throw new Refusal([...path, 'path'], `路径含不允许的键 "${key}"`, `the path "${p}" with the forbidden key "${key}"`);
  }
  const op = c.operator;
  if (typeof op !== 'string' || !hasOwn.call(OPERATOR_IMPL, op)) {
    const decorated = typeof op === 'string' && op.includes(':');
    throw new Refusal([...path, 'operator'], `运算符 "${String(op)}"`, decorated ? `the decorated operator "${op}"` : `the operator "${String(op)}"`);
  }
  const impl = OPERATOR_IMPL[op]!;
  const value = c.value;
  if (!hasOwn.call(c, 'value')) throw new Refusal([...path, 'value'], '缺少 value 的条件', 'a condition without a value');
  if (isPlainObject(value)) {
    throw new Refusal([...path, 'value'], '以事实引用作为值', 'a fact reference (or object) as the value');
  }
  if (Array.isArray(value)) {
    if (!impl.arrayValue) throw new Refusal([...path, 'value'], `运算符 ${op} 的数组值`, `an array value for ${op}`);
    if (!value.every(isLiteral)) throw new Refusal([...path, 'value'], '非字面量数组元素', 'a non-literal array element');
  } else {
    if (impl.arrayValue) throw new Refusal([...path, 'value'], `运算符 ${op} 的非数组值`, `a non-array value for ${op}`);
    if (!isLiteral(value)) throw new Refusal([...path, 'value'], '非字面量值', 'a non-literal value');
  }
  // A private copy: the predicate must not change if the caller later mutates the pack object.
  const v = Array.isArray(value) ? [...value] : value;
  return leafPredicate(op, compileRead(fact as 'record' | 'subject' | 'query', p), v);
}

function compileNode(c: unknown, path: Path, scope: 'record' | 'subject', depth: number, top: boolean): Node {
  if (depth > MAX_DEPTH) throw new Refusal(path, '嵌套过深', `nesting deeper than ${MAX_DEPTH}`);
  if (!isPlainObject(c)) throw new Refusal(path, '非对象条件', 'a condition that is not an object');
  const keys = Object.keys(c);
  const bool: string[] = keys.filter((k) => k === 'all' || k === 'any' || k === 'not');
  if (bool.length > 0) {
    const extra = keys.filter((k) => !bool.includes(k));
    if (bool.length > 1 || extra.length > 0) {
      const k = extra[0] ?? bool[1]!;
      throw new Refusal([...path, k], `"${bool[0]}" 旁的键 "${k}"`, `the key "${k}" beside "${bool[0]}"`);
    }
    const op = bool[0] as 'all' | 'any' | 'not';
    const inner = c[op];
    if (op === 'not') {
      if (Array.isArray(inner)) throw new Refusal([...path, 'not'], 'not 的数组值', '"not" with an array');
      const n = compileNode(inner, [...path, 'not'], scope, depth + 1, false);
      return (r, s, q) => !n(r, s, q);
    }
    if (!Array.isArray(inner)) throw new Refusal([...path, op], `${op} 的值不是数组`, `"${op}" without an array`);
    // json-rules-engine answers true for an empty "any": a trap, not a construct to reproduce.
    if (inner.length === 0) throw new Refusal([...path, op], `空的 ${op}`, `an empty "${op}"`);
    const nodes = inner.map((x, i) => compileNode(x, [...path, op, i], scope, depth + 1, false));
    if (nodes.length === 1) return nodes[0]!;
    if (op === 'all') {
      if (nodes.length === 2) {
        const [a, b] = nodes as [Node, Node];
        return (r, s, q) => a(r, s, q) && b(r, s, q);
      }
      return (r, s, q) => {
        for (let i = 0; i < nodes.length; i++) if (!nodes[i]!(r, s, q)) return false;
        return true;
      };
    }
    return (r, s, q) => {
      for (let i = 0; i < nodes.length; i++) if (nodes[i]!(r, s, q)) return true;
      return false;
    };
  }
  if (top) throw new Refusal(path, '顶层条件不是 all、any 或 not', 'a top-level condition that is not all, any or not');
  return compileLeaf(c, path, scope);
}

/**
 * Compiles one rule's conditions, or returns the issue that names the construct it cannot
 * compile, the rule and the pack. The constructs handled are exactly those of json-rules-engine
 * the packs may use: `all`/`any` (non-empty), `not`, and leaves `{ fact, path, operator, value }`
 * over the facts `record`, `subject`, `query` with plain dotted paths, the ten default operators,
 * and literal values. Everything else is refused — never evaluated differently.
 */
export function compileRule(owned: OwnedRule): { ok: true; predicate: CompiledCondition } | { ok: false; issue: Issue } {
  const { rule, pack } = owned;
  const ruleIndex = pack.rules.indexOf(rule);
  const base: Path = ['rules', ruleIndex >= 0 ? ruleIndex : rule.id, 'conditions'];
  try {
    const predicate = compileNode(rule.conditions, base, rule.scope === 'subject' ? 'subject' : 'record', 0, true);
    return { ok: true, predicate: predicate as CompiledCondition };
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    return {
      ok: false,
      issue: issue(
        e.path,
        'unsupported_construct',
        `规则包 ${pack.id}：规则 ${rule.id}：编译器不支持${e.zh}，拒绝加载（不会以不同语义执行）`,
        `pack ${pack.id}: rule ${rule.id}: the compiler does not handle ${e.en}; refused rather than evaluated differently`,
      ),
    };
  }
}

/**
 * Compiles every rule a resolved pack can evaluate (its own and its parents'), keyed by the
 * `OwnedRule` objects the engine hands to runners. Throws one `InvalidPackError` with an issue per
 * rule that uses a construct the compiler does not handle.
 */
export function compileRules(rules: readonly OwnedRule[]): Map<OwnedRule, CompiledCondition> {
  const out = new Map<OwnedRule, CompiledCondition>();
  const issues: Issue[] = [];
  for (const owned of rules) {
    const r = compileRule(owned);
    if (r.ok) out.set(owned, r.predicate);
    else issues.push(r.issue);
  }
  if (issues.length) throw new InvalidPackError(issues);
  return out;
}
