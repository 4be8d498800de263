/**
 * The playground's layout and its large-subject path (issue 23), in headless Chromium:
 *
 * - the as-of label stays inside the timeline when the day asked is near the range's end;
 * - no dropdown cuts the text of any of its options (measured with the select's own font);
 * - a 文号 is never split across lines;
 * - the 「文件未规定时的工作日数」 box is offered only where the pack's document fixes no deadline
 *   (Tonghua fixes 15 working days: shown as a fact);
 * - a sanction period opens a month view in calendar days: its effective day inside the period, no
 *   working days counted, no 调休 legend, the day it lifts;
 * - deciding runs in a Web Worker (on the page itself only when opened from disk); a 3,000-record
 *   subject pasted into the JSON editor is decided with its long lists cut to their first items, and
 *   the next question is answered even while that subject's timeline is still being computed.
 *   Nothing here asserts speed (test/browser/largeSubject.measure.ts prints the figures).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPack, listPacks } from '../../src/index.js';
import { Rng, generateSubject } from '../engine/_support/generate.js';
import { openSite, shots, type Session } from './_support.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

let session: Session;
let page: Page;

async function settled(): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('#result[aria-busy="true"], #timeline[aria-busy="true"]'), null, { timeout: 60_000 });
}

async function example(id: string, as?: { pack?: string; action?: string; asOf?: string }): Promise<void> {
  await page.click('#tab-decide');
  await page.selectOption('#example', id);
  if (as?.pack) await page.selectOption('#pack', as.pack);
  if (as?.action) await page.selectOption('#action', as.action);
  if (as?.asOf) await page.fill('#as-of', as.asOf);
  await settled();
}

/** Each option of the select whose text is wider than the select shows (its font, its inner width less the arrow). */
async function cutOptions(selector: string): Promise<{ text: string; width: number; room: number }[]> {
  return page.locator(selector).evaluate((el) => {
    const s = el as HTMLSelectElement;
    const cs = getComputedStyle(s);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20; // the arrow
    return [...s.options].map((o) => ({ text: o.text, width: Math.ceil(ctx.measureText(o.text).width), room })).filter((o) => o.width > o.room);
  });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  session = await openSite();
  page = session.page;
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('playground layout and large subjects', () => {
  it('keeps the as-of label inside the timeline when the day asked is near the end of the range', async () => {
    await example('site/01-binhai-warning-march', { asOf: '2026-12-20' });
    const label = page.locator('#timeline g.as-of text');
    await label.waitFor();
    const fits = await label.evaluate((el) => {
      const svg = el.closest('svg')!;
      const box = (el as SVGTextElement).getBBox();
      const width = svg.viewBox.baseVal.width;
      const a = el.getBoundingClientRect();
      const b = svg.getBoundingClientRect();
      return { left: box.x, right: box.x + box.width, width, onScreen: a.left >= b.left && a.right <= b.right };
    });
    expect(fits.left).toBeGreaterThanOrEqual(0);
    expect(fits.right).toBeLessThanOrEqual(fits.width);
    expect(fits.onScreen).toBe(true);
    await page.locator('.timeline-panel').screenshot({ path: join(shots, 'layout-as-of-right-edge.png') });
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`${locale}: no dropdown cuts the text of an option (decide, calendar, pack explorer)`, async () => {
      await page.click(`#lang-${locale}`);
      const cut: Record<string, unknown[]> = {};
      try {
        await example('site/02-tonghua-objection');
        for (const sel of ['#pack', '#example', '#action']) cut[sel] = await cutOptions(sel);
        await page.click('#tab-calendar');
        await page.selectOption('#cal-mode', 'objection');
        for (const sel of ['#cal-mode', '#cal-pack']) cut[sel] = await cutOptions(sel);
        await page.click('#tab-packs');
        cut['#explorer-pack'] = await cutOptions('#explorer-pack');
      } finally {
        await page.click('#lang-zh-CN');
      }
      expect(Object.fromEntries(Object.entries(cut).filter(([, v]) => v.length))).toEqual({});
    });
  }

  it('never splits a 文号 across lines (decision, citations, calendar basis, pack explorer)', async () => {
    // Every 文号 the library's texts cite (津滨政发〔2018〕31号, 国办发〔2025〕22号 …), wherever the page shows
    // it, in whatever element: the lines its characters sit on. (A 文号 across two text nodes is not looked for.)
    const numbers = [...new Set([...JSON.stringify(listPacks().map((p) => getPack(p.id))).matchAll(/[\u4e00-\u9fff]{1,6}〔\d{4}〕\d+号/g)].map((m) => m[0].replace(/^(可按|按|依|据)/, '')))];
    expect(numbers).toEqual(expect.arrayContaining(['津滨政发〔2018〕31号', '国办发〔2025〕22号']));
    const split = async (where: string) =>
      page.evaluate(([w, nos]) => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (const no of nos) {
            for (let i = n.nodeValue!.indexOf(no); i !== -1; i = n.nodeValue!.indexOf(no, i + 1)) {
              range.setStart(n, i);
              range.setEnd(n, i + no.length);
              const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              if (tops.size > 1) out.push(`${w}: ${no}`);
            }
          }
        }
        return out;
      }, [where, numbers] as const);
    const found: string[] = [];
    // A narrow window, where the decision's head and the citations wrap.
    await page.setViewportSize({ width: 1024, height: 900 });
    for (const id of ['site/01-binhai-warning-march', 'site/02-tonghua-objection', 'examples/14-judgment-defaulter']) {
      await example(id);
      found.push(...(await split(id)));
    }
    await page.click('#tab-packs');
    for (const pack of SHIPPED_PACKS.filter((id) => id !== 'cn-national')) {
      await page.selectOption('#explorer-pack', pack);
      found.push(...(await split(pack)));
    }
    await page.click('#tab-calendar');
    await page.selectOption('#cal-mode', 'objection');
    await page.selectOption('#cal-pack', 'cn-jl-tonghua');
    found.push(...(await split('calendar')));
    await page.setViewportSize({ width: 1400, height: 1000 });
    expect(found).toEqual([]);
  });

  it('offers the working-days box only where the document fixes no deadline', async () => {
    await page.click('#tab-calendar');
    await page.selectOption('#cal-mode', 'objection');
    await page.selectOption('#cal-pack', 'cn-jl-tonghua');
    await expect.poll(() => page.locator('.fixed-days').getAttribute('data-fixed-days')).toBe('15');
    expect(await page.locator('.fixed-days').textContent()).toContain('TH-9');
    expect(await page.locator('#cal-days').count()).toBe(0);
    await page.locator('.calendar-panel .toolbar').screenshot({ path: join(shots, 'layout-tonghua-fixed-days.png') });
    // Binhai's document fixes no reply deadline: the host's number of days is asked for.
    await page.selectOption('#cal-pack', 'cn-tj-binhai');
    await page.locator('#cal-days').waitFor();
    expect(await page.locator('.fixed-days').count()).toBe(0);
    expect(await page.locator('#calendar .note').textContent()).toContain('cn-tj-binhai');
  });

  it('opens a sanction period as a month view in calendar days: from the effective day, no 调休, the day it lifts', async () => {
    await example('site/01-binhai-warning-march', { asOf: '2026-06-01' });
    await page.click('.part-deadlines [data-calendar-for="r1:sanction-period"]');
    const cal = page.locator('.deadline-calendar');
    await expect.poll(() => cal.getAttribute('data-period')).toBe('sanction');
    const role = (d: string) => cal.locator(`td[data-date="${d}"]`).getAttribute('data-role');
    expect(await role('2026-03-14')).toBe('outside');
    expect(await role('2026-03-15')).toBe('first');
    expect(await role('2026-06-01')).toBe('period');
    expect(await role('2026-09-15')).toBe('last');
    expect(await role('2026-09-16')).toBe('lift');
    // Every calendar day from 2026-03-15 to 2026-09-15, none skipped or numbered as a working day.
    expect(await cal.locator('td[data-role="first"], td[data-role="period"], td[data-role="last"]').count()).toBe(185);
    expect(await cal.locator('td[data-role="skipped"], td[data-role="counted"], td[data-count]').count()).toBe(0);
    const text = (await cal.textContent())!;
    expect(text).toContain('2026-03-15 至 2026-09-15');
    expect(text).toContain('2026-09-16 起不再受该处分期限制');
    expect(text).not.toContain('调休上班日');
    expect(text).not.toContain('不计入）');
    // Seven months: March to September, the month it lifts in.
    expect(await cal.locator('table.month').count()).toBe(7);
    await page.locator('.calendar-panel').screenshot({ path: join(shots, 'layout-sanction-period.png') });
  });

  it('decides in a Web Worker', async () => {
    await page.click('#tab-decide');
    expect(await page.evaluate(() => document.documentElement.dataset.decide)).toBe('worker');
  });

  it('a 3,000-record subject pasted into the JSON editor is decided, its lists cut to their first items; the next question is answered while its timeline is still computed', async () => {
    const subject = generateSubject(new Rng(1), 'p-3000', { kind: 'civil-servant', records: [3000, 3000] });
    await example('site/01-binhai-warning-march');
    await page.click('#editor-json');
    // Pasted: the text set at once, as a paste does (typing a megabyte key by key is not the point).
    await page.locator('#subject-json').evaluate((el, text) => {
      (el as HTMLTextAreaElement).value = text;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, JSON.stringify(subject, null, 2));
    await page.waitForFunction(() => document.querySelector('.part-records summary')?.textContent?.includes('3000') && !document.querySelector('#result[aria-busy="true"]'), null, { timeout: 300_000 });
    expect(await page.locator('.part-records tbody tr').count()).toBe(30);
    expect(await page.locator('.part-records [data-more]').getAttribute('data-more')).toBe('2970');
    // The timeline of 3,000 records is still being computed in the worker: the page says so and stays usable.
    expect(await page.locator('#timeline[aria-busy="true"]').count()).toBe(1);
    await page.locator('.part-records summary').click();
    await page.locator('.part-records [data-more]').click();
    expect(await page.locator('.part-records tbody tr').count()).toBe(3000);
    await page.screenshot({ path: join(shots, 'layout-3000-records.png') });
    // The next question: answered although the worker was busy with the old one (it is replaced).
    await page.click('#editor-form').catch(() => undefined);
    await page.selectOption('#example', 'site/02-tonghua-objection');
    await settled();
    expect(await page.locator('.decision-head').getAttribute('data-verdict')).toBe('restricted');
  }, 600_000);

  it('decides on the page itself when opened from disk (file://), where a worker cannot be started', async () => {
    const other = await session.context.newPage();
    const { pathToFileURL } = await import('node:url');
    const { siteDir } = await import('./_support.js');
    await other.goto(pathToFileURL(join(siteDir, 'index.html')).href);
    await other.locator('.decision-head[data-verdict="barred"]').waitFor();
    expect(await other.evaluate(() => document.documentElement.dataset.decide)).toBe('page');
    await other.close();
  });
});
