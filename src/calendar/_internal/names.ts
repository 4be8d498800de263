import type { LocalizedText } from '../../model/errors.js';

/**
 * Bilingual holiday names. The official data carries both languages ("Spring Festival,春节,4");
 * host data usually carries one, so known names are completed from this table.
 */
const KNOWN: LocalizedText[] = [
  { 'zh-CN': '元旦', en: "New Year's Day" },
  { 'zh-CN': '春节', en: 'Spring Festival' },
  { 'zh-CN': '清明', en: 'Tomb-sweeping Day' },
  { 'zh-CN': '清明节', en: 'Tomb-sweeping Day' },
  { 'zh-CN': '劳动节', en: 'Labour Day' },
  { 'zh-CN': '端午', en: 'Dragon Boat Festival' },
  { 'zh-CN': '端午节', en: 'Dragon Boat Festival' },
  { 'zh-CN': '中秋', en: 'Mid-autumn Festival' },
  { 'zh-CN': '中秋节', en: 'Mid-autumn Festival' },
  { 'zh-CN': '国庆节', en: 'National Day' },
  { 'zh-CN': '壮族三月三', en: 'Zhuang Sanyuesan Festival' },
  { 'zh-CN': '三月三', en: 'Sanyuesan Festival' },
];

const byZh = new Map<string, string>();
const byEn = new Map<string, string>();
for (const k of KNOWN) {
  if (!byZh.has(k['zh-CN'])) byZh.set(k['zh-CN'], k.en);
  if (!byEn.has(k.en.toLowerCase())) byEn.set(k.en.toLowerCase(), k['zh-CN']);
}

/** Adds a name seen in the official data to the table (first spelling wins). */
export function learnName(name: LocalizedText): void {
  if (!byZh.has(name['zh-CN'])) byZh.set(name['zh-CN'], name.en);
  if (!byEn.has(name.en.toLowerCase())) byEn.set(name.en.toLowerCase(), name['zh-CN']);
}

const HAN = /[\u3400-\u9fff]/;

/** A host-supplied name as bilingual text: a known name gets its other language, an unknown one is used for both. */
export function localizeName(name: string | LocalizedText | undefined, fallback: LocalizedText): LocalizedText {
  if (name === undefined) return fallback;
  if (typeof name !== 'string') return { 'zh-CN': name['zh-CN'], en: name.en };
  if (HAN.test(name)) return { 'zh-CN': name, en: byZh.get(name) ?? name };
  return { 'zh-CN': byEn.get(name.toLowerCase()) ?? name, en: name };
}

export const GENERIC_HOLIDAY: LocalizedText = { 'zh-CN': '法定节假日', en: 'public holiday' };
export const GENERIC_REGIONAL_HOLIDAY: LocalizedText = { 'zh-CN': '地方节假日', en: 'regional holiday' };
