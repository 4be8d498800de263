import type * as z from 'zod';
import { copyPlainData, deepFreeze, MAX_INPUT_DEPTH, type PlainIssue } from '../_lib/plain.js';
import { FORBIDDEN_KEYS } from './common.js';
import { normalizeDates } from './date.js';
import { ConfidentialRecordError, InvalidInputError, InvalidPackError, issue, issuesFromZod, type Issue } from './errors.js';
import { ACTIONS_BY_SUBJECT, PackSchema, type Pack } from './pack.js';
import { QuerySchema, type Query } from './query.js';
import { SubjectSchema, type Subject } from './subject.js';
import { ANNUAL_REVIEW_ACTIONS, LABELS } from './vocabulary.js';

/**
 * Keys that could reach an object's prototype (`__proto__`, `constructor`, `prototype`) are
 * refused wherever they occur in untrusted input, before any schema sees it; so is nesting deeper
 * than MAX_INPUT_DEPTH (no valid input comes near it), which also stops a cyclic object.
 */
function forbiddenKeys(value: unknown, path: (string | number)[], out: Issue[], depth = 0): void {
  if (out.length >= 20 || value === null || typeof value !== 'object') return;
  if (depth >= MAX_INPUT_DEPTH) {
    out.push(tooDeep(path));
    return;
  }
  // `path` is one stack for the whole walk, copied only into an issue: every query passes through
  // here, so the walk must not allocate per node (the fast path decides ~10^4 queries a second).
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === null || typeof v !== 'object') continue;
      path.push(i);
      forbiddenKeys(v, path, out, depth + 1);
      path.pop();
    }
    return;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      out.push(issue([...path, key], 'forbidden_key', `不允许的键名 "${key}"`, `forbidden key "${key}"`));
      continue;
    }
    const v = (value as Record<string, unknown>)[key];
    if (v === null || typeof v !== 'object') continue;
    path.push(key);
    forbiddenKeys(v, path, out, depth + 1);
    path.pop();
  }
}

function tooDeep(path: (string | number)[]): Issue {
  return issue(
    [...path],
    'too_deep',
    `输入嵌套超过 ${MAX_INPUT_DEPTH} 层（或含有循环引用）`,
    `input nested deeper than ${MAX_INPUT_DEPTH} levels (or cyclic)`,
  );
}

/** The issues of `copyPlainData`, as library issues. */
function plainIssues(found: PlainIssue[], prefix: (string | number)[]): Issue[] {
  return found.map((f) =>
    f.code === 'too_deep'
      ? tooDeep([...prefix, ...f.path])
      : issue([...prefix, ...f.path], 'invalid_type', `应为 JSON 数据，收到 ${f.what}`, `expected JSON data, received ${f.what}`),
  );
}

