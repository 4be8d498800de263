/**
 * What a person reads when input is refused (issue 23): a missing or mistyped field is named with
 * what it takes, in zh-CN and en, and zod's generic texts ("Invalid input", 「出现未知的键(key)」, an
 * unexplained union) never reach anyone. A query without a pack says the pack is missing, as the CLI does.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, InvalidInputError, InvalidPackError, loadPack, parseSubject, type Issue, untyped } from '../../src/index.js';
import { validatorCases } from './_validatorCases.js';

/** zod's own wording (its en and zh-CN locales), which must not leak. */
const ZOD_GENERIC = /Invalid input|Invalid option|Invalid discriminator|Unrecognized key|Too small|Too big|Invalid string|无效输入|无效选项|出现未知的键|数值过小|数值过大|实际接收|期望 /;

const subject = { id: 'p1', kind: 'civil-servant', records: [] };
const query = { pack: 'cn-tj-binhai', subject, action: 'promotion', asOf: '2026-06-01' };

async function refused(q: unknown): Promise<{ name: string; issues: Issue[] }> {
  try {
    await evaluate(untyped(q));
  } catch (e) {
    if (e instanceof InvalidInputError || e instanceof InvalidPackError) return { name: e.name, issues: e.issues };
    throw e;
  }
  throw new Error('accepted');
}

describe('a query without a pack', () => {
  it('is an InvalidInputError at `pack` that says the pack is missing and what it takes', async () => {
    const { pack: _, ...noPack } = query;
    const r = await refused(noPack);
    expect(r.name).toBe('InvalidInputError');
    expect(r.issues).toEqual([
      {
        path: ['pack'],
        code: 'invalid_type',
        message: {
          'zh-CN': '缺少规则包（pack）：应为规则包标识（如 cn-tj-binhai）或规则包对象',
          en: 'missing pack: expected a pack id (such as cn-tj-binhai) or a pack object',
        },
      },
    ]);
  });

  it('a pack of the wrong type says what a pack is and what came; an inline pack object stays an InvalidPackError', async () => {
    const wrong = await refused({ ...query, pack: 5 });
    expect(wrong.name).toBe('InvalidInputError');
    expect(wrong.issues[0]!.message['zh-CN']).toBe('pack 应为规则包标识（如 cn-tj-binhai）或规则包对象');
    expect(wrong.issues[0]!.message.en).toBe('pack must be a pack id (such as cn-tj-binhai) or a pack object');
    const inline = await refused({ ...query, pack: { id: 'x' } });
    expect(inline.name).toBe('InvalidPackError');
    expect(inline.issues.map((i) => i.path.join('.'))).toContain('pack.version');
  });
});

