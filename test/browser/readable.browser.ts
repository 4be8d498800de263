/**
 * What a personnel officer reads (issue 23), in headless Chromium: the decide view (every example,
 * every question its file asks), the timeline, the deadline calendar (each mode, each pack, each
 * kind of deadline a decision links to) and the pack explorer (every pack), in zh-CN and in en.
 * Fails on any visible raw field name, `null`, `undefined`, untranslated id, or — on the Chinese
 * page — English word outside ids and clause codes (test/browser/_readable.ts says what counts as
 * visible). The developer view (JSON, explain() text, rule conditions) is the one place exempt, and
 * it must be marked as such and closed by default.
 *
 * Also: Chinese text is drawn with real glyphs (a CJK font is installed: .ci/run installs
 * fonts-noto-cjk), checked on screenshots of single characters against the box a missing glyph gets.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluator, listPacks, untyped } from '../../src/index.js';
import { describeProblems, knownWords, readingProblems, seenText, type Problem, type Seen } from './_readable.js';
import { openSite, root, shots, type Session } from './_support.js';

interface Example {
  id: string;
  subject: Record<string, unknown>;
  asOf: string;
  assessmentYear?: number;
  expect: { pack: string; action: string; asOf?: string; assessmentYear?: number }[];
}

function readExamples(dir: string, source: string): Example[] {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ id: `${source}/${f.replace(/\.json$/, '')}`, ...(JSON.parse(readFileSync(join(root, dir, f), 'utf8')) as Omit<Example, 'id'>) }));
}
const EXAMPLES = [...readExamples('site/examples', 'site'), ...readExamples('examples/subjects', 'examples')];

/** Each example's questions, decided here too (to know which deadlines a decision links to). */
const QUESTIONS = EXAMPLES.flatMap((ex) =>
  ex.expect.map((e) => {
    const asOf = e.asOf ?? ex.asOf;
    const annual = e.action === 'excellent-rating' || e.action === 'annual-rating';
    const assessmentYear = annual ? (e.assessmentYear ?? ex.assessmentYear ?? Number(asOf.slice(0, 4))) : undefined;
    const decision = createEvaluator(e.pack).evaluate(untyped({ subject: ex.subject, action: e.action, asOf, ...(assessmentYear ? { assessmentYear } : {}) }));
    return { example: ex.id, pack: e.pack, action: e.action, asOf, assessmentYear, decision };
  }),
);

const known = knownWords(QUESTIONS.map((q) => q.decision), EXAMPLES.map((e) => e.subject));

let session: Session;
let page: Page;

/** Waits until nothing on the page is being computed, and for the frames after it. */
async function settled(): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 30_000 }).catch(() => undefined);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Opens every collapsed part a person can open (never the developer view). */
async function openAll(): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) if (!d.closest('[data-developer]') && !d.hasAttribute('data-developer')) d.open = true;
  });
}

async function setLocale(locale: 'zh-CN' | 'en'): Promise<void> {
  await page.click(`#lang-${locale}`);
  await settled();
}

const found: Record<'zh-CN' | 'en', Problem[]> = { 'zh-CN': [], en: [] };

async function check(locale: 'zh-CN' | 'en', state: string): Promise<Seen[]> {
  await openAll();
  const seen = await seenText(page);
  for (const p of readingProblems(seen, locale, known)) found[locale].push({ ...p, state });
  return seen;
}

/** Asks one of the examples' questions on the decide tab and waits for its answer. */
async function ask(q: (typeof QUESTIONS)[number]): Promise<void> {
  await page.click('#tab-decide');
  await page.selectOption('#example', q.example);
  await settled();
  await page.selectOption('#pack', q.pack);
  await page.selectOption('#action', q.action);
  await page.fill('#as-of', q.asOf);
  if (q.assessmentYear) await page.fill('#assessment-year', String(q.assessmentYear));
  await settled();
}

async function walkDecide(locale: 'zh-CN' | 'en'): Promise<number> {
  let states = 0;
  for (const q of QUESTIONS) {
    await ask(q);
    await check(locale, `decide ${q.example} ${q.pack} ${q.action} ${q.asOf}`);
    states++;
  }
  // The JSON editor with an error in it, and the form with one.
  await page.selectOption('#example', 'site/01-binhai-warning-march');
  await settled();
  await page.fill('[data-input="records.0.occurredOn"]', '2026-04-01');
  await settled();
  await check(locale, 'decide: an error in the form');
  await page.click('#editor-json');
  const text = await page.inputValue('#subject-json');
  await page.fill('#subject-json', text.replace(/"decidedOn": "2026-03-15"/, '"decidedOn": "2026-02-30"'));
  await settled();
  await check(locale, 'decide: an error in the JSON editor');
  await page.fill('#subject-json', '{ "id": "p1", ');
  await settled();
  await check(locale, 'decide: JSON text that cannot be read');
  await page.fill('#subject-json', text);
  await settled();
  await page.click('#editor-form').catch(() => undefined);
  await page.selectOption('#example', 'site/01-binhai-warning-march');
  await settled();
  return states + 3;
}

