import { coverageAdvice } from '../../calendar/CalendarCoverageError.js';
import { statutoryCoverageAdvice } from '../../calendar/_internal/statutory/advice.js';
import type { Note } from '../../model/decision.js';
import type { Locale, LocalizedText } from '../../model/errors.js';

/**
 * A calendar-coverage note (a deadline that needs a year without a holiday schedule) with the
 * library's advice — its options, for a host's developers — replaced by `advice` in the reader's
 * own terms: plain words in explain(), flags and files on the command line, a choice on a page.
 */
export function coverageNoteText(n: Note, locale: Locale, advice: (year: number | undefined, statutoryFrom: number | undefined) => LocalizedText): string {
  const v = (n.value ?? {}) as { year?: number; statutoryFrom?: number };
  const own = (v.statutoryFrom === undefined ? coverageAdvice() : statutoryCoverageAdvice(v.statutoryFrom))[locale];
  const hint = advice(v.year, v.statutoryFrom)[locale];
  const text = n.message[locale];
  return text.includes(own) ? text.replace(own, locale === 'en' ? `${hint[0]!.toUpperCase()}${hint.slice(1)}.` : `${hint}。`) : `${text}${locale === 'en' ? ' ' : ''}${hint}`;
}

/** What an officer can do, in plain words (explain()). */
export function plainCoverageAdvice(year: number | undefined, statutoryFrom: number | undefined): LocalizedText {
  const which = year === undefined ? { zh: '该年', en: "that year's" } : { zh: `${year} 年`, en: `the ${year}` };
  return statutoryFrom === undefined
    ? { 'zh-CN': `请添加${which.zh}的节假日安排，或选择按法定节假日或只按周末暂算（结果标为暂定）`, en: `add ${which.en} holiday schedule, or choose to count the statutory holidays or weekends only for now (flagged provisional)` }
    : { 'zh-CN': `请添加${which.zh}的节假日安排，或选择只按周末暂算（结果标为暂定）`, en: `add ${which.en} holiday schedule, or choose to count weekends only for now (flagged provisional)` };
}
