import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/_internal/help.js';
import { NO_LINE_END, NO_LINE_START, table, width, wrap } from '../../src/cli/_internal/text.js';
import { ACTIONS, LIFECYCLE_EVENT_TYPES } from '../../src/index.js';
import { repo, run } from './_support.js';

const WIDTH = 100;
const widest = (text: string) => Math.max(...text.split('\n').map(width));
/** Lines (of wrapped text) that start with closing punctuation: 避头尾 forbids them. */
const badStarts = (text: string) => text.split('\n').filter((l) => NO_LINE_START.has([...l.trimStart()][0] ?? ''));

describe('wrap: 避头尾', () => {
  it('never starts a line with closing punctuation, never ends one with opening punctuation', () => {
    const text = '政务失信记录，是指政府和部门、公务员在履职过程中，因违法违规、失信违约被司法判决、行政处罚、纪律处分、问责处理等的信息（含“失信被执行人”）。';
    for (let w = 6; w <= 40; w++) {
      const lines = wrap(text, w);
      expect(lines.join(''), `w=${w}`).toBe(text);
      for (const l of lines.slice(1)) expect(NO_LINE_START.has([...l][0]!), `w=${w}: ${l}`).toBe(false);
      for (const l of lines.slice(0, -1)) expect(NO_LINE_END.has([...l].at(-1)!), `w=${w}: ${l}`).toBe(false);
      // A carried character may make a line shorter, never longer than w (+1 column of hanging punctuation at most).
      for (const l of lines) expect(width(l), `w=${w}: ${l}`).toBeLessThanOrEqual(w + 2);
    }
  });

  it('a character moves down with the punctuation: 。 stays after 息', () => {
    expect(wrap('一二三四五。六七', 10)).toEqual(['一二三四', '五。六七']);
    expect(wrap('一二三（四五）六', 8)).toEqual(['一二三', '（四五）', '六']);
  });

  it('tables wrap cells to fit, keeping every column aligned', () => {
    const t = table(['规则', '说明'], [['TH-2', '失信记录的公务人员，在评先评优、晋职晋级、任用时，予以限制。'.repeat(3)]], { maxWidth: 40 });
    expect(widest(t)).toBeLessThanOrEqual(40);
    expect(badStarts(t.split('\n').map((l) => l.slice(6)).join('\n'))).toEqual([]);
  });
});

describe('tables within 100 columns, Chinese that is Chinese', () => {
  const cases: [string, string[]][] = [
    ['demo', ['demo', '--no-roster']],
    ['pack show cn-jl-tonghua', ['pack', 'show', 'cn-jl-tonghua']],
    ['pack show cn-gd', ['pack', 'show', 'cn-gd']],
    ['pack show cn-national', ['pack', 'show', 'cn-national']],
    ['packs', ['packs']],
    ['evaluate (a department with duties)', ['evaluate', 'examples/subjects/16-department-rectification-missed.json', '--pack', 'cn-gd', '--action', 'honour-selection']],
    ['evaluate (objection revoked)', ['evaluate', 'examples/subjects/12-objection-revoked.json', '--pack', 'cn-jl-tonghua', '--action', 'promotion', '--as-of', '2026-05-20']],
    ['evaluate (several)', ['evaluate', 'examples/subjects/02-warning-this-year.json', '--pack', 'all', '--action', 'all']],
    ['deadline', ['deadline', '--objection-received', '2026-09-28', '--corrected-on', '2026-10-20', '--pack', 'cn-jl-tonghua']],
    ['batch summary', ['batch', 'examples/subjects/02-warning-this-year.json', '--pack', 'all', '--action', 'all', '--as-of', '2026-11-20', '--year', '2026']],
    ...COMMANDS.map((c): [string, string[]] => [`${c.name} --help`, [...c.name.split(' '), '--help']]),
    ['--help', ['--help']],
  ];
  for (const [name, args] of cases) {
    it(`${name}: ≤ 100 columns and 避头尾, in both locales`, async () => {
      for (const locale of ['zh-CN', 'en']) {
        const r = await run([...args, '--locale', locale]);
        expect(r.code, r.stderr).toBeLessThanOrEqual(1);
        const text = args[0] === 'batch' ? r.stderr : r.stdout;
        expect(widest(text), `${locale}\n${text}`).toBeLessThanOrEqual(WIDTH);
        expect(badStarts(text), locale).toEqual([]);
      }
    });
  }

  it('--width narrows them (60 columns)', async () => {
    const r = await run(['pack', 'show', 'cn-yn', '--width', '60']);
    expect(widest(r.stdout)).toBeLessThanOrEqual(60);
  });

  it('zh-CN tables name actions, statuses, event types and the evaluator in Chinese; ids stay in JSON only', async () => {
    const outputs = [
      (await run(['demo', '--no-roster'])).stdout,
      ...(await Promise.all(readdirSync(join(repo, 'examples', 'subjects')).map(async (f) => (await run(['evaluate', join('examples', 'subjects', f), '--pack', 'all', '--action', 'all'])).stdout))),
      (await run(['evaluate', 'examples/subjects/12-objection-revoked.json', '--pack', 'cn-jl-tonghua', '--action', 'promotion'])).stdout,
      (await run(['evaluate', 'examples/subjects/16-department-rectification-missed.json', '--pack', 'cn-gd', '--action', 'honour-selection'])).stdout,
      (await run(['batch', 'examples/subjects/02-warning-this-year.json', '--pack', 'all', '--action', 'all', '--as-of', '2026-11-20', '--year', '2026'])).stderr,
    ].join('\n');
    const english = [...ACTIONS, ...LIFECYCLE_EVENT_TYPES, 'in-effect', 'period-ended', 'not-yet-decided', 'objection-reply', 'sanction-period', 'awaiting-decision', 'compiled', 'barred', 'restricted', 'clear'];
    for (const word of english) expect(outputs, word).not.toMatch(new RegExp(`(^|[^\\w-])${word}($|[^\\w-])`, 'm'));
    // Clause codes are explained; pack names are the same everywhere (通化市, not 通化 or 吉林省通化市 in tables).
    expect(outputs).toContain('条款代码：');
    expect(outputs).toContain('CSL-64 公务员法 第六十四条');
    expect(outputs).toContain('通化市');
    expect(outputs).not.toMatch(/(^|\s)通化(\s|$)/m);
  });

  it('English output stays English', async () => {
    const r = await run(['evaluate', 'examples/subjects/12-objection-revoked.json', '--pack', 'cn-jl-tonghua', '--action', 'promotion', '--locale', 'en']);
    expect(r.stdout).toContain('Clause codes:');
    expect(r.stdout).toMatch(/Verdict\s+clear/);
  });
});
