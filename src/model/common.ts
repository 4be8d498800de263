import * as z from 'zod';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Identifiers chosen by hosts: printable, bounded. */
export const IdSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !/[\u0000-\u001f]/.test(s), {
      params: { zh: '标识不得包含控制字符', en: 'identifier must not contain control characters', code: 'invalid_id' },
  });

/** Free text from hosts, bounded so that untrusted input cannot balloon a decision. */
export const TextSchema = z.string().max(2000);

/** Host data the library carries but never reads. Keys that could pollute prototypes are refused. */
export const MetaSchema = z
  .record(z.string().max(200), z.unknown())
  .refine((m) => Object.keys(m).every((k) => !FORBIDDEN_KEYS.has(k)), {
      params: { zh: '不允许的键名（__proto__ 等）', en: 'forbidden key (__proto__ and the like)', code: 'forbidden_key' },
  });

/** A text in both languages the library ships. */
export const LocalizedTextSchema = z.strictObject({
  /** In Chinese (simplified), the default everywhere. */
  'zh-CN': z.string().min(1).max(4000),
  /** In English. */
  en: z.string().min(1).max(4000),
});

export { FORBIDDEN_KEYS };
