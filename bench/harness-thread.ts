// The browser harness on a thread of its own, standing for the app's main
// thread: Playwright and Chromium's driver stay on the bench's thread, so
// their work and their garbage collections never count as the app's stalls.
// The bench asks this thread to watch its own event loop around an action.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Stalls } from './event-loop';
import { open } from './harness-page';

type Request = { type: 'watch' } | { type: 'stalls' } | { type: 'close' };
type Reply = { type: 'ready'; url: string } | { type: 'watching' } | ({ type: 'stalls' } & Stalls) | { type: 'closed' };

export interface HarnessThread {
  url: string;
  /** The harness thread's event-loop stalls while `work` runs. */
  measureStalls: (work: () => Promise<void>) => Promise<Stalls>;
  close: () => Promise<void>;
}

/** Starts the harness over a copy of `db` on its own thread. */
export async function openOnThread(db: string): Promise<HarnessThread> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { db } });
  const replies: Reply[] = [];
  const waiters: ((reply: Reply) => void)[] = [];
  worker.on('message', (reply: Reply) => (waiters.length > 0 ? waiters.shift()!(reply) : replies.push(reply)));
  const next = () => new Promise<Reply>((resolve) => (replies.length > 0 ? resolve(replies.shift()!) : waiters.push(resolve)));
  const ask = (request: Request) => {
    worker.postMessage(request);
    return next();
  };
  const ready = await next();
  if (ready.type !== 'ready') throw new Error('the harness thread did not start');
  return {
    url: ready.url,
    measureStalls: async (work) => {
      await ask({ type: 'watch' });
      await work();
      const reply = await ask({ type: 'stalls' });
      if (reply.type !== 'stalls') throw new Error('the harness thread did not answer');
      return { maxStallMs: reply.maxStallMs, p99StallMs: reply.p99StallMs };
    },
    close: async () => {
      await ask({ type: 'close' });
      await worker.terminate();
    },
  };
}

if (parentPort !== null && (workerData as { db?: string } | null)?.db !== undefined) {
  const port = parentPort;
  const app = await open((workerData as { db: string }).db);
  let delay: IntervalHistogram | null = null;
  const reply = (message: Reply) => port.postMessage(message);
  port.on('message', (request: Request) => {
    if (request.type === 'watch') {
      delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      reply({ type: 'watching' });
    } else if (request.type === 'stalls') {
      delay?.disable();
      reply({ type: 'stalls', maxStallMs: (delay?.max ?? 0) / 1e6, p99StallMs: (delay?.percentile(99) ?? 0) / 1e6 });
    } else {
      void app.close().then(() => reply({ type: 'closed' }));
    }
  });
  reply({ type: 'ready', url: app.url });
}
