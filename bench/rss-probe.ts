/**
 * Preloaded into the CLI the benchmark runs (`node --import rss-probe.js cli.js …`): on exit, the
 * main thread writes the process's peak resident set size (ru_maxrss, kilobytes on Linux; worker
 * threads included, they share the process) and its CPU time (user and system, microseconds, all
 * threads) to the file named by GOV_CREDIT_RULES_BENCH_RSS, as `maxRSS userCPU systemCPU`.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.GOV_CREDIT_RULES_BENCH_RSS;
if (out && isMainThread) process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, `${u.maxRSS} ${u.userCPUTime} ${u.systemCPUTime}`);
  });
