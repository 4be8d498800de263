// Every word on the page in zh-CN (default) and English. Ids of the library's closed sets (verdicts,
// actions, event types, statuses, policy options, input fields …) are named by the library's own
// label tables (labelOf), the same words explain() and the CLI print; only the page's own sentences
// are written here. An id no table knows is shown as it is, never dropped.
import { labelOf, type LabelGroup, type Locale, type LocalizedText } from 'gov-credit-rules';

export type { Locale };

let current: Locale = 'zh-CN';
export const locale = (): Locale => current;
export function setLocale(l: Locale): void {
  current = l;
  if (typeof document !== 'undefined') document.documentElement.lang = l;
}

/** Text in the current locale. */
export const t = (zh: string, en: string): string => (current === 'zh-CN' ? zh : en);
/** A library message in the current locale. */
export const tx = (text: LocalizedText | undefined | null): string => (text ? text[current] : '');
/** The list separator of the locale. */
export const sep = (): string => t('、', ', ');

/** The label of an id in one of the library's label groups. */
export const label = (group: LabelGroup, value: string): string => labelOf(group, value, current);

/** Where the values of an input field are named (the first group that knows a value names it). */
const VALUE_GROUPS: Record<string, LabelGroup[]> = {
  sanction: ['sanction'],
  measures: ['measure'],
  channel: ['channel'],
  outcome: ['objectionOutcome', 'investigationOutcome', 'mitigation'],
  level: ['honourLevel'],
  type: ['eventType'],
  publicServiceRole: ['publicServiceRole'],
  organ: ['organ'],
  severity: ['severity'],
  organisationalMeasure: ['organisationalMeasure'],
  // A mitigation decision's measures (the actions it covers) and the lighter measure it names (a verdict).
  actions: ['action'],
  lighterTo: ['verdict'],
};

/** The label of a value of a named field (`sanction`, `channel`, record `kind` …). */
export function valueLabel(field: string, value: string, context: 'subject' | 'record' | 'event' = 'record'): string {
  if (field === 'kind') return label(context === 'subject' ? 'subjectKind' : 'recordKind', value);
  for (const group of VALUE_GROUPS[field] ?? []) {
    const l = labelOf(group, value, current);
    if (l !== value) return l;
  }
  return value;
}

export const fieldLabel = (field: string): string => label('field', field);

/** A path into the subject in words: 失信记录第 1 条 › 后续事件第 2 条 › 日期. */
export function pathLabel(path: readonly (string | number)[]): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === 'number' && parts.length) parts[parts.length - 1] += t(`第 ${p + 1} 条`, ` #${p + 1}`);
    else parts.push(typeof p === 'number' ? t(`第 ${p + 1} 条`, `#${p + 1}`) : fieldLabel(p));
  }
  return parts.length ? parts.join(' › ') : t('对象', 'the subject');
}