async function walkCalendar(locale: 'zh-CN' | 'en'): Promise<number> {
  let states = 0;
  await page.click('#tab-calendar');
  for (const mode of ['objection', 'report']) {
    await page.selectOption('#cal-mode', mode);
    for (const pack of listPacks()) {
      await page.selectOption('#cal-pack', pack.id);
      await settled();
      await check(locale, `calendar ${mode} ${pack.id}`);
      states++;
    }
  }
  await page.selectOption('#cal-mode', 'working-days');
  await settled();
  await check(locale, 'calendar working-days');
  states++;
  // Each kind of deadline a decision links to, opened from the decision.
  const byKind = new Map<string, (typeof QUESTIONS)[number]>();
  for (const q of QUESTIONS) for (const d of q.decision.deadlines) if (!byKind.has(d.kind)) byKind.set(d.kind, q);
  for (const [kind, q] of byKind) {
    await ask(q);
    const d = q.decision.deadlines.find((x) => x.kind === kind)!;
    await page.click(`.part-deadlines [data-calendar-for="${d.record}:${kind}"]`);
    await settled();
    await check(locale, `calendar from ${q.example}: ${kind}`);
    states++;
  }
  return states;
}

async function walkPacks(locale: 'zh-CN' | 'en'): Promise<number> {
  await page.click('#tab-packs');
  for (const pack of listPacks()) {
    await page.selectOption('#explorer-pack', pack.id);
    await settled();
    await check(locale, `pack ${pack.id}`);
  }
  return listPacks().length;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  session = await openSite();
  page = session.page;
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('what a person reads, in headless Chromium', () => {
  it('draws Chinese characters as glyphs, not boxes (a CJK font is installed)', async () => {
    // Each character alone, in the page's own font, screenshotted: without a CJK font every one of
    // them is the same empty box, byte for byte the box of a code point no font has (U+10FFFD).
    const chars = ['政', '务', '诚', '信', '规', '则', '届', '满'];
    await page.evaluate((cs) => {
      const probe = document.createElement('div');
      probe.id = 'glyph-probe';
      probe.style.cssText = 'position:fixed;left:0;top:0;z-index:9999;background:#fff;color:#000;font-size:32px;line-height:40px;padding:4px';
      probe.innerHTML = [...cs, '\u{10FFFD}'].map((c, i) => `<span data-glyph="${i}">${c}</span>`).join('');
      // The page's CSP refuses style attributes: styles set through the CSSOM, in whole pixels so every box is cut alike.
      for (const span of probe.querySelectorAll('span')) span.style.cssText = 'display:inline-block;width:40px;height:40px;text-align:center;vertical-align:top';
      document.body.append(probe);
    }, chars);
    const images: string[] = [];
    for (let i = 0; i <= chars.length; i++) images.push((await page.locator(`#glyph-probe [data-glyph="${i}"]`).screenshot()).toString('base64'));
    await page.locator('#glyph-probe').screenshot({ path: join(shots, '00-cjk-glyphs.png') });
    await page.evaluate(() => document.getElementById('glyph-probe')?.remove());
    const box = images.pop()!;
    expect(images.filter((img) => img === box).length, 'characters drawn as the missing-glyph box').toBe(0);
    expect(new Set(images).size, 'distinct pictures for distinct characters').toBe(chars.length);
    // And the page's own heading is wider than its boxes would be only if it has glyphs: its pixels differ from a box row.
    await page.locator('header.top h1').screenshot({ path: join(shots, '00-heading.png') });
  });

  it('the checker finds raw field names, null, undefined, raw ids and English words, and only those', async () => {
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'reading-probe';
      probe.innerHTML = [
        '<dl><dt>verification</dt><dd><code>paraphrase</code></dd><dt>uncertain</dt><dd>null</dd></dl>',
        '<p>政策 unknownDutyContext = in-duty（默认）</p>',
        '<p title="失效 undefined">记录 r1</p>',
        '<details><summary>已折叠</summary>closedDetails undefined</details>',
        '<p class="hidden-probe">hiddenText null</p>',
        '<select><option>警告</option><option>major-demerit</option></select>',
        '<p>不得 csl-64-promotion-bar · cn-tj-binhai · CSL-64 · 2026-09-16 · gov-credit-rules</p>',
        '<div data-developer><pre>{"clearFrom": null}</pre></div>',
      ].join('');
      document.body.prepend(probe);
      // The page's CSP refuses style attributes: styles set through the CSSOM.
      (probe.querySelector('.hidden-probe') as HTMLElement).style.display = 'none';
    });
    const seen = await seenText(page, '#reading-probe');
    const zh = readingProblems(seen, 'zh-CN', known).map((p) => p.word);
    expect(zh).toEqual(['verification', 'paraphrase', 'uncertain', 'null', 'unknownDutyContext', 'in-duty', 'undefined', 'major-demerit']);
    const en = readingProblems(seen, 'en', known).map((p) => p.word);
    expect(en).toEqual(['verification', 'uncertain', 'null', 'unknownDutyContext', 'in-duty', 'undefined', 'major-demerit']);
    await page.evaluate(() => document.getElementById('reading-probe')?.remove());
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`${locale}: the decide, timeline, calendar and pack views show no raw field name, null, undefined${locale === 'zh-CN' ? ' or English word' : ' or raw id'}`, async () => {
      await setLocale(locale);
      const states = (await walkDecide(locale)) + (await walkCalendar(locale)) + (await walkPacks(locale));
      expect(states).toBeGreaterThan(QUESTIONS.length + 20);
      const report = describeProblems(found[locale], Number(process.env.READING_LIMIT ?? 120));
      expect(report, `${found[locale].length} words in ${states} states`).toBe('');
    }, 900_000);
  }
});
