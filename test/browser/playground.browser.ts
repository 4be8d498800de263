/**
 * The playground in a real browser (`npm run test:browser`): headless Chromium from Debian's
 * package (/usr/bin/chromium; nothing downloads a browser) driven through playwright-core, the
 * built site (build/site) served by a tiny local http server. Checks the Binhai warning (barred,
 * the 公务员法 quote, clear from 2026-09-16), the timeline's bands, the Tonghua objection calendar
 * (due 2026-10-23, the make-up Saturday 2026-10-10 counted), errors shown at their fields in both
 * languages, the pack explorer; no console errors and no request beyond the page's own files.
 * Screenshots go to build/screenshots (not committed).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPack } from '../../src/index.js';
import { openSite, shots, siteDir, type Session } from './_support.js';

let session: Session;
let origin: string;
let context: BrowserContext;
let page: Page;
let served: string[];
let requests: string[];
let consoleErrors: string[];

async function shot(name: string, target?: string): Promise<void> {
  if (target) await page.locator(target).first().screenshot({ path: join(shots, `${name}.png`) });
  else await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** Waits until the page has the answer to the current question (deciding runs in a worker, after typing settles). */
async function settled(): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('#result[aria-busy="true"], #timeline[aria-busy="true"]'), null, { timeout: 60_000 });
}

/** Waits for the timeline to be drawn for the current question. */
async function timelineDrawn(): Promise<void> {
  await page.locator('#timeline[aria-busy="false"] svg').waitFor();
}

async function bands(action: string): Promise<[string, string, string][]> {
  return page.locator(`#timeline g.row[data-action="${action}"] rect.band`).evaluateAll((rects) =>
    rects.map((r) => [r.getAttribute('data-verdict')!, r.getAttribute('data-from')!, r.getAttribute('data-to')!] as [string, string, string]),
  );
}