describe('a missing or mistyped field names the field and what it takes', () => {
  const record = { id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-15' };
  const cases: [string, unknown, (string | number)[], string, string][] = [
    ['no action', { ...query, action: undefined }, ['action'], '缺少事项（action）：应为以下之一：excellent-rating、', 'missing action: expected one of excellent-rating, '],
    ['a misspelt action', { ...query, action: 'promotoin' }, ['action'], 'action 应为以下之一：excellent-rating、', '; got "promotoin"'],
    ['no subject', { ...query, subject: undefined }, ['subject'], '缺少主体（subject）：应为对象', 'missing subject: expected an object'],
    ['asOf as a number', { ...query, asOf: 20260601 }, ['asOf'], 'asOf 应为日期（YYYY-MM-DD）', 'asOf must be a date (YYYY-MM-DD)'],
    ['no subject id', { ...query, subject: { kind: 'civil-servant' } }, ['subject', 'id'], '缺少字段 id：应为文字', 'missing field id: expected text'],
    ['records not a list', { ...query, subject: { ...subject, records: {} } }, ['subject', 'records'], 'records 应为数组', 'records must be a list'],
    ['no record kind', { ...query, subject: { ...subject, records: [{ id: 'r1', decidedOn: '2026-01-01' }] } }, ['subject', 'records', 0, 'kind'], '缺少字段 kind：应为以下之一：', 'missing field kind: expected one of '],
    [
      'an event without its body (sanction-revoked needs `by`)',
      { ...query, subject: { ...subject, records: [{ ...record, events: [{ type: 'sanction-revoked', date: '2026-04-01' }] }] } },
      ['subject', 'records', 0, 'events', 0, 'by'],
      '缺少字段 by：应为文字',
      'missing field by: expected text',
    ],
    [
      'an unknown event type',
      { ...query, subject: { ...subject, records: [{ ...record, events: [{ type: 'sanction-revokd', date: '2026-04-01' }] }] } },
      ['subject', 'records', 0, 'events', 0, 'type'],
      'type 应为以下之一：objection-filed、',
      '; got "sanction-revokd"',
    ],
    ['an unknown field', { ...query, pakc: 'cn-gd' }, [], '有不接受的字段：pakc', 'unknown field: pakc'],
    ['an unknown policy field', { ...query, policy: { pendingObjections: 'counts' } }, ['policy'], 'policy 中有不接受的字段：pendingObjections', 'unknown field in policy: pendingObjections'],
    ['an empty id', { ...query, subject: { ...subject, id: '' } }, ['subject', 'id'], 'id 不能为空', 'id must not be empty'],
    ['a year as text', { ...query, action: 'excellent-rating', assessmentYear: '2026' }, ['assessmentYear'], 'assessmentYear 应为数字，收到"2026"', 'assessmentYear must be a number, got "2026"'],
    ['null', null, [], '输入应为对象', 'the input must be an object'],
  ];
  for (const [what, input, path, zh, en] of cases) {
    it(what, async () => {
      const r = await refused(input);
      const hit = r.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
      expect(hit, JSON.stringify(r.issues)).toBeDefined();
      expect(hit!.message['zh-CN']).toContain(zh);
      expect(hit!.message.en).toContain(en);
      for (const i of r.issues) expect(`${i.message['zh-CN']} ${i.message.en}`).not.toMatch(ZOD_GENERIC);
    });
  }

  it('a pack file with missing fields: each named, with the pack', () => {
    let issues: Issue[] = [];
    try {
      loadPack({ id: 'my-pack' });
    } catch (e) {
      issues = (e as InvalidPackError).issues;
    }
    expect(issues.find((i) => i.path.join('.') === 'validFrom')?.message).toEqual({
      'zh-CN': '规则包 my-pack：缺少字段 validFrom：应为日期（YYYY-MM-DD）',
      en: 'pack my-pack: missing field validFrom: expected a date (YYYY-MM-DD)',
    });
    for (const i of issues) expect(`${i.message['zh-CN']} ${i.message.en}`).not.toMatch(ZOD_GENERIC);
  });
});

describe("zod's generic texts never reach a person", () => {
  it('over 1,500 mutated and hostile queries and subjects: every message is the library\'s own, and names its field', async () => {
    let refusals = 0;
    for (const c of validatorCases(1500, 20261123)) {
      for (const attempt of [() => evaluate(untyped(c.input)), () => parseSubject(untyped((c.input as { subject?: unknown } | null)?.subject))]) {
        let issues: Issue[] = [];
        try {
          await attempt();
        } catch (e) {
          if (!(e instanceof InvalidInputError || e instanceof InvalidPackError)) continue;
          issues = e.issues;
        }
        for (const i of issues) {
          refusals++;
          const text = `${i.message['zh-CN']} ${i.message.en}`;
          expect(text, `${c.label}: ${i.path.join('.')}`).not.toMatch(ZOD_GENERIC);
          // A shape problem at a named field says the field's name (its key, or list[index]).
          const last = i.path.at(-1);
          if (typeof last === 'string' && ['invalid_type', 'invalid_value', 'too_small', 'too_big'].includes(i.code) && !/^(pack|subject|action|asOf)$/.test(last)) {
            expect(i.message.en, `${c.label}: ${i.path.join('.')}`).toContain(last);
          }
        }
      }
    }
    expect(refusals).toBeGreaterThan(500);
  });
});
