import type { Locale, LocalizedText } from '../../model/errors.js';

export type { Locale, LocalizedText };

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** A message in both languages. */
export function L(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}

/** Picks a locale from `--locale`, else GOV_CREDIT_RULES_LOCALE, else zh-CN (the library's default). */
export function localeFrom(value: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale | null {
  const v = value ?? env.GOV_CREDIT_RULES_LOCALE;
  if (v === undefined || v === '') return 'zh-CN';
  const norm = v.toLowerCase().replace('_', '-');
  if (norm === 'zh-cn' || norm === 'zh') return 'zh-CN';
  if (norm === 'en' || norm.startsWith('en-')) return 'en';
  return null;
}

/** Thousands separators, the same in both locales (ASCII, so columns stay aligned). */
export function num(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
