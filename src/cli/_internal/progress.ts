import type { Locale } from './i18n.js';
import { num } from './i18n.js';

export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

/**
 * A one-line progress bar with rate and ETA, redrawn at most ten times a second, only when the
 * sink is a terminal (a log file or a pipe gets nothing). The ETA needs the input's size (a file,
 * not stdin).
 */
export class Progress {
  private last = 0;
  private drawn = false;
  private readonly start = performance.now();
  constructor(
    private readonly sink: ProgressSink,
    private readonly enabled: boolean,
    private readonly locale: Locale,
    private readonly totalBytes: number | null,
  ) {}

  update(lines: number, decisions: number, bytes: number, force = false): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const secs = (now - this.start) / 1000;
    const rate = secs > 0 ? decisions / secs : 0;
    const en = this.locale === 'en';
    let bar = '';
    let eta = '';
    if (this.totalBytes && this.totalBytes > 0) {
      const f = Math.min(1, bytes / this.totalBytes);
      const w = 24;
      const filled = Math.round(f * w);
      bar = `[${'#'.repeat(filled)}${'-'.repeat(w - filled)}] ${String(Math.floor(f * 100)).padStart(3)}% `;
      if (f > 0 && f < 1) eta = `  ETA ${clock((secs * (1 - f)) / f)}`;
    }
    const text = en
      ? `${bar}${num(lines)} lines  ${num(decisions)} decisions  ${num(rate)}/s${eta}`
      : `${bar}${num(lines)} 行  ${num(decisions)} 个决定  ${num(rate)}/秒${eta.replace('ETA', '预计剩余')}`;
    const cols = this.sink.columns || 80;
    this.sink.write(`\r${text.slice(0, Math.max(10, cols - 1))}\u001b[K`);
    this.drawn = true;
  }

  /** Text that clears the bar before another message is written to the same stream. */
  interrupt(): string {
    if (!this.enabled || !this.drawn) return '';
    this.drawn = false;
    return '\r\u001b[K';
  }

  /** Clears the bar so the summary starts on a clean line. */
  done(): void {
    if (this.enabled && this.drawn) this.sink.write('\r\u001b[K');
  }
}

export function clock(secs: number): string {
  const s = Math.max(0, Math.round(secs));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
