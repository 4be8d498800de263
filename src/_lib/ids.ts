/**
 * Characters an identifier may not contain: C0 controls, DEL and C1 controls (they break lines and
 * terminals), and the bidirectional-text controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069),
 * which can make one id look like another in a report (U+202E reverses what follows it).
 */
export const UNSAFE_ID_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ID_CHARS_ALL = new RegExp(UNSAFE_ID_CHARS.source, 'g');

/** `U+XXXX` of a character. */
export function codePointName(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `s` with every character of UNSAFE_ID_CHARS written as `\uXXXX`, so that a message can show it safely. */
export function visibleId(s: string): string {
  return s.replace(UNSAFE_ID_CHARS_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
