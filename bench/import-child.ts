// Importing the generated OAI download (import-file.ts writes it), in its own
// process (bundled, the import worker's bundles beside it, split as the app's
// build splits them):
//   import WORK ROWS    the app's import of it into a new cache (worker threads: read + stage,
//                       then one transaction), with peak RSS and the main thread's longest event-loop stall
// run.ts alternates it with import-file.ts's bare read, each in a process of its own, and takes medians.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openCache, upsertAccount } from '../src/main/cache';
import { importThreadRunner } from '../src/main/features/import/import-thread';

const [work, rowsArg] = process.argv.slice(3) as [string, string];
const ROWS = Number(rowsArg);
const file = path.join(work, 'oai-download-50k.xlsx');
const idle = monitorEventLoopDelay({ resolution: 5 });
idle.enable();
await new Promise((resolve) => setTimeout(resolve, 1_000));
idle.disable();
const cacheFile = path.join(work, `import-${process.pid}.sqlite`);
const db = openCache(cacheFile);
const key = { provider: 'https://oai.example', accountNumber: '602127' };
upsertAccount(db, key.provider, { accountNumber: '602127', companyName: 'Bench', currency: 'EUR', timeZone: 'Europe/Paris' });
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const started = performance.now();
const [outcome] = await importThreadRunner(() => cacheFile)(key, [{ path: file, name: path.basename(file) }], {});
const importMs = performance.now() - started;
delay.disable();
db.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(cacheFile + suffix, { force: true });
if (outcome?.status !== 'imported') throw new Error(`the bench file was not imported: ${JSON.stringify(outcome?.problems.slice(0, 3))}`);
process.stdout.write(
  `${JSON.stringify({
    rows: ROWS,
    conferences: outcome.conferences,
    importMs,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    maxStallMs: delay.max / 1e6,
    idleStallMs: idle.max / 1e6,
  })}\n`,
);
