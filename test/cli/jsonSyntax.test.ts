/**
 * The CLI's JSON syntax messages (issue 23): where (line, column) and what was expected, in both
 * languages, never V8's English message inside the Chinese one. The scanner behind them agrees with
 * JSON.parse on what is JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstJsonSyntaxError, jsonSyntaxError } from '../../src/cli/_internal/jsonSyntax.js';

describe('jsonSyntaxError', () => {
  it.each([
    ['{"a":', 'JSON 没有写完：在结尾处中断', 'the JSON stops before it is complete'],
    ['{"a":}', '第 1 行第 6 列：应为一个值（对象、数组、带双引号的文字、数字、true、false 或 null），此处是"}"', 'line 1, column 6: expected a value (an object, a list, text in double quotes, a number, true, false or null), found "}"'],
    ['{a:1}', '第 1 行第 2 列：应为带双引号的字段名，此处是"a"', 'line 1, column 2: expected a field name in double quotes, found "a"'],
    ['{\n  "a": 1,\n}', '第 3 行第 1 列：应为带双引号的字段名，此处是"}"', 'line 3, column 1: expected a field name in double quotes, found "}"'],
    ['{"a":1} x', '第 1 行第 9 列：JSON 已经结束，后面不应再有内容，此处是"x"', 'line 1, column 9: the JSON has ended; nothing may follow it, found "x"'],
    ['[1,2', 'JSON 没有写完：在结尾处中断', 'the JSON stops before it is complete'],
    ['{"a" 1}', '第 1 行第 6 列：字段名后应为冒号 :，此处是"1"', 'line 1, column 6: expected a colon : after the field name, found "1"'],
    ['{"名字":"张三"，"b":1}', '第 1 行第 11 列：应为逗号 , 或右花括号 }，此处是"，"', 'line 1, column 11: expected a comma , or a closing brace }, found "，"'],
    ['', '内容为空，没有 JSON', 'it is empty: there is no JSON'],
  ])('%j', (text, zh, en) => {
    expect(jsonSyntaxError(text)).toEqual({ 'zh-CN': zh, en });
  });

  it('a roster line: the column alone', () => {
    expect(jsonSyntaxError('{"id":"p1",}', { line: false })['zh-CN']).toBe('第 12 列：应为带双引号的字段名，此处是"}"');
  });

  it('agrees with JSON.parse on what is JSON, over valid documents and their mutations', () => {
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', '\\', '01', '1e', '-', 'tru', '，'), fc.boolean())
      .map(([j, at, ins, del]) => {
        const k = j.length ? at % (j.length + 1) : 0;
        return j.slice(0, k) + ins + j.slice(del ? k + 1 : k);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated, fc.string()), (text) => {
        let ok = true;
        try {
          JSON.parse(text);
        } catch {
          ok = false;
        }
        expect(firstJsonSyntaxError(text) === null, text).toBe(ok);
      }),
      { numRuns: 3000, seed: 23 },
    );
  });

  it('deep nesting is read without recursion', () => {
    expect(firstJsonSyntaxError('['.repeat(200_000) + ']'.repeat(199_999))).not.toBeNull();
    expect(firstJsonSyntaxError('['.repeat(200_000) + ']'.repeat(200_000))).toBeNull();
  });
});
