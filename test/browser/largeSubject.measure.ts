/**
 * How the playground holds up with a large subject (issue 23): a 3,000-record subject pasted into
 * the JSON editor, then typed into, in headless Chromium (Debian's /usr/bin/chromium, via
 * playwright-core). Prints, for the paste: the time until its decision is on the page and the
 * longest stretch the page's main thread was blocked (long tasks, PerformanceObserver); for each
 * keystroke: the time until the page paints again after it, the time the page's own input handlers
 * took, and the longest block while typing; and the floor: the same keys typed into a bare
 * textarea holding the same text (what Chromium itself costs to edit a megabyte of text).
 * Figures only — nothing asserts speed (machines here are noisy: see the load average printed).
 *
 *   npm run site && npx tsx test/browser/largeSubject.measure.ts [--records 3000] [--keys 8]
 */
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { Rng, generateSubject } from '../engine/_support/generate.js';
import { openSite } from './_support.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RECORDS = arg('records', 3000);
const KEYS = arg('keys', 8);

const subject = generateSubject(new Rng(1), 'p-3000', { kind: 'civil-servant', records: [RECORDS, RECORDS] });
const text = JSON.stringify(subject, null, 2);

const session = await openSite();
const { page } = session;
try {
  await page.click('#editor-json');
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: false });
  });
  const blocks = (from: number, to: number) =>
    page.evaluate(([a, b]) => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= a! && t.start < b!), [from, to]);
  const now = () => page.evaluate(() => performance.now());
  const frame = () => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  /** Waits until the page shows a decision for the large subject (its records counted) and nothing is being computed. */
  const shown = () =>
    page.waitForFunction(
      (n) => document.querySelector('.part-records summary')?.textContent?.includes(String(n)) && !document.querySelector('#result[aria-busy="true"]'),
      RECORDS,
      { timeout: 600_000, polling: 100 },
    );

  // Paste.
  const p0 = await now();
  const t0 = Date.now();
  const handler = await page.evaluate((t) => {
    const ta = document.querySelector<HTMLTextAreaElement>('#subject-json')!;
    const s = performance.now();
    ta.value = t;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
    return performance.now() - s;
  }, text);
  await shown();
  const pasteShown = Date.now() - t0;
  await frame();
  const p1 = await now();
  const pasteBlocks = await blocks(p0, p1);

  // Keystrokes: spaces typed after the opening brace (the JSON stays valid), about 8 per second.
  /** Types KEYS spaces into `selector` of page `p`; per key: the time to the next frame, and the time in the page's input handlers. */
  const typeKeys = async (p: Page, selector: string) => {
    await p.evaluate((sel) => {
      const w = window as unknown as { handlers: number[]; started: number };
      w.handlers = [];
      window.addEventListener('input', () => (w.started = performance.now()), true);
      document.addEventListener('input', () => w.handlers.push(performance.now() - w.started));
      const ta = document.querySelector<HTMLTextAreaElement>(sel)!;
      ta.focus();
      ta.setSelectionRange(1, 1);
    }, selector);
    const keys: number[] = [];
    for (let i = 0; i < KEYS; i++) {
      const s = Date.now();
      await p.keyboard.press('Space');
      await p.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      keys.push(Date.now() - s);
      await p.waitForTimeout(120);
    }
    return { keys, handlers: await p.evaluate(() => (window as unknown as { handlers: number[] }).handlers) };
  };
  const k0 = await now();
  const { keys, handlers } = await typeKeys(page, '#subject-json');
  const typed = Date.now();
  await shown();
  const afterTyping = Date.now() - typed;
  await frame();
  const k1 = await now();
  const typingBlocks = await blocks(k0, k1);

  // The floor: a bare textarea with the same text, in a page of its own.
  const bare = await session.context.newPage();
  await bare.setContent('<textarea id="bare" wrap="off" spellcheck="false" style="width:400px;height:420px;font:13px monospace"></textarea>');
  await bare.locator('#bare').evaluate((el, t) => ((el as HTMLTextAreaElement).value = t), text);
  const floor = await typeKeys(bare, '#bare');
  await bare.close();

  const ms = (n: number) => `${Math.round(n)} ms`;
  const longest = (b: { duration: number }[]) => ms(Math.max(0, ...b.map((x) => x.duration)));
  const total = (b: { duration: number }[]) => ms(b.reduce((a, x) => a + x.duration, 0));
  const median = (xs: number[]) => ms([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
  const sorted = [...keys].sort((a, b) => a - b);
  process.stdout.write(
    [
      `Playground with a ${RECORDS}-record subject (${(text.length / 1e6).toFixed(2)} MB of JSON), headless Chromium; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`,
      `paste: input handler ${ms(handler)}; decision shown after ${ms(pasteShown)}; main thread blocked: longest ${longest(pasteBlocks)}, total ${total(pasteBlocks)} (${pasteBlocks.length} long tasks)`,
      `typing ${KEYS} keys: key to next frame median ${ms(sorted[Math.floor(sorted.length / 2)]!)}, max ${ms(sorted[sorted.length - 1]!)} (${keys.map((k) => Math.round(k)).join(', ')}); decision shown ${ms(afterTyping)} after the last key`,
      `the page's own input handlers per key: median ${median(handlers)}, max ${ms(Math.max(...handlers))}`,
      `while typing and until decided: main thread blocked longest ${longest(typingBlocks)}, total ${total(typingBlocks)} (${typingBlocks.length} long tasks)`,
      `floor, the same keys in a bare textarea with the same text: key to next frame median ${median(floor.keys)}, max ${ms(Math.max(...floor.keys))} (${floor.keys.join(', ')})`,
      '',
    ].join('\n'),
  );
} finally {
  await session.close();
}
