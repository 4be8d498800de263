// The page's side of deciding: sends the latest question to the decide worker and drops answers to
// older ones. The worker drops an older question at its next step; one stuck in a long step (the
// timeline of a 3,000-record subject can take minutes) is replaced by a fresh worker when the new
// question gets no answer within REPLACE_AFTER_MS. Where no worker can be started (a page opened
// from disk, file://, may not start one), the same code runs on the page, yielding between steps
// and stopping at the next step once a newer question is asked.
import { createHandler } from './compute.js';
import type { DecideRequest, Request, Response } from './protocol.js';

/** How long a new question may wait for a worker busy with an older one before the worker is replaced. */
const REPLACE_AFTER_MS = 600;

export class Decider {
  private worker: Worker | null = null;
  private busy = false;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private latest = 0;
  private last: DecideRequest | null = null;
  private readonly packs: unknown[] = [];
  private local: ((req: Request, current: (id: number) => boolean) => Promise<void>) | null = null;

  constructor(
    private readonly scriptUrl: string | null,
    private readonly onAnswer: (r: Response) => void,
  ) {
    this.worker = this.start();
    if (!this.worker) this.onThePage();
  }

  /** Whether answers come from a worker (false: computed on the page). */
  get inWorker(): boolean {
    return this.worker !== null;
  }

  private start(): Worker | null {
    if (!this.scriptUrl || typeof Worker === 'undefined' || location.protocol === 'file:') return null;
    try {
      const w = new Worker(this.scriptUrl, { name: 'decide' });
      w.onmessage = (e: MessageEvent<Response>) => this.receive(e.data);
      // A worker that cannot load its script (a server that refuses it): decide on the page instead.
      w.onerror = (e) => {
        e.preventDefault();
        if (this.worker !== w) return;
        w.terminate();
        this.onThePage();
        if (this.last && this.last.id === this.latest) this.runHere(this.last);
      };
      for (const pack of this.packs) w.postMessage({ type: 'load-pack', pack } satisfies Request);
      document.documentElement.dataset.decide = 'worker';
      return w;
    } catch {
      return null;
    }
  }

  private onThePage(): void {
    this.worker = null;
    this.local ??= createHandler((r) => this.receive(r));
    document.documentElement.dataset.decide = 'page';
  }

  private runHere(message: DecideRequest): void {
    // After the current task, so the page paints first.
    setTimeout(() => void this.local!(message, (x) => x === this.latest), 0);
  }

  private receive(r: Response): void {
    if ('id' in r && typeof r.id === 'number') {
      if (r.id !== this.latest) return;
      clearTimeout(this.watchdog);
      if (r.type !== 'decision' && r.type !== 'row' && r.type !== 'explain') this.busy = false;
    }
    this.onAnswer(r);
  }

  /** Asks a question; answers to every earlier one are dropped from now on. */
  ask(req: Omit<DecideRequest, 'id' | 'type'>): number {
    const id = ++this.latest;
    const message: DecideRequest = { type: 'decide', id, ...req };
    this.last = message;
    if (this.worker) {
      clearTimeout(this.watchdog);
      if (this.busy) {
        this.watchdog = setTimeout(() => {
          if (id !== this.latest || !this.worker) return;
          this.worker.terminate();
          this.worker = this.start();
          if (this.worker) this.worker.postMessage(message);
          else {
            this.onThePage();
            this.runHere(message);
          }
        }, REPLACE_AFTER_MS);
      }
      this.busy = true;
      this.worker.postMessage(message);
    } else {
      this.busy = true;
      this.runHere(message);
    }
    return id;
  }

  /** Registers a loaded pack with the worker (the page has loaded it already). */
  loadPack(pack: unknown): void {
    this.packs.push(pack);
    this.worker?.postMessage({ type: 'load-pack', pack } satisfies Request);
  }
}
