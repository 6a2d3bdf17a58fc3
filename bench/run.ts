// `npm run bench`: speed and memory figures, each printed beside its target
// and, where one applies, a baseline measured in the same run on the same
// machine (absolute timings are noisy; ratios are what to compare).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    rooms: { type: 'string', default: '1000' },
    'per-room': { type: 'string', default: '60' },
    now: { type: 'string', default: '2026-10-31' },
  },
});
const work = mkdtempSync(path.join(os.tmpdir(), 'oai-bench-'));

function tsx(args: string[]): ReturnType<typeof spawn> {
  return spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

async function job<T>(args: string[], script = 'bench/sync-child.ts'): Promise<T> {
  const child = tsx([script, ...args]);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`bench job ${args[0]} exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

async function startDemo(rooms = values.rooms, perRoom = values['per-room']): Promise<{ url: string; stop: () => void }> {
  const child = tsx(['scripts/demo-server.ts', '--port', '0', '--now', values.now, '--rooms', rooms, '--per-room', perRoom]);
  const url = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  return { url, stop: () => child.kill('SIGTERM') };
}

type Row = [metric: string, measured: string, target: string, baseline: string];
const rows: Row[] = [];
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function print(): void {
  const widths = [0, 1, 2, 3].map((i) => Math.max(...[['metric', 'measured', 'target', 'baseline (same run)'], ...rows].map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log('\n' + line(['metric', 'measured', 'target', 'baseline (same run)']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** An xlsx export beside the CSV floor: a plain CSV of the same rows read the same way. */
function exportRow(metric: string, xlsx: { ms: number; peakRssMb: number }, csv: { ms: number; peakRssMb: number }): Row {
  return [
    `${metric}: wall, peak RSS`,
    `${fmt(xlsx.ms / 1000, 1)} s, ${xlsx.peakRssMb} MB`,
    '<= 6x CSV floor; < 300 MB',
    `${fmt(csv.ms / 1000, 1)} s, ${csv.peakRssMb} MB CSV floor; xlsx = ${fmt(xlsx.ms / csv.ms, 1)}x`,
  ];
}

const demo = await startDemo();
try {
  const period = values.now.slice(0, 7);
  console.error(`demo provider ${demo.url}: ${values.rooms} rooms x ${values['per-room']} conferences per room per month, 4 months to ${values.now}`);
  type Sync = { ms: number; rows: number; status: string; peakRssMb: number };
  const ceiling = await job<{ ms: number; rows: number }>(['ceiling', demo.url, path.join(work, 'ceiling.sqlite')]);
  const db = path.join(work, 'cache.sqlite');
  const full = await job<Sync>(['sync', demo.url, db]);
  const again = await job<Sync>(['sync', demo.url, db]);
  const reads = await job<{ summaryMs: number; roomMs: number; rooms: number; conferences: number }>(['reads', db, period]);
  const cold = await job<{ ms: number }>(['cold', db, period]);
  type Export = { ms: number; rows: number; conferences: number; bytes: number; peakRssMb: number };
  const exportJob = (kind: 'xlsx' | 'csv', months: string) =>
    job<Export>([kind, db, months, path.join(work, `export-${months}.${kind}`)], 'bench/export-child.ts');
  const monthCsv = await exportJob('csv', period);
  const monthXlsx = await exportJob('xlsx', period);
  const allCsv = await exportJob('csv', 'all');
  const allXlsx = await exportJob('xlsx', 'all');

  // Views: the renderer as built now, in Chromium on the harness. A second
  // demo account has rooms of about 10,000 conferences a month.
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('renderer build failed');
  const bigRooms = await startDemo('3', '10000');
  const roomDb = path.join(work, 'rooms.sqlite');
  try {
    await job<Sync>(['sync', bigRooms.url, roomDb]);
  } finally {
    bigRooms.stop();
  }
  type Views = { rooms: number; periodSwitchMs: number; summaryFloorMs: number; roomConferences: number; roomOpenMs: number; roomFloorMs: number };
  const views = await job<Views>([db, roomDb], 'bench/views-child.ts');

  const ceilingRate = ceiling.rows / (ceiling.ms / 1000);
  const syncRate = full.rows / (full.ms / 1000);
  rows.push(
    ['full sync: rows (conferences + participant legs)', fmt(full.rows), '~1.4 M legs + 240 k conferences', fmt(ceiling.rows)],
    ['full sync: wall time', `${fmt(full.ms / 1000, 1)} s (${full.status})`, '', `${fmt(ceiling.ms / 1000, 1)} s straight inserts`],
    ['full sync: rows/s', fmt(syncRate), `>= 50 % of ceiling (${fmt(ceilingRate / 2)})`, `${fmt(ceilingRate)} ceiling; sync = ${fmt((100 * syncRate) / ceilingRate)} %`],
    ['full sync: peak RSS', `${full.peakRssMb} MB`, '< 350 MB', ''],
    ['re-sync, nothing changed', `${fmt(again.ms)} ms`, '< 1 s', ''],
    [`account summary of one month (${reads.rooms} rooms)`, `${fmt(reads.summaryMs, 2)} ms`, '< 30 ms', ''],
    [`one room's conferences (${reads.conferences})`, `${fmt(reads.roomMs, 2)} ms`, '< 5 ms', ''],
    ['cold open of the cache + first summary', `${fmt(cold.ms)} ms`, '< 300 ms', ''],
    exportRow(`export one month (${fmt(monthXlsx.conferences)} conferences, ${fmt(monthXlsx.rows)} rows with legs)`, monthXlsx, monthCsv),
    exportRow(`export four months (${fmt(allXlsx.conferences)} conferences, one sheet)`, allXlsx, allCsv),
    [
      `view: choose a period -> summary painted (${fmt(views.rooms)} rooms)`,
      `${fmt(views.periodSwitchMs)} ms`,
      '< 150 ms',
      `${fmt(views.summaryFloorMs)} ms bridge round trip alone`,
    ],
    [
      `view: open a room -> its ${fmt(views.roomConferences)} conferences painted`,
      `${fmt(views.roomOpenMs)} ms`,
      '< 250 ms',
      `${fmt(views.roomFloorMs)} ms bridge round trip alone`,
    ],
  );
  print();
} finally {
  demo.stop();
  rmSync(work, { recursive: true, force: true });
}
