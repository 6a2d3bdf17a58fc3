// The main thread's event-loop stalls while some work runs: its longest
// delay and 99th percentile (perf_hooks.monitorEventLoopDelay), in ms.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface Stalls {
  maxStallMs: number;
  p99StallMs: number;
}

export async function measureStalls<T>(work: () => Promise<T>): Promise<{ result: T } & Stalls> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  try {
    const result = await work();
    return { result, maxStallMs: delay.max / 1e6, p99StallMs: delay.percentile(99) / 1e6 };
  } finally {
    delay.disable();
  }
}
