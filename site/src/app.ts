// app.js: the page, or — started again as a Web Worker by the page — the decide worker. One bundle
// for both, so the library is downloaded once.
import { startPage } from './main.js';
import { startWorker } from './worker.js';

if (typeof document === 'undefined') startWorker(self as unknown as Parameters<typeof startWorker>[0]);
else startPage((document.currentScript as HTMLScriptElement | null)?.src ?? null);
