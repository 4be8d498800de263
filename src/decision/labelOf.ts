import type { Locale } from '../model/errors.js';
import { label, type LabelGroup } from '../model/labels.js';

export type { LabelGroup };

/**
 * The words a person reads for an id of one of the library's closed sets: a verdict, an action, a
 * record kind, a sanction, an event type, a record's status, a deadline's kind or state, a policy
 * option, a field of the input model… The same tables explain(), the CLI and the playground use.
 *
 * @param group - the set: `verdict`, `action`, `subjectKind`, `recordKind`, `sanction`, `severity`,
 *   `measure`, `mitigation`, `obligation`, `publicServiceRole`, `eventType`, `recordStatus`,
 *   `deadlineKind`, `deadlineState`, `mitigationStatus`, `timelineCause`, `handledBy`, `channel`,
 *   `objectionOutcome`, `investigationOutcome`, `honourLevel`, `organ`, `verification`, `basis`,
 *   `noteSource`, `dayKind`, `policy` (an option by its key) or `field` (an input field by its name).
 * @param id - the id in that set.
 * @param locale - 'zh-CN' (default) or 'en'.
 * @returns the label; the id itself when the group has none for it (a value added later still shows).
 * @example
 * labelOf('eventType', 'sanction-revoked'); // '撤销处分决定'
 * labelOf('field', 'decidedOn', 'en'); // 'Decided on'
 */
export function labelOf(group: LabelGroup, id: string, locale: Locale = 'zh-CN'): string {
  return label(group, id, locale === 'en' ? 'en' : 'zh-CN');
}
