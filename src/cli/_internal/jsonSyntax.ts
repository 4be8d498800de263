/**
 * Where and why a text is not JSON, in both languages. `JSON.parse` only says it in English, in
 * wording that changes between Node versions and sometimes without a position; a person needs the
 * line, the column and what was expected there. Called only after `JSON.parse` has failed: it
 * re-reads the text with a small scanner (iterative, so hostile nesting cannot overflow the stack).
 */
import { visibleId } from '../../_lib/ids.js';
import { L, type LocalizedText } from './i18n.js';

type Expected = 'value' | 'key' | 'colon' | 'comma-or-brace' | 'comma-or-bracket' | 'end';

const EXPECTED: Record<Expected, LocalizedText> = {
  value: L('应为一个值（对象、数组、带双引号的文字、数字、true、false 或 null）', 'expected a value (an object, a list, text in double quotes, a number, true, false or null)'),
  key: L('应为带双引号的字段名', 'expected a field name in double quotes'),
  colon: L('字段名后应为冒号 :', 'expected a colon : after the field name'),
  'comma-or-brace': L('应为逗号 , 或右花括号 }', 'expected a comma , or a closing brace }'),
  'comma-or-bracket': L('应为逗号 , 或右方括号 ]', 'expected a comma , or a closing bracket ]'),
  end: L('JSON 已经结束，后面不应再有内容', 'the JSON has ended; nothing may follow it'),
};

/** What is wrong and at which character (an index into the text, in UTF-16 units). */
interface Found {
  at: number;
  what: LocalizedText;
}

const WS = new Set([' ', '\t', '\n', '\r']);

/** The first place where `text` stops being JSON, or null when it is JSON. */
export function firstJsonSyntaxError(text: string): Found | null {
  let i = 0;
  const n = text.length;
  const skip = () => {
    while (i < n && WS.has(text[i]!)) i++;
  };
  const ended = (): Found => ({ at: n, what: L('JSON 没有写完：在结尾处中断', 'the JSON stops before it is complete') });
  const unexpected = (exp: Expected): Found => (i >= n ? ended() : { at: i, what: EXPECTED[exp] });
  /** A string at i (text[i] === '"'): moves past it, or returns what is wrong. */
  const string = (): Found | null => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return { at: i, what: L('文字中不能直接换行或含控制字符（换行请写作 \\n）', 'a control character or line break inside text (write a line break as \\n)') };
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { at: i, what: L('\\u 后应为 4 位十六进制数', '\\u must be followed by 4 hex digits') };
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return { at: i, what: L('无效的转义符（可用 \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX）', 'an invalid escape (use \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)') };
        i += 2;
        continue;
      }
      i++;
    }
    return { at: start, what: L('文字缺少结尾的双引号', 'text without its closing double quote') };
  };
  /** A scalar at i (not an object, list or string): moves past it, or returns what is wrong. */
  const scalar = (): Found | null => {
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    const after = m ? text[i + m[0].length] : undefined;
    if (m && (after === undefined || /[\s,\]}]/.test(after))) {
      i += m[0].length;
      return null;
    }
    return unexpected('value');
  };
  // The containers open at i: '{' or '['; each frame remembers whether a member came last.
  const stack: ('{' | '[')[] = [];
  skip();
  for (;;) {
    // A value.
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      skip();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else if (c === '{') {
        // The first key.
        if (text[i] !== '"') return unexpected('key');
        const bad = string();
        if (bad) return bad;
        skip();
        if (text[i] !== ':') return unexpected('colon');
        i++;
        continue;
      } else continue;
    } else if (c === '"') {
      const bad = string();
      if (bad) return bad;
    } else if (c === undefined) {
      return ended();
    } else {
      const bad = scalar();
      if (bad) return bad;
    }
    // After a value: close containers or move to the next member.
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? { at: i, what: EXPECTED.end } : null;
      const close = top === '{' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return unexpected(top === '{' ? 'comma-or-brace' : 'comma-or-bracket');
      i++;
      skip();
      if (top === '{') {
        if (text[i] !== '"') return unexpected('key');
        const bad = string();
        if (bad) return bad;
        skip();
        if (text[i] !== ':') return unexpected('colon');
        i++;
      }
      break;
    }
  }
}

/** Line and column (1-based, columns in characters) of index `at`. */
function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < at; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: [...text.slice(start, at)].length + 1 };
}

/**
 * Why `text` is not JSON: where (line and column) and what was expected or found there, in both
 * languages, with the character found when there is one. `line: false` for text that is one line
 * (a roster line): the column alone.
 *
 * @example
 * jsonSyntaxError('{"a":}'); // 第 1 行第 6 列：应为一个值（…），此处是"}" / line 1, column 6: expected a value (…), found "}"
 */
export function jsonSyntaxError(text: string, opts: { line?: boolean } = {}): LocalizedText {
  if (text.trim() === '') return L('内容为空，没有 JSON', 'it is empty: there is no JSON');
  const found = firstJsonSyntaxError(text) ?? { at: 0, what: L('不是有效的 JSON', 'not valid JSON') };
  if (found.at >= text.length) return found.what;
  const { line, column } = lineColumn(text, found.at);
  const ch = visibleId(String.fromCodePoint(text.codePointAt(found.at)!));
  const shown = ch === ' ' ? L('空格', 'a space') : L(`"${ch}"`, `"${ch}"`);
  // A roster line is one line already: its column is enough.
  const [zhAt, enAt] = opts.line === false ? [`第 ${column} 列`, `column ${column}`] : [`第 ${line} 行第 ${column} 列`, `line ${line}, column ${column}`];
  return L(`${zhAt}：${found.what['zh-CN']}，此处是${shown['zh-CN']}`, `${enAt}: ${found.what.en}, found ${shown.en}`);
}
