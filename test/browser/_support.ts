/**
 * What the browser suites share: Debian's Chromium (/usr/bin/chromium, driven by playwright-core;
 * nothing downloads a browser), its launch flags, and a tiny static server for build/site that
 * records every path asked for.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildSite } from '../../scripts/build-site.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built site; PLAYGROUND_DIR points the suites at another build (e.g. an older one, to see a check fail on it). */
export const siteDir = process.env.PLAYGROUND_DIR ?? join(root, 'build', 'site');
export const shots = join(root, 'build', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The launch flags: no first-run, sync, component updates or background traffic of Chromium's own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };

/** Serves `dir` on 127.0.0.1 and records every path asked for. */
export function serve(dir: string, asked: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    asked.push(path);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface Session {
  origin: string;
  context: BrowserContext;
  page: Page;
  /** Paths the server was asked for. */
  served: string[];
  /** Every URL the browser requested. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

/** Builds the site if it is not built, serves it, and opens it in headless Chromium (zh-CN, a time zone far from China's). */
export async function openSite(options: { viewport?: { width: number; height: number } } = {}): Promise<Session> {
  if (!existsSync(join(siteDir, 'index.html'))) await buildSite();
  const served: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  const server = await serve(siteDir, served);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const userDataDir = mkdtempSync(join(tmpdir(), 'gcr-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    timezoneId: 'America/Los_Angeles', // the answers must not depend on the viewer's time zone
    viewport: options.viewport ?? { width: 1400, height: 1000 },
  });
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`${origin}/index.html`);
  await page.locator('.decision').waitFor();
  return {
    origin,
    context,
    page,
    served,
    requests,
    errors,
    async close() {
      await context.close();
      server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
