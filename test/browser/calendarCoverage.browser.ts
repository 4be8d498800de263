/**
 * Issue 21 in the playground (`npm run test:browser`): an objection received 2026-12-15 under 通化
 * needs 2027, which the bundled data lacks. The deadline calendar offers a choice in plain words —
 * count the statutory holidays for now, count weekends only, or load the year's schedule — and
 * answers provisionally (2027-01-06, 元旦 skipped), then firmly after a schedule file is loaded;
 * with no code, option or field names on the page at any step. Headless Chromium from Debian's
 * package through playwright-core; the built site served on 127.0.0.1; screenshots go to
 * build/screenshots-calendar (not committed).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build-site.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const siteDir = join(root, 'build', 'site');
const shots = join(root, 'build', 'screenshots-calendar');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const SCHEDULE = join(root, 'examples', 'schedules', 'holidays-2027.example.json');

/**
 * What an officer must not meet on the page: the library's option and field names, code, JSON.
 * (Pack ids such as cn-jl-tonghua and clause codes such as TH-9 are allowed: they are ids.)
 */
const CODE = /withSchedule|createCalendar|unknownYears|unknownCalendarYears|receivedOn|weekends-only|statutory|schedules|holidays|workdays|issuedOn|calendar\.|=>|\{|\}|\bnull\b|undefined|Error\b/;

let server: Server;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
const consoleErrors: string[] = [];
const requests: string[] = [];

function serve(dir: string): Promise<Server> {
  const s = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir + sep) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

async function visibleText(): Promise<string> {
  return page.locator('#main').innerText();
}

