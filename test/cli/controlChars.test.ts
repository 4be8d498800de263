/**
 * Control characters in CLI table and text output (issue 22): ESC (CSI and OSC sequences that
 * recolour, retitle or rewrite a terminal), C1 controls and bidirectional-text controls in a
 * schedule's notice, holiday names, a pack's name, title and quotes are written as `\uXXXX`
 * (`printable`), never raw; JSON output stays JSON.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPack } from '../../src/index.js';
import { printable } from '../../src/cli/_internal/text.js';
import { repo, run } from './_support.js';

const dir = mkdtempSync(join(tmpdir(), 'gcr-controls-'));
const OSC = '\u001b]0;owned\u0007';
const CSI = '\u001b[2J\u001b[31m';
const C1 = '\u009b31m';
const BIDI = '\u202e';
const EVIL = `${OSC}${CSI}${C1}${BIDI}`;
/** Any character a terminal would act on (the line feed aside). */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('printable', () => {
  it('writes every control character but the line feed as \\uXXXX', () => {
    expect(printable(`a${OSC}b\n${C1}${BIDI}\t\r`)).toBe('a\\u001B]0;owned\\u0007b\n\\u009B31m\\u202E\\u0009\\u000D');
    expect(printable('政务诚信 — plain text, 中文')).toBe('政务诚信 — plain text, 中文');
  });
});

describe('the CLI never writes a host’s control characters raw', () => {
  it('deadline: a schedule whose notice, title and holiday names carry ESC, C1 and bidi controls', async () => {
    const schedule = JSON.parse(readFileSync(join(repo, 'test', 'fixtures', 'holidays-2027.illustrative.json'), 'utf8'));
    schedule.source.notice = `国办发明电${EVIL}`;
    schedule.source.title = `title${EVIL}`;
    schedule.holidays[0].name = `元旦${EVIL}`;
    const file = join(dir, 'evil-schedule.json');
    writeFileSync(file, JSON.stringify(schedule));
    const r = await run(['deadline', '--from', '2026-12-25', '--working-days', '10', '--schedule', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('\\u001B');
  });

  it('evaluate (table and text) and pack show: a pack whose name, title and quotes carry them', async () => {
    const pack = structuredClone(getPack('cn-tj-binhai')) as unknown as Record<string, any>;
    pack.id = 'evil-names';
    pack.name = { 'zh-CN': `滨海${EVIL}`, en: `Binhai${EVIL}` };
    pack.document = { ...pack.document, title: `文件${EVIL}`, number: `津滨${EVIL}` };
    for (const c of pack.clauses) c.quote = `${c.quote}${EVIL}`;
    const query = { pack, subject: { id: 'p1', kind: 'civil-servant', records: [{ id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-15' }] }, action: 'excellent-rating', asOf: '2026-12-20', assessmentYear: 2026 };
    const qfile = join(dir, 'evil-query.json');
    writeFileSync(qfile, JSON.stringify(query));
    for (const format of ['table', 'text']) {
      const r = await run(['evaluate', qfile, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, format).not.toMatch(RAW);
      expect(r.stdout, format).toContain('\\u001B');
    }
    const json = await run(['evaluate', qfile, '--format', 'json']);
    // JSON is left to JSON: the values come back as they were.
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain(JSON.stringify(EVIL).slice(1, -1));
    const pfile = join(dir, 'evil-pack.json');
    writeFileSync(pfile, JSON.stringify(pack));
    const show = await run(['pack', 'show', pfile]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).not.toMatch(RAW);
    expect(show.stdout).toContain('\\u001B');
  });

  it('error messages on stderr: a file name or option value with an escape sequence', async () => {
    const r = await run(['evaluate', `missing${EVIL}.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW);
    const bad = await run(['batch', '-', '--pack', 'cn-gd', '--as-of', '2026-01-01', '--action', 'promotion'], { input: `{"id":"p${'\\u001b'}]0;x${'\\u0007'}","kind":"nobody"}\n` });
    expect(bad.code).toBe(1);
    expect(bad.stderr).not.toMatch(RAW);
  });
});
