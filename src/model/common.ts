import * as z from 'zod';
import { codePointName, UNSAFE_ID_CHARS, visibleId } from '../_lib/ids.js';
import { isForbiddenKey } from '../_lib/plain.js';
import { PACK_LIMITS } from './limits.js';
import { ACCEPTED, refinedBy, type Refusal } from './_internal/refine.js';

/** An identifier's refusals: control and bidirectional-text control characters (invalid_id). */
function idRefusals(s: string): readonly Refusal[] {
  const m = UNSAFE_ID_CHARS.exec(s);
  if (!m) return ACCEPTED;
  const code = codePointName(m[0]);
  return [
    {
      code: 'invalid_id',
      zh: `标识不得包含控制字符或双向文本控制字符：第 ${m.index + 1} 个字符为 ${code}（"${visibleId(s)}"）`,
      en: `an identifier must not contain control or bidirectional-text control characters: character ${m.index + 1} is ${code} ("${visibleId(s)}")`,
    },
  ];
}

/** Identifiers chosen by hosts: printable, no bidirectional controls, bounded. */
export const IdSchema = refinedBy(z.string().min(1).max(200), idRefusals);

/** Free text from hosts, bounded so that untrusted input cannot balloon a decision. */
export const TextSchema = z.string().max(2000);

const FORBIDDEN_KEY_IN_META: readonly Refusal[] = Object.freeze([
  { code: 'forbidden_key', zh: '不允许的键名（__proto__ 等）', en: 'forbidden key (__proto__ and the like)' },
]);

/** Host data's refusals: keys that could pollute prototypes. */
function metaRefusals(m: Record<string, unknown>): readonly Refusal[] {
  for (const k of Object.keys(m)) if (isForbiddenKey(k)) return FORBIDDEN_KEY_IN_META;
  return ACCEPTED;
}

/** Host data the library carries but never reads. Keys that could pollute prototypes are refused. */
export const MetaSchema = refinedBy(z.record(z.string().max(200), z.unknown()), metaRefusals);

/** A text in both languages the library ships: at most 4,000 characters in each (PACK_LIMITS.textLength). */
export const LocalizedTextSchema = z.strictObject({
  /** In Chinese (simplified), the default everywhere. */
  'zh-CN': z.string().min(1).max(PACK_LIMITS.textLength),
  /** In English. */
  en: z.string().min(1).max(PACK_LIMITS.textLength),
});
