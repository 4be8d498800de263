/**
 * Preloaded into the CLI the benchmark runs (`node --import rss-probe.js cli.js …`): on exit, the
 * main thread writes the process's peak resident set size (ru_maxrss, kilobytes on Linux; worker
 * threads included, they share the process) to the file named by GOV_CREDIT_RULES_BENCH_RSS.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.GOV_CREDIT_RULES_BENCH_RSS;
if (out && isMainThread) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
