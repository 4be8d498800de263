import { issue, type Issue } from '../errors.js';
import { ACTIONS_BY_SUBJECT } from '../pack.js';
import type { Query } from '../query.js';
import { ANNUAL_REVIEW_ACTIONS, LABELS } from '../vocabulary.js';

/**
 * The checks across a valid-shaped query's fields: the action applies to the subject's kind; an
 * annual review carries its year, and no year is later than asOf's.
 */
export function queryFieldIssues(q: Query): Issue[] {
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
  return issues;
}

