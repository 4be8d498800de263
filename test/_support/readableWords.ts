/**
 * "What a person reads": the words in a text that a personnel officer should never see — a raw
 * field name, `null`, `undefined`, a code identifier, an id left untranslated, or (in Chinese) any
 * English word other than an id or a clause code. Used on the playground's visible text
 * (test/browser/readable.browser.ts) and on the library's own texts (test/decision/readableText.test.ts).
 *
 * What is known decides: ids (packs, rules, clauses, records, subjects) a person may read as they
 * are; the field names (keys of decisions, subjects and packs) and raw values (enum ids such as
 * `in-duty`, `library-default`) they must not.
 */
import { STATE_LABELS } from '../../src/model/labels.js';
import { LABELS, getPack, listPacks, type Decision } from '../../src/index.js';

export interface Seen {
  text: string;
  /** A short path to the element, for the failure message. */
  where: string;
  how: 'text' | 'tooltip' | 'option' | 'placeholder';
  /** Inside a verbatim quote of a source document (`data-verbatim`): the source's own pinyin annotations are its text. */
  verbatim?: boolean;
}

export interface Problem extends Seen {
  word: string;
  why: string;
  /** The page state it was seen in (set by the walker). */
  state?: string;
}

/** What the checker knows: ids a person may read as they are, and the field names and raw values they must not. */
export interface Known {
  ids: Set<string>;
  fieldNames: Set<string>;
  /** Enum values with a hyphen (`in-duty`, `library-default`, `objection-reply`…). */
  rawValues: Set<string>;
  /** Words of the library's own English labels (a raw value that is also a label's word is not flagged in English). */
  englishLabelWords: Set<string>;
}

/**
 * Latin words a Chinese page may show besides ids and clause codes: the product's name, the other
 * language's own name on the language switch, the JSON format's name (the subject editor edits JSON
 * text), and the date pattern an error message asks for.
 */
export const ALLOWED_IN_CHINESE = new Set(['gov-credit-rules', 'English', 'JSON', 'YYYY-MM-DD']);

/** Pinyin in parentheses, as the Guangdong source text carries it after some characters: 公務(wù)員. */
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;

/** Ids that are also ordinary English compounds (the civil-servant assessment rules), never flagged in English. */
const ENGLISH_COMPOUNDS = new Set(['civil-servant']);

const WORD = /[A-Za-z][A-Za-z0-9]*(?:[-_.~][A-Za-z0-9]+)*/g;
const RAW_VALUES = new Set(['null', 'undefined', 'NaN', 'true', 'false']);

/** The words of `seen` a person should not read, for the page's locale. */
export function readingProblems(seen: Seen[], locale: 'zh-CN' | 'en', known: Known): Problem[] {
  const out: Problem[] = [];
  for (const s of seen) {
    if (s.text.includes('[object Object]')) out.push({ ...s, word: '[object Object]', why: 'an object printed as text' });
    const text = s.verbatim ? s.text.replace(PINYIN, '') : s.text;
    const trimmed = text.trim();
    for (const m of text.matchAll(WORD)) {
      const word = m[0].replace(/\.+$/, '');
      if (known.ids.has(word)) continue;
      let why: string | null = null;
      if (RAW_VALUES.has(word)) why = 'a raw value';
      else if (known.fieldNames.has(word) && ((trimmed === word && !known.englishLabelWords.has(word)) || /[a-z][A-Z]/.test(word))) why = 'a raw field name';
      else if (/[a-z][A-Z]/.test(word)) why = 'a code identifier';
      else if (locale === 'zh-CN' && !ALLOWED_IN_CHINESE.has(word)) why = 'an English word in the Chinese page';
      else if (locale === 'en' && known.rawValues.has(word) && !known.englishLabelWords.has(word) && !ENGLISH_COMPOUNDS.has(word)) why = 'an untranslated id';
      if (why) out.push({ ...s, word, why });
    }
  }
  return out;
}

/** One line per distinct (word, element, kind of text), with how many page states showed it and the first. */
export function describeProblems(problems: Problem[], limit = 120): string {
  const groups = new Map<string, { p: Problem; states: Set<string> }>();
  for (const p of problems) {
    const key = `${p.word}|${p.where}|${p.how}`;
    const g = groups.get(key) ?? { p, states: new Set<string>() };
    g.states.add(p.state ?? '');
    groups.set(key, g);
  }
  const lines = [...groups.values()].map(({ p, states }) => {
    const text = p.text.trim().replace(/\s+/g, ' ');
    return `${p.why}: «${p.word}» in «${text.length > 90 ? `${text.slice(0, 90)}…` : text}» (${p.how}, ${p.where}; ${states.size} state${states.size > 1 ? 's' : ''}, first: ${p.state ?? ''})`;
  });
  const more = lines.length > limit ? [`… and ${lines.length - limit} more`] : [];
  return [...lines.slice(0, limit), ...more].join('\n');
}

function collect(value: unknown, visit: (key: string, v: unknown) => void): void {
  if (Array.isArray(value)) value.forEach((v) => collect(v, visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      visit(k, v);
      collect(v, visit);
    }
  }
}

const KEBAB = /^[a-z]+(-[a-z]+)+$/;

/**
 * What is known, from the shipped packs (ids of packs, rules, clauses; their keys and enum values),
 * the subjects shown (ids of subjects and records, and host data named by id: file references,
 * bodies), the decisions (their keys, enum values, record ids) and the library's label tables.
 */
export function knownWords(decisions: Decision[], subjects: unknown[]): Known {
  const ids = new Set<string>();
  const fieldNames = new Set<string>();
  const rawValues = new Set<string>();
  for (const p of listPacks()) {
    const pack = getPack(p.id);
    ids.add(pack.id);
    for (const c of pack.clauses) ids.add(c.id);
    for (const r of pack.rules) ids.add(r.id);
  }
  for (const p of listPacks()) {
    collect(getPack(p.id), (k, v) => {
      fieldNames.add(k);
      if (typeof v === 'string' && KEBAB.test(v) && !ids.has(v)) rawValues.add(v);
    });
  }
  for (const subject of subjects) {
    collect(subject, (k, v) => {
      fieldNames.add(k);
      if (typeof v === 'string' && ['id', 'ref', 'determinedBy', 'reportingBody', 'by', 'principal', 'responsiblePerson', 'sanctionRecord'].includes(k)) ids.add(v);
    });
  }
  for (const d of decisions) {
    collect(d, (k, v) => {
      fieldNames.add(k);
      if (k === 'records' && Array.isArray(v)) for (const r of v) if (typeof r === 'string') ids.add(r);
      if ((k === 'id' || k === 'record') && typeof v === 'string') ids.add(v);
    });
    collect(d, (_k, v) => {
      if (typeof v === 'string' && KEBAB.test(v) && !ids.has(v)) rawValues.add(v);
    });
  }
  const groups = Object.values({ ...LABELS, ...STATE_LABELS }) as Record<string, { en: string }>[];
  for (const group of groups) for (const id of Object.keys(group)) if (KEBAB.test(id)) rawValues.add(id);
  const englishLabelWords = new Set<string>();
  for (const group of groups) for (const text of Object.values(group)) for (const w of text.en.split(/[\s,;()]+/)) englishLabelWords.add(w);
  return { ids, fieldNames, rawValues, englishLabelWords };
}
