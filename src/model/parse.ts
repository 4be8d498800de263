import { copyPlainData, deepFreeze, type PlainIssue } from '../_lib/plain.js';
import { ConfidentialRecordError, InvalidInputError, InvalidPackError, issue, type Issue } from './errors.js';
import { PackSchema, type Pack } from './pack.js';
import type { Query } from './query.js';
import type { Subject } from './subject.js';
import { packsValidated, plainIssues, run, validateQuery, validateSubject } from './_internal/validate.js';
import { queryFieldIssues } from './_internal/queryChecks.js';

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
  const r = validateSubject(input);
  if (!r.ok) throw new InvalidInputError(r.issues);
  refuseConfidential(r.value, []);
  return r.value;
}

/** Validates a query: shape, dates, action applicable to the subject, assessment year where needed. */
export function parseQuery(input: unknown): Query {
  const r = validateQuery(input);
  if (!r.ok) {
    // A pack given inline (an object) is reported as a pack problem; a missing or mistyped `pack`
    // is the query's own (InvalidInputError, 缺少规则包).
    const inline = input !== null && typeof input === 'object' && (input as { pack?: unknown }).pack;
    const packIssues = r.issues.filter((i) => i.path[0] === 'pack');
    if (inline !== null && typeof inline === 'object' && packIssues.length && packIssues.length === r.issues.length) throw new InvalidPackError(r.issues);
    throw new InvalidInputError(r.issues);
  }
  const q = r.value;
  const issues = queryFieldIssues(q);
  if (issues.length) throw new InvalidInputError(issues);
  refuseConfidential(q.subject, ['subject']);
  return q;
}

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