beforeAll(async () => {
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  session = await openSite();
  ({ origin, context, page, served, requests, errors: consoleErrors } = session);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('playground in headless Chromium', () => {
  it('Binhai: a 警告 decided 2026-03-15 bars promotion on 2026-06-01, quotes 公务员法, clear from 2026-09-16', async () => {
    await page.selectOption('#example', 'site/01-binhai-warning-march');
    await page.selectOption('#pack', 'cn-tj-binhai');
    await page.selectOption('#action', 'promotion');
    await page.fill('#as-of', '2026-06-01');
    await settled();
    // The example's record, as the form shows it.
    await expect.poll(() => page.inputValue('[data-input="records.0.decidedOn"]')).toBe('2026-03-15');
    expect(await page.inputValue('[data-input="records.0.sanction"]')).toBe('warning');
    expect(await page.locator('[data-input="records.0.sanction"] option:checked').textContent()).toBe('警告');

    const head = page.locator('.decision-head');
    await expect.poll(() => head.getAttribute('data-verdict')).toBe('barred');
    expect(await head.locator('> .verdict').textContent()).toBe('不得');
    expect(await head.locator('.clear-from').getAttribute('data-clear-from')).toBe('2026-09-16');
    expect(await head.locator('.clear-from').textContent()).toContain('自 2026-09-16 起不再受限');

    const reason = page.locator('.reason[data-rule="csl-64-promotion-bar"]');
    expect(await reason.locator('.verdict').textContent()).toBe('不得');
    const csl = reason.locator('.citation[data-clause="CSL-64"]');
    expect(await csl.locator('.cite-head').textContent()).toContain('中华人民共和国公务员法');
    expect(await csl.locator('blockquote.quote').textContent()).toContain('公务员在受处分期间不得晋升职务、职级和级别');
    // explain()'s own words and the JSON are behind the developer view, closed until asked for.
    expect(await page.locator('pre.explain').count()).toBe(0);
    await page.click('#developer-view summary');
    await expect.poll(() => page.locator('#developer-view pre.explain').textContent()).toContain('按已知记录，自 2026-09-16 起不再受限。');
    expect(JSON.parse((await page.locator('#developer-view pre.json').textContent())!).clearFrom).toBe('2026-09-16');
    await page.click('#developer-view summary');
    await shot('01-binhai-decision');
  });

  it('draws the timeline: bands per action, the record marked, clear from 2026-09-16 pointed out', async () => {
    await page.fill('#range-from', '2026-03-01');
    await page.dispatchEvent('#range-from', 'change');
    await page.fill('#range-to', '2026-12-31');
    await page.dispatchEvent('#range-to', 'change');
    await timelineDrawn();
    await expect.poll(() => bands('promotion')).toEqual([
      ['clear', '2026-03-01', '2026-03-14'],
      ['barred', '2026-03-15', '2026-09-15'],
      ['clear', '2026-09-16', '2026-12-31'],
    ]);
    expect(await bands('excellent-rating')).toEqual([
      ['clear', '2026-03-01', '2026-03-14'],
      ['barred', '2026-03-15', '2026-12-31'],
    ]);
    expect(await bands('salary-step')).toEqual([['clear', '2026-03-01', '2026-12-31']]);
    // Every action a civil servant can be asked about has a row.
    expect(await page.locator('#timeline g.row').count()).toBe(8);

    // The bands are drawn to scale: the barred band starts where 2026-03-15 falls and spans 185 of 306 days.
    const geometry = await page.locator('#timeline g.row[data-action="promotion"] rect.band').evaluateAll((rects) =>
      rects.map((r) => ({ x: Number(r.getAttribute('x')), w: Number(r.getAttribute('width')) })),
    );
    const total = geometry.reduce((a, g) => a + g.w, 0);
    expect(geometry[1]!.w / total).toBeCloseTo(185 / 306, 2);
    expect((geometry[1]!.x - geometry[0]!.x) / total).toBeCloseTo(14 / 306, 2);

    const flag = page.locator('#timeline g.row[data-action="promotion"] g.clear-from');
    expect(await flag.getAttribute('data-clear-from')).toBe('2026-09-16');
    expect(await flag.textContent()).toContain('2026-09-16');
    expect(await page.locator('#timeline .timeline-answer').textContent()).toContain('自 2026-09-16 起');
    expect(await page.locator('#timeline g.event[data-record="r1"][data-event="decided"]').getAttribute('data-date')).toBe('2026-03-15');
    expect(await page.locator('#timeline g.as-of').getAttribute('data-date')).toBe('2026-06-01');
    await page.locator('#range-to').blur();
    await shot('02-timeline', '.timeline-panel');
  });

  it('switches to English and back', async () => {
    await page.click('#lang-en');
    await timelineDrawn();
    expect(await page.locator('.decision-head > .verdict').textContent()).toBe('barred');
    expect(await page.locator('.decision-head .clear-from').textContent()).toContain('clear from 2026-09-16');
    expect(await page.locator('#tab-calendar').textContent()).toBe('Deadline calendar');
    expect(await page.locator('#timeline .timeline-answer').textContent()).toContain('from 2026-09-16');
    await shot('03-english');
    await page.click('#lang-zh-CN');
    await page.locator('.decision-head').waitFor();
    expect(await page.locator('.decision-head > .verdict').textContent()).toBe('不得');
  });

  it('shows input errors at their fields, in Chinese and in English (form and JSON editor)', async () => {
    // Form: a failure after its determination.
    await page.fill('[data-input="records.0.occurredOn"]', '2026-04-01');
    const slot = page.locator('[data-error-for="records.0.occurredOn"]');
    await expect.poll(() => slot.textContent()).toBe('失信行为发生日期不得晚于认定日期');
    expect(await page.locator('.decision-errors').getAttribute('data-errors')).toBe('1');
    await shot('04-form-error', '.inputs');
    await page.fill('[data-input="records.0.occurredOn"]', '2026-01-10');
    await expect.poll(() => page.locator('.decision-head').getAttribute('data-verdict')).toBe('barred');

    // JSON editor: a date that does not exist, shown on its line.
    await page.click('#editor-json');
    const text = await page.inputValue('#subject-json');
    await page.fill('#subject-json', text.replace('"decidedOn": "2026-03-15"', '"decidedOn": "2026-02-30"'));
    const item = page.locator('.json-issues li[data-path="records.0.decidedOn"]');
    await expect.poll(() => item.count()).toBe(1);
    const line = text.split('\n').findIndex((l) => l.includes('"decidedOn"')) + 1;
    expect(await item.getAttribute('data-line')).toBe(String(line));
    expect(await item.textContent()).toContain('应为真实日期，格式 YYYY-MM-DD');
    expect(await page.locator('.gutter .line.err').textContent()).toBe(String(line));
    await page.click('#lang-en');
    await page.fill('#subject-json', (await page.inputValue('#subject-json')).replace('"decidedOn": "2026-03-15"', '"decidedOn": "2026-02-30"'));
    await expect.poll(() => page.locator('.json-issues li[data-path="records.0.decidedOn"]').textContent()).toContain('expected a real date as YYYY-MM-DD');
    await shot('05-json-error-en', '.inputs');
    // A JSON syntax error is named too, and nothing is decided meanwhile.
    await page.fill('#subject-json', '{ "id": "p1", ');
    await expect.poll(() => page.locator('.json-issues li.syntax').count()).toBe(1);
    await page.click('#lang-zh-CN'); // redrawing keeps the text and its error, and decides nothing
    await expect.poll(() => page.locator('.json-issues li.syntax').textContent()).toContain('JSON 格式有误');
    expect(await page.locator('#result .stale').count()).toBe(1);
    await page.fill('#subject-json', text);
    await expect.poll(() => page.locator('.decision-head').getAttribute('data-verdict')).toBe('barred');
    await page.click('#lang-zh-CN');
    await page.click('#editor-form');
  });

  it('calendar: an objection received 2026-09-28 under Tonghua is due 2026-10-23; the make-up Saturday 2026-10-10 counts', async () => {
    await page.click('#tab-calendar');
    await page.selectOption('#cal-mode', 'objection');
    await page.fill('#cal-date', '2026-09-28');
    await page.dispatchEvent('#cal-date', 'change');
    await page.selectOption('#cal-pack', 'cn-jl-tonghua');
    const cal = page.locator('.deadline-calendar');
    await expect.poll(() => cal.getAttribute('data-due')).toBe('2026-10-23');
    expect(await cal.locator('.due-on').textContent()).toBe('2026-10-23');
    expect(await cal.locator('table.facts').textContent()).toContain('TH-9');
    expect(await cal.locator('table.facts blockquote').textContent()).toContain('十五个工作日内');

    const day = (d: string) => cal.locator(`td[data-date="${d}"]`);
    expect(await day('2026-09-28').getAttribute('data-role')).toBe('start');
    const saturday = day('2026-10-10');
    expect(await saturday.getAttribute('data-kind')).toBe('make-up-workday');
    expect(await saturday.getAttribute('data-role')).toBe('counted');
    expect(await saturday.locator('.name').textContent()).toBe('班');
    expect(await day('2026-10-01').getAttribute('data-kind')).toBe('holiday');
    expect(await day('2026-10-01').getAttribute('data-role')).toBe('skipped');
    expect(await day('2026-10-11').getAttribute('data-role')).toBe('skipped'); // an ordinary Sunday
    expect(await day('2026-10-23').getAttribute('data-role')).toBe('due');
    expect(await day('2026-10-23').getAttribute('data-count')).toBe('15');
    const counted = await cal.locator('td[data-role="counted"], td[data-role="due"]').count();
    expect(counted).toBe(15);
    expect(await cal.locator('tr.make-up').textContent()).toContain('2026-10-10');
    await shot('06-calendar-tonghua', '.calendar-panel');
  });

  it('opens the calendar of a deadline from a decision', async () => {
    await page.click('#tab-decide');
    await page.selectOption('#example', 'site/02-tonghua-objection');
    const button = page.locator('.part-deadlines button[data-calendar-for="a1:objection-reply"]');
    await button.click();
    const cal = page.locator('.deadline-calendar');
    await expect.poll(() => cal.getAttribute('data-due')).toBe('2026-10-23');
    expect(await cal.getAttribute('data-event')).toBe('2026-09-28');
    expect(await cal.locator('td[data-date="2026-10-10"]').getAttribute('data-role')).toBe('counted');
  });

  it('edits events in the form: a revocation on 2026-10-20 clears the Tonghua record from that day', async () => {
    await page.click('#tab-decide');
    await page.selectOption('#example', 'site/02-tonghua-objection');
    await expect.poll(() => page.locator('.decision-head').getAttribute('data-verdict')).toBe('restricted');
    await page.click('button[data-add="records.0.events"]');
    const tag = page.locator('select[data-input="records.0.events.1.type"]');
    await tag.selectOption('objection-replied');
    await page.fill('[data-input="records.0.events.1.date"]', '2026-10-20');
    await page.selectOption('[data-input="records.0.events.1.outcome"]', 'revoked');
    await page.fill('#as-of', '2026-10-21');
    await expect.poll(() => page.locator('.decision-head').getAttribute('data-verdict')).toBe('clear');
    expect(await page.locator('.part-deadlines tr[data-deadline="objection-reply"]').getAttribute('data-due')).toBe('2026-10-23');
    await timelineDrawn();
    expect(await bands('promotion')).toEqual([
      ['clear', '2026-01-01', '2026-08-31'],
      ['restricted', '2026-09-01', '2026-10-19'],
      ['clear', '2026-10-20', '2026-12-31'],
    ]);
    await shot('08-tonghua-revoked');
  });

  it('loads a pack JSON: refused with its issues when invalid, then registered, chosen and deciding', async () => {
    await page.click('#tab-decide');
    await page.selectOption('#example', 'site/01-binhai-warning-march');
    await page.click('.pack-loader summary');
    const pack = { ...structuredClone(getPack('cn-tj-binhai')), id: 'my-binhai', version: '1.1.0' } as Record<string, unknown>;
    await page.fill('#pack-json', JSON.stringify({ ...pack, rules: 'none' }));
    await page.click('#pack-load');
    await expect.poll(() => page.locator('#pack-load-result .issues li').first().textContent()).toContain('rules');
    await page.fill('#pack-json', JSON.stringify(pack));
    await page.click('#pack-load');
    await expect.poll(() => page.inputValue('#pack')).toBe('my-binhai');
    expect(await page.locator('#pack-load-result .ok').textContent()).toContain('my-binhai 1.1.0');
    await expect.poll(() => page.locator('.decision-head').getAttribute('data-verdict')).toBe('barred');
    expect(await page.locator('.decision-head .question').textContent()).toContain('my-binhai');
  });

  it('pack explorer: each clause beside the rules that encode it, and clauses explained as not encoded', async () => {
    await page.click('#tab-packs');
    await page.selectOption('#explorer-pack', 'cn-jl-tonghua');
    const th2 = page.locator('.clause-row[data-clause="TH-2"]');
    await th2.waitFor();
    expect(await th2.locator('.rule[data-rule="th-2-person-restrictions"]').count()).toBe(1);
    expect((await th2.locator('blockquote.quote').textContent())!.length).toBeGreaterThan(10);
    const notEncoded = page.locator('.clause-row.not-encoded .handled-by');
    expect(await notEncoded.count()).toBeGreaterThan(0);
    await shot('07-pack-explorer');
  });

  it('runs opened from disk (file://) as well', async () => {
    const other = await context.newPage();
    const errors: string[] = [];
    other.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(pathToFileURL(join(siteDir, 'index.html')).href);
    await other.locator('.decision-head[data-verdict="barred"]').waitFor();
    await other.locator('#timeline[aria-busy="false"] svg').waitFor();
    await other.close();
    expect(errors).toEqual([]);
  });

  it('logged no console error and asked for nothing beyond the page’s own files', () => {
    expect(consoleErrors).toEqual([]);
    const own = new Set(['/index.html', '/app.js', '/app.css']);
    const foreign = requests.filter((u) => {
      if (u.startsWith('file://')) return !u.startsWith(pathToFileURL(siteDir).href);
      if (u.startsWith('data:')) return false;
      return !(u.startsWith(`${origin}/`) && own.has(new URL(u).pathname));
    });
    expect(foreign).toEqual([]);
    expect([...new Set(served)].sort()).toEqual(['/app.css', '/app.js', '/index.html']);
  });
});
