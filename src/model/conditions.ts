import * as z from 'zod';
import { isForbiddenKey } from '../_lib/plain.js';
import type { Issue } from './errors.js';
import { issue } from './errors.js';
import { PACK_LIMITS } from './limits.js';

// Conditions are json-rules-engine's condition format, restricted to what can be checked and compiled:
// facts `record`, `subject`, `query`; plain dotted paths onto known fields; the operators of
// conditionTerms.ts; literal values. Anything else in a pack is refused at load.
export { FACT_NAMES, FACTS, OPERATORS, type FactName, type Operator } from './conditionTerms.js';
import { FACT_NAMES, FACTS, OPERATORS, type FactName, type FieldSpec, type Operator } from './conditionTerms.js';

export type Literal = string | number | boolean | null;
export type { AllConditions, AnyCondition, Condition, LeafCondition, NotCondition, TopLevelCondition } from './types.generated.js';
import type { AllConditions, AnyCondition, Condition, NotCondition, TopLevelCondition } from './types.generated.js';

const DOTTED_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const MAX_DEPTH = PACK_LIMITS.conditionDepth;
const MAX_LEAVES = PACK_LIMITS.conditionsPerRule;
const MAX_VALUES = PACK_LIMITS.valuesPerCondition;

const LiteralSchema = z.union([z.string().max(100), z.number(), z.boolean(), z.null()]);

/** Every condition inside holds (AND). */
const AllConditionsSchema: z.ZodType<AllConditions> = z.lazy(() =>
  z.strictObject({
    /** The conditions that must all hold. */
    all: z.array(ConditionSchema),
  }),
);
/** At least one condition inside holds (OR). */
const AnyConditionSchema: z.ZodType<AnyCondition> = z.lazy(() =>
  z.strictObject({
    /** The conditions of which one must hold. */
    any: z.array(ConditionSchema),
  }),
);
/** The condition inside does not hold. */
const NotConditionSchema: z.ZodType<NotCondition> = z.lazy(() =>
  z.strictObject({
    /** The condition that must not hold. */
    not: ConditionSchema,
  }),
);
/** One test of a fact's field against a literal, as json-rules-engine writes it. */
const LeafConditionSchema = z.strictObject({
  /** What the rule reads: `record` (each record, for record-scope rules), `subject` or `query`; the fields are FACTS. */
  fact: z.enum(FACT_NAMES as [FactName, ...FactName[]]),
  /** The field of the fact, as a plain dotted path (`kind`, `sanction`): never JSONPath, which could run script. */
  path: z.string().optional(),
  /** How the field is compared with `value`. */
  operator: z.enum(OPERATORS),
  /** A literal, or a list of at most 50 literals for `in` and `notIn` (PACK_LIMITS.valuesPerCondition). */
  value: z.union([LiteralSchema, z.array(LiteralSchema).max(MAX_VALUES)]),
});