function run<S extends z.ZodType>(schema: S, input: unknown, prefix: (string | number)[]): { ok: true; value: z.infer<S> } | { ok: false; issues: Issue[] } {
  const bad: Issue[] = [];
  forbiddenKeys(input, [...prefix], bad);
  if (bad.length) return { ok: false, issues: bad };
  const r = schema.safeParse(normalizeDates(input), { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, issues: issuesFromZod(r.error.issues, prefix) };
}

/** TH-6: confidential or prohibited information is refused before anything is evaluated. */
function refuseConfidential(subject: Subject, prefix: (string | number)[]): void {
  const issues: Issue[] = [];
  (subject.records ?? []).forEach((r, i) => {
    if (r.confidential) {
      issues.push(
        issue(
          [...prefix, 'records', i, 'confidential'],
          'confidential_record',
          `记录 ${r.id} 属于法律、法规规定应当保密或禁止采集的信息，不得采集和评价（TH-6）`,
          `record ${r.id} is information the law requires to be kept secret or forbids collecting; refused (TH-6)`,
        ),
      );
    }
  });
  if (issues.length) throw new ConfidentialRecordError(issues);
}

/**
 * Validates a subject. Throws `InvalidInputError` (with every problem and its path) or
 * `ConfidentialRecordError` (TH-6). `Date` values are read in Asia/Shanghai.
 */
export function parseSubject(input: unknown): Subject {
  const r = run(SubjectSchema, input, []);
  if (!r.ok) throw new InvalidInputError(r.issues);
  refuseConfidential(r.value, []);
  return r.value;
}

/** Validates a query: shape, dates, action applicable to the subject, assessment year where needed. */
export function parseQuery(input: unknown): Query {
  // A pack given inline is copied first, like one given to loadPack: the query holds its own.
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const inline = (input as { pack?: unknown }).pack;
    if (inline !== null && typeof inline === 'object' && !packsValidated.has(inline)) {
      const found: PlainIssue[] = [];
      const copy = copyPlainData(inline, found);
      if (found.length) throw new InvalidPackError(plainIssues(found, ['pack']));
      input = { ...input, pack: copy };
    }
  }
  const r = run(QuerySchema, input, []);
  if (!r.ok) {
    // A pack given inline is reported as a pack problem.
    const packIssues = r.issues.filter((i) => i.path[0] === 'pack');
    if (packIssues.length && packIssues.length === r.issues.length) throw new InvalidPackError(r.issues);
    throw new InvalidInputError(r.issues);
  }
  const q = r.value;
  const issues: Issue[] = [];
  const allowed = ACTIONS_BY_SUBJECT[q.subject.kind];
  if (!allowed.includes(q.action)) {
    const kind = LABELS.subjectKind[q.subject.kind];
    issues.push(
      issue(
        ['action'],
        'not_applicable',
        `事项"${LABELS.action[q.action]['zh-CN']}"不适用于${kind['zh-CN']}；可用：${allowed.join('、')}`,
        `action ${q.action} does not apply to a ${kind.en}; applicable: ${allowed.join(', ')}`,
      ),
    );
  }
  if (ANNUAL_REVIEW_ACTIONS.includes(q.action) && q.assessmentYear === undefined) {
    issues.push(issue(['assessmentYear'], 'required', '年度考核事项须注明考核年度', `action ${q.action} needs assessmentYear`));
  }
  if (q.assessmentYear !== undefined && q.assessmentYear > Number(q.asOf.slice(0, 4))) {
    issues.push(issue(['assessmentYear'], 'invalid_value', '考核年度不能晚于查询日期所在年度', 'assessmentYear cannot be after the year of asOf'));
  }
  if (issues.length) throw new InvalidInputError(issues);
  refuseConfidential(q.subject, ['subject']);
  return q;
}

/** Packs this module validated and froze: nothing can have changed them since. */
const packsValidated = new WeakSet<object>();

/**
 * Validates a pack's shape and internal references (not its `extends`, which need the registry).
 * The input is copied first (changing it afterwards changes nothing) and the result is deep-frozen
 * (no holder of the pack can change it).
 */
export function parsePack(input: unknown): Pack {
  const found: PlainIssue[] = [];
  const copy = copyPlainData(input, found);
  if (found.length) throw new InvalidPackError(withPackName(input, plainIssues(found, [])));
  const r = run(PackSchema, copy, []);
  if (!r.ok) throw new InvalidPackError(withPackName(copy, r.issues));
  const pack = deepFreeze(r.value);
  packsValidated.add(pack);
  return pack;
}

/** Prefixes each issue with the pack id and, under `rules[i]`, the rule id, so the message alone names both. */
function withPackName(input: unknown, issues: Issue[]): Issue[] {
  const obj = input && typeof input === 'object' ? (input as { id?: unknown; rules?: unknown }) : {};
  const id = typeof obj.id === 'string' ? obj.id : '?';
  const rules = Array.isArray(obj.rules) ? obj.rules : [];
  return issues.map((i) => {
    let ruleId: string | null = null;
    if (i.path[0] === 'rules' && typeof i.path[1] === 'number') {
      const rule = rules[i.path[1]] as { id?: unknown } | undefined;
      ruleId = rule && typeof rule.id === 'string' ? rule.id : `#${i.path[1]}`;
    }
    const already = ruleId !== null && i.message.en.startsWith(`rule ${ruleId}`);
    const zhRule = ruleId && !already ? `规则 ${ruleId}：` : '';
    const enRule = ruleId && !already ? `rule ${ruleId}: ` : '';
    return {
      ...i,
      message: { 'zh-CN': `规则包 ${id}：${zhRule}${i.message['zh-CN']}`, en: `pack ${id}: ${enRule}${i.message.en}` },
    };
  });
}