async function askObjection(lang: 'zh-CN' | 'en'): Promise<void> {
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html${lang === 'en' ? '?lang=en' : ''}`);
  await page.click('#tab-calendar');
  await page.selectOption('#cal-mode', 'objection');
  await page.selectOption('#cal-pack', 'cn-jl-tonghua');
  await page.fill('#cal-date', '2026-12-15');
  await page.dispatchEvent('#cal-date', 'change');
}

beforeAll(async () => {
  if (!existsSync(join(siteDir, 'index.html'))) await buildSite();
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  server = await serve(siteDir);
  userDataDir = mkdtempSync(join(tmpdir(), 'gcr-chromium-cal-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    locale: 'zh-CN',
    timezoneId: 'Pacific/Kiritimati', // far from China: the answers must not move
    viewport: { width: 1300, height: 1100 },
  });
  context.on('request', (r) => requests.push(r.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
}, 120_000);

afterAll(async () => {
  await context?.close();
  server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('deadline calendar: a year without a holiday schedule', () => {
  it('asks in plain words instead of an error: statutory holidays, weekends only, or load the schedule', async () => {
    await askObjection('zh-CN');
    const choice = page.locator('.coverage-choice');
    await choice.waitFor();
    expect(await choice.getAttribute('data-year')).toBe('2027');
    const text = await visibleText();
    expect(text).toContain('还没有 2027 年的节假日安排');
    expect(text).toContain('按法定节假日暂算（推荐）');
    expect(text).toContain('只按周末暂算');
    expect(text).toContain('载入国务院办公厅公布的 2027 年节假日安排');
    expect(text).not.toMatch(CODE);
    expect(await page.locator('.deadline-calendar').count()).toBe(0);
    await page.locator('.calendar-panel').screenshot({ path: join(shots, '01-choice.png') });
  });

  it('statutory holidays: due 2027-01-06, 元旦 skipped, marked provisional in words', async () => {
    await page.click('#choose-statutory');
    const cal = page.locator('.deadline-calendar');
    await expect.poll(() => cal.getAttribute('data-due')).toBe('2027-01-06');
    expect(await cal.locator('.provisional').getAttribute('data-provisional')).toBe('statutory');
    expect(await cal.locator('.provisional').textContent()).toContain('暂定：2027 年尚无节假日安排');
    expect(await cal.locator('td[data-date="2027-01-01"]').getAttribute('data-kind')).toBe('holiday');
    expect(await cal.locator('td[data-date="2027-01-01"]').getAttribute('data-role')).toBe('skipped');
    expect(await cal.locator('td[data-date="2027-01-06"]').getAttribute('data-count')).toBe('15');
    expect(await page.locator('.calendar-source').textContent()).toContain('尚无安排的年份按法定节假日暂算');
    expect(await visibleText()).not.toMatch(CODE);
    await page.locator('.calendar-panel').screenshot({ path: join(shots, '02-statutory.png') });
  });

  it('weekends only: due 2027-01-05 (元旦 counted as a working day), marked provisional', async () => {
    await askObjection('zh-CN');
    await page.click('#choose-weekends');
    const cal = page.locator('.deadline-calendar');
    await expect.poll(() => cal.getAttribute('data-due')).toBe('2027-01-05');
    expect(await cal.locator('.provisional').getAttribute('data-provisional')).toBe('weekends-only');
    expect(await visibleText()).not.toMatch(CODE);
  });

  it('after loading the 2027 schedule file: due 2027-01-06, not provisional, the schedule named', async () => {
    await askObjection('zh-CN');
    await page.locator('.coverage-choice').waitFor();
    await page.setInputFiles('.coverage-choice #schedule-file', SCHEDULE);
    const cal = page.locator('.deadline-calendar');
    await expect.poll(() => cal.getAttribute('data-due')).toBe('2027-01-06');
    expect(await cal.locator('.provisional').count()).toBe(0);
    expect(await page.locator('.calendar-source .loaded').getAttribute('data-year')).toBe('2027');
    expect(await page.locator('.calendar-source').textContent()).toContain('已载入 2027 年（示例（非官方）（2026-11-15））');
    expect(await cal.locator('td[data-date="2027-01-01"]').getAttribute('data-kind')).toBe('holiday');
    expect(await visibleText()).not.toMatch(CODE);
    await page.locator('.calendar-panel').screenshot({ path: join(shots, '03-loaded.png') });
    // Removed again: the choice comes back.
    await page.click('.calendar-source button[data-remove-year="2027"]');
    await page.locator('.coverage-choice').waitFor();
  });

  it('a broken file pasted is refused in plain words, at its place in the file (English too)', async () => {
    await askObjection('en');
    await page.locator('.coverage-choice').waitFor();
    const broken = readFileSync(SCHEDULE, 'utf8').replace('"2027-02-20"', '"2027-02-30"');
    await page.fill('.coverage-choice #schedule-text', broken);
    await page.click('.coverage-choice #schedule-paste');
    const problems = page.locator('.coverage-choice .schedule-problems li');
    await expect.poll(() => problems.count()).toBe(1);
    expect(await problems.first().textContent()).toContain('make-up working days › item 1');
    await page.fill('.coverage-choice #schedule-text', '{ not json');
    await page.click('.coverage-choice #schedule-paste');
    await expect.poll(() => problems.first().textContent()).toContain('not a holiday schedule file');
    expect(await page.locator('.coverage-choice').innerText()).not.toMatch(/withSchedule|unknownYears|workdays|issuedOn|SyntaxError/);
    // The English page answers the same once a choice is made.
    await page.click('#choose-statutory');
    await expect.poll(() => page.locator('.deadline-calendar').getAttribute('data-due')).toBe('2027-01-06');
    expect(await page.locator('.deadline-calendar .provisional').textContent()).toContain('Provisional: 2027 has no holiday schedule yet');
  });

  it('the decide tab: a decision whose objection reply runs into 2027 offers the same choice, then shows the deadline provisional', async () => {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`);
    await page.selectOption('#pack', 'cn-jl-tonghua');
    await page.selectOption('#action', 'promotion');
    await page.fill('#as-of', '2026-12-20');
    await page.click('#editor-json');
    const subject = {
      id: 'p-2027',
      kind: 'civil-servant',
      records: [{ id: 'r1', kind: 'administrative-penalty', occurredOn: '2026-08-20', decidedOn: '2026-10-09', determinedBy: 'market-regulator-220500', events: [{ type: 'objection-filed', date: '2026-12-15', channel: 'determining-department' }] }],
    };
    await page.fill('#subject-json', JSON.stringify(subject, null, 2));
    const choice = page.locator('#result .coverage-choice');
    await choice.waitFor();
    expect(await choice.getAttribute('data-year')).toBe('2027');
    const text = await page.locator('#result').innerText();
    expect(text).toContain('这项判定中的期限要用到 2027 年的日子');
    expect(text.match(CODE)?.[0], text.slice(Math.max(0, (text.match(CODE)?.index ?? 0) - 80), (text.match(CODE)?.index ?? 0) + 80)).toBeUndefined();
    await page.click('#result #choose-statutory');
    const row = page.locator('#result tr[data-deadline="objection-reply"]');
    await expect.poll(() => row.getAttribute('data-due')).toBe('2027-01-06');
    // The row carries the mark; the reason is said once below the table, under the mark's number.
    const mark = row.locator('.provisional');
    expect(await mark.textContent()).toBe('（暂定，见注 1）');
    const note = page.locator(`#result .provisional-notes li[data-provisional-note="${await mark.getAttribute('data-provisional-note')}"]`);
    expect(await note.textContent()).toContain('暂定：2027 年尚无节假日安排');
    // The last-day and state cells keep their width: neither wraps to a column of single characters.
    for (const cell of [row.locator('td').nth(3), row.locator('td').nth(4)]) expect((await cell.boundingBox())!.width).toBeGreaterThan(60);
    await page.locator('#result .part-deadlines').screenshot({ path: join(shots, '04-decide-deadlines.png') });
    expect(await page.locator('.decision-head').getAttribute('data-verdict')).toBe('restricted');
    // The choice holds for the deadline calendar too: it answers at once, provisionally.
    await page.click('#tab-calendar');
    await page.selectOption('#cal-mode', 'objection');
    await page.selectOption('#cal-pack', 'cn-jl-tonghua');
    await page.fill('#cal-date', '2026-12-15');
    await page.dispatchEvent('#cal-date', 'change');
    await expect.poll(() => page.locator('.deadline-calendar').getAttribute('data-due')).toBe('2027-01-06');
    expect(await page.locator('.deadline-calendar .provisional').getAttribute('data-provisional')).toBe('statutory');
  });

  it('no console errors, no request beyond the page', () => {
    expect(consoleErrors).toEqual([]);
    for (const u of requests) expect(u.startsWith('http://127.0.0.1:')).toBe(true);
  });
});