/** Structural schema of a condition, used for typing and JSON Schema; load-time checking is `checkConditions`. */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() => z.union([LeafConditionSchema, AllConditionsSchema, AnyConditionSchema, NotConditionSchema]));
/** A rule's conditions: at the top, always `all`, `any` or `not`. */
export const TopLevelConditionSchema: z.ZodType<TopLevelCondition> = z.union([AllConditionsSchema, AnyConditionSchema, NotConditionSchema]);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isLiteral(v: unknown): v is Literal {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

/**
 * Checks a rule's conditions and returns every problem with its path below `base`
 * (e.g. `['rules', 3, 'conditions', 'all', 0, 'path']`). `scope` 'subject' rules may not read `record`.
 */
export function checkConditions(cond: unknown, base: (string | number)[], scope: 'record' | 'subject'): Issue[] {
  const issues: Issue[] = [];
  let leaves = 0;
  const visit = (c: unknown, path: (string | number)[], depth: number, top: boolean): void => {
    if (depth > MAX_DEPTH) {
      issues.push(issue(path, 'too_deep', `条件嵌套超过 ${MAX_DEPTH} 层`, `conditions nested deeper than ${MAX_DEPTH}`));
      return;
    }
    if (!isPlainObject(c)) {
      issues.push(issue(path, 'invalid_type', '条件应为对象', 'a condition must be an object'));
      return;
    }
    const keys = Object.keys(c);
    for (const k of keys) {
      if (isForbiddenKey(k)) {
        issues.push(issue([...path, k], 'forbidden_key', `不允许的键名 "${k}"`, `forbidden key "${k}"`));
        return;
      }
    }
    const boolKey = keys.find((k) => k === 'all' || k === 'any' || k === 'not');
    if (boolKey) {
      if (keys.length !== 1) {
        const extra = keys.filter((k) => k !== boolKey);
        issues.push(issue([...path, extra[0]!], 'unrecognized_keys', `多余的键：${extra.join('、')}`, `unexpected keys: ${extra.join(', ')}`));
        return;
      }
      const inner = c[boolKey];
      if (boolKey === 'not') {
        visit(inner, [...path, 'not'], depth + 1, false);
        return;
      }
      if (!Array.isArray(inner) || inner.length === 0) {
        issues.push(issue([...path, boolKey], 'invalid_type', `"${boolKey}" 应为非空数组`, `"${boolKey}" must be a non-empty array`));
        return;
      }
      inner.forEach((ci, i) => visit(ci, [...path, boolKey, i], depth + 1, false));
      return;
    }
    if (top) {
      issues.push(issue(path, 'invalid_top_level', '顶层条件须为 all、any 或 not', 'top-level conditions must be all, any or not'));
      return;
    }
    if ('condition' in c) {
      issues.push(issue([...path, 'condition'], 'unsupported', '不支持引用共享条件（condition）', 'shared condition references ("condition") are not supported'));
      return;
    }
    leaves++;
    if (leaves > MAX_LEAVES) {
      if (leaves === MAX_LEAVES + 1) issues.push(issue(path, 'too_many', `条件超过 ${MAX_LEAVES} 个`, `more than ${MAX_LEAVES} conditions`));
      return;
    }
    const allowed = new Set(['fact', 'path', 'operator', 'value']);
    for (const k of keys) {
      if (!allowed.has(k)) {
        const zh = k === 'params' ? '不支持事实参数（params）' : `未知的键 "${k}"`;
        const en = k === 'params' ? 'fact params are not supported' : `unknown key "${k}"`;
        issues.push(issue([...path, k], k === 'params' ? 'unsupported' : 'unrecognized_keys', zh, en));
      }
    }
    const fact = c.fact;
    if (typeof fact !== 'string' || !(fact in FACTS)) {
      issues.push(issue([...path, 'fact'], 'unknown_fact', `未知事实 "${String(fact)}"；可用：${FACT_NAMES.join('、')}`, `unknown fact "${String(fact)}"; known: ${FACT_NAMES.join(', ')}`));
      return;
    }
    if (scope === 'subject' && fact === 'record') {
      issues.push(issue([...path, 'fact'], 'wrong_scope', '主体范围的规则不能读取 record', 'a subject-scope rule cannot read the record fact'));
      return;
    }
    const p = c.path;
    if (typeof p !== 'string') {
      issues.push(issue([...path, 'path'], 'missing_path', '须用 path 指明字段', 'a path naming the field is required'));
      return;
    }
    const fieldName = p.startsWith('$.') ? null : p;
    if (fieldName === null || !DOTTED_PATH.test(fieldName)) {
      issues.push(issue([...path, 'path'], 'invalid_path', `path 须为简单点号路径（不支持 JSONPath）："${p}"`, `path must be a plain dotted path (no JSONPath): "${p}"`));
      return;
    }
    const fields = FACTS[fact as FactName] as Record<string, FieldSpec>;
    const spec = Object.prototype.hasOwnProperty.call(fields, fieldName) ? fields[fieldName] : undefined;
    if (!spec) {
      issues.push(issue([...path, 'path'], 'unknown_field', `事实 ${fact} 没有字段 "${p}"；可用：${Object.keys(fields).join('、')}`, `fact ${fact} has no field "${p}"; known: ${Object.keys(fields).join(', ')}`));
      return;
    }
    const op = c.operator;
    if (typeof op !== 'string' || !(OPERATORS as readonly string[]).includes(op)) {
      issues.push(issue([...path, 'operator'], 'unknown_operator', `未知运算符 "${String(op)}"`, `unknown operator "${String(op)}"; known: ${OPERATORS.join(', ')}`));
      return;
    }
    checkValue(op as Operator, spec, c.value, [...path, 'value'], issues);
  };
  visit(cond, base, 0, true);
  return issues;
}

function checkValue(op: Operator, spec: FieldSpec, value: unknown, path: (string | number)[], issues: Issue[]): void {
  const wantsArray = op === 'in' || op === 'notIn';
  const contains = op === 'contains' || op === 'doesNotContain';
  const numeric = op === 'lessThan' || op === 'lessThanInclusive' || op === 'greaterThan' || op === 'greaterThanInclusive';
  if (isPlainObject(value)) {
    issues.push(issue(path, 'unsupported', '值须为字面量（不支持引用其他事实）', 'value must be a literal (fact references are not supported)'));
    return;
  }
  if (wantsArray) {
    if (!Array.isArray(value) || value.length === 0 || !value.every(isLiteral)) {
      issues.push(issue(path, 'invalid_value', `运算符 ${op} 需要非空字面量数组`, `operator ${op} needs a non-empty array of literals`));
      return;
    }
    if (value.length > MAX_VALUES) {
      issues.push(issue(path, 'too_many', `运算符 ${op} 的取值超过 ${MAX_VALUES} 个`, `operator ${op} has more than ${MAX_VALUES} values`));
      return;
    }
    value.forEach((v, i) => checkScalar(spec, v, [...path, i], issues, false));
    return;
  }
  if (!isLiteral(value)) {
    issues.push(issue(path, 'invalid_value', '值须为字面量', 'value must be a literal'));
    return;
  }
  if (contains) {
    if (spec.type !== 'string[]') {
      issues.push(issue(path, 'invalid_operator', `运算符 ${op} 只能用于数组字段`, `operator ${op} applies to array fields only`));
      return;
    }
    checkScalar(spec, value, path, issues, false);
    return;
  }
  if (numeric) {
    if (spec.type !== 'number' || typeof value !== 'number') {
      issues.push(issue(path, 'invalid_operator', `运算符 ${op} 只能比较数字字段与数字`, `operator ${op} compares a number field with a number`));
    }
    return;
  }
  if (spec.type === 'string[]') {
    issues.push(issue(path, 'invalid_operator', `数组字段须用 contains / doesNotContain`, 'array fields take contains / doesNotContain'));
    return;
  }
  checkScalar(spec, value, path, issues, true);
}

function checkScalar(spec: FieldSpec, v: Literal, path: (string | number)[], issues: Issue[], allowNull: boolean): void {
  if (v === null) {
    if (!allowNull) issues.push(issue(path, 'invalid_value', '此处不能为 null', 'null is not allowed here'));
    return;
  }
  const base = spec.type === 'string[]' ? 'string' : spec.type;
  if (typeof v !== base) {
    issues.push(issue(path, 'invalid_type', `应为 ${base}`, `expected ${base}, received ${typeof v}`));
    return;
  }
  if (spec.values && typeof v === 'string' && !spec.values.includes(v)) {
    issues.push(issue(path, 'invalid_value', `未知取值 "${v}"；可用：${spec.values.join('、')}`, `unknown value "${v}"; known: ${spec.values.join(', ')}`));
  }
}
