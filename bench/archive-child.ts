// The archive on the large cache, in its own process (bundled, with the
// archive thread's bundle beside it, as the app ships it):
//   archive DB WORK   a backup beside a plain copy of the same file (alternating rounds),
//                     quick_check, and the main thread's longest event-loop stall during a backup
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { quickCheckFile } from '../src/main/cache';
import { takeBackup } from '../src/main/cache/archive';
import { measureStalls } from './event-loop';

const [dbFile, work] = process.argv.slice(2) as [string, string];
const ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The longest event-loop delay while `work` runs, in ms. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  return (await measureStalls(work)).maxStallMs;
}
const p99Ms: number[] = [];

// The same measure with nothing running, for scale: on a busy machine the OS
// alone delays timers by tens of ms.
const idleStallMs = await longestStall(() => new Promise((resolve) => setTimeout(resolve, 2_000)));
const copyMs: number[] = [];
const backupMs: number[] = [];
const stallMs: number[] = [];
const busyMs: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const copy = path.join(work, `copy-${round}.sqlite`);
  let started = performance.now();
  await copyFile(dbFile, copy);
  copyMs.push(performance.now() - started);
  await rm(copy);

  const dir = path.join(work, `backups-${round}`);
  started = performance.now();
  const loop = performance.eventLoopUtilization();
  const stalls = await measureStalls(() => takeBackup(dbFile, { dir, prune: false }));
  stallMs.push(stalls.maxStallMs);
  p99Ms.push(stalls.p99StallMs);
  backupMs.push(performance.now() - started);
  // How long the main thread itself worked during the backup (the rest of a stall is the OS's).
  busyMs.push(performance.eventLoopUtilization(loop).active);
  await rm(dir, { recursive: true });
}
const checkMs: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const report = quickCheckFile(dbFile);
  if (!report.ok) throw new Error(`the bench cache is damaged: ${report.problems.join('; ')}`);
  checkMs.push(report.ms);
}
process.stdout.write(
  `${JSON.stringify({
    copyMs: median(copyMs),
    backupMs: median(backupMs),
    rounds: backupMs.map((ms, i) => ms / copyMs[i]!),
    maxStallMs: Math.max(...stallMs),
    p99StallMs: Math.max(...p99Ms),
    idleStallMs,
    mainThreadBusyMs: Math.max(...busyMs),
    quickCheckMs: median(checkMs),
  })}\n`,
);
