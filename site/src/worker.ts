// The decide worker: the same bundle as the page (app.js), started as a Web Worker. Answers each
// request with the messages of protocol.ts; the page replaces a worker still busy with an older one.
import { createHandler } from './compute.js';
import type { Request, Response } from './protocol.js';

interface WorkerScope {
  postMessage(message: Response): void;
  onmessage: ((e: MessageEvent<Request>) => void) | null;
}

export function startWorker(scope: WorkerScope): void {
  let latest = 0;
  const handle = createHandler((r) => scope.postMessage(r));
  scope.onmessage = (e) => {
    if (e.data.type === 'decide') latest = e.data.id;
    void handle(e.data, (id) => id === latest);
  };
}
