/**
 * Stream section: N roster persons generated lazily and decided through `evaluateStream`, in a child
 * process of its own (bench/stream-child.ts), so that its peak RSS is its own.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { int, judge, secs, type Figure } from './harness.js';
import type { StreamChildResult } from './stream-child.js';

async function runChild(script: string, subjects: number): Promise<StreamChildResult> {
  if (!existsSync(script)) throw new Error(`${script} is missing: run the benchmark with \`npm run bench\``);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, String(subjects)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`stream child exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as StreamChildResult);
    });
  });
}

export async function streamSection(script: string, subjects: number): Promise<Figure[]> {
  const s = await runChild(script, subjects);
  console.log(
    `\n== stream: ${int(s.subjects)} roster persons generated lazily through evaluateStream (cn-tj-binhai, excellent-rating, assessment year 2026), own process: ` +
      `${secs(s.ms)}, ${int(s.rate)} decisions/s, ${s.progressCalls} onProgress calls; RSS before the first subject ${Math.round(s.baselineRssMB)} MB, peak ${Math.round(s.peakRssMB)} MB`,
  );
  return [
    {
      label: `stream peak RSS (${int(s.subjects)} subjects)`,
      value: `${Math.round(s.peakRssMB)} MB`,
      target: '< 200 MB',
      status: judge(s.peakRssMB, '<', 200),
      note: `${int(s.rate)} decisions/s on one thread; ${Math.round(s.baselineRssMB)} MB before the first subject`,
    },
  ];
}
