// `npm run bench`: speed and memory figures, each printed beside its target
// and, where one applies, a baseline measured in the same run on the same
// machine (absolute timings are noisy; ratios are what to compare).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values } = parseArgs({
  options: {
    rooms: { type: 'string', default: '1000' },
    'per-room': { type: 'string', default: '60' },
    now: { type: 'string', default: '2026-10-31' },
    /** Months of the reports' archive (issue 12: 24 at the large scale). */
    'report-months': { type: 'string', default: '24' },
    /** Only the reports' rows (the 24-month archive), without the sync, archive, export and view rows. */
    'reports-only': { type: 'boolean', default: false },
    /** 'import': only the import rows; 'link': only the slow-link and compression rows; 'views': only the views' rows (after one sync). */
    only: { type: 'string', default: '' },
  },
});
const work = mkdtempSync(path.join(os.tmpdir(), 'oai-bench-'));
// Every child's temp files (view data folders, Chromium profiles, archives)
// go to the work folder, removed at the end: each run leaves several GB.
Object.assign(process.env, { TMPDIR: work, TMP: work, TEMP: work });
process.once('SIGINT', () => {
  rmSync(work, { recursive: true, force: true });
  process.exit(130);
});
const SYNC_ROUNDS = 3;

function tsx(args: string[]): ReturnType<typeof spawn> {
  return spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

// The sync and archive jobs run the code as shipped: bundled JavaScript, their
// worker threads the bundled worker files beside them, in plain Node. Through the TypeScript
// loader each thread carried ~30 MB of loader and source maps the app doesn't.
const SYNC_BUNDLE = path.join('out', 'bench', 'sync-child.js');
const BUNDLE = { outdir: path.dirname(SYNC_BUNDLE), bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning' } as const;
await build({
  ...BUNDLE,
  entryPoints: {
    'sync-child': 'bench/sync-child.ts',
    'writer-thread.worker': 'src/main/sync/writers/writer-thread.worker.ts',
    'archive-child': 'bench/archive-child.ts',
    'archive.worker': 'src/main/cache/worker/archive.worker.ts',
    'import-child': 'bench/import-child.ts',
    'import.worker': 'src/main/features/import/import.worker.ts',
    'parse.worker': 'src/main/import/parse.worker.ts',
    'export-child': 'bench/export-child.ts',
    'export.worker': 'src/main/export/export.worker.ts',
  },
  // Shared chunks, and a dynamic import loaded when reached, as the app's build does (the import thread relies on it).
  splitting: true,
});
// The import bench's file and floor: exceljs alone, in a bundle of its own.
await build({ ...BUNDLE, entryPoints: { 'import-file': 'bench/import-file.ts' } });

/**
 * Where the views bench runs (see harness-page.ts launchChromium): the bench
 * child on the first CPU, Chromium on the others, when taskset is here and
 * there are at least two.
 */
const PINNED =
  os.availableParallelism() >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0
    ? { child: ['taskset', '-c', '0'], chromium: `1-${os.availableParallelism() - 1}` }
    : null;

async function job<T>(args: string[], script = SYNC_BUNDLE, pinned = false): Promise<T> {
  const command = pinned && PINNED !== null ? PINNED.child : [];
  const nodeArgs = script.endsWith('.ts') ? ['--import', 'tsx', script, ...args] : [script, ...args];
  const env = pinned && PINNED !== null ? { ...process.env, BENCH_CHROMIUM_CPUS: PINNED.chromium } : process.env;
  const child = spawn(command[0] ?? process.execPath, [...command.slice(1), ...(command.length > 0 ? [process.execPath] : []), ...nodeArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`bench job ${args[0]} exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

async function startDemo(rooms = values.rooms, perRoom = values['per-room'], pageCacheMb = 0, link: string[] = []): Promise<{ url: string; stop: () => void }> {
  const child = tsx(['scripts/demo-server.ts', '--port', '0', '--now', values.now, '--rooms', rooms, '--per-room', perRoom, '--page-cache-mb', String(pageCacheMb), ...link]);
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percent = (part: number, whole: number) => `${fmt((100 * part) / whole)} %`;
const mb = (bytes: number) => `${fmt(bytes / 1_048_576, 1)} MB`;

type Sync = { ms: number; rows: number; status: string; peakRssMb: number; wireBytes: number; longestChain: number; maxStallMs: number; p99StallMs: number; monthsInFlight: number };

/** The main thread's event-loop stalls during some work, beside the 50 ms target. */
function stallRow(task: string, stalls: { maxStallMs: number; p99StallMs: number }, note = ''): Row {
  return [`main thread during ${task}: longest event-loop stall, p99`, `${fmt(stalls.maxStallMs)} ms, ${fmt(stalls.p99StallMs)} ms`, 'no stall > 50 ms', note];
}

// A remote provider: a medium account (LINK_ROOMS rooms x LINK_PER_ROOM a
// month, 4 months) over links of 50 and 150 ms per request, and compressed.
// The floor of a link: the longest month's request chain (sign-in, account
// and periods first, then the month's rooms and pages one after the other)
// times the delay, plus the same sync's time on loopback.
const LINK_ROOMS = '300';
const LINK_PER_ROOM = '40';
async function linkRows(): Promise<Row[]> {
  const linkSync = async (link: string[]) => {
    const provider = await startDemo(LINK_ROOMS, LINK_PER_ROOM, 512, link);
    try {
      // The first sync renders (and keeps) the pages; the second is measured.
      await job<Sync>(['sync', provider.url, path.join(work, `link-warm.sqlite`)]);
      return await job<Sync>(['sync', provider.url, path.join(work, `link-${link.join('')}.sqlite`)]);
    } finally {
      provider.stop();
      rmSync(path.join(work, `link-warm.sqlite`), { force: true });
    }
  };
  const loopback = await linkSync([]);
  const compressed = await linkSync(['--compress']);
  const out: Row[] = [
    [
      `medium account (${LINK_ROOMS} rooms x ${LINK_PER_ROOM}, ${fmt(loopback.rows)} rows): bytes on the wire, compressed`,
      `${mb(compressed.wireBytes)} in ${fmt(compressed.ms / 1000, 1)} s`,
      'a fraction of uncompressed',
      `${mb(loopback.wireBytes)} in ${fmt(loopback.ms / 1000, 1)} s uncompressed; compressed = ${percent(compressed.wireBytes, loopback.wireBytes)}`,
    ],
  ];
  for (const delay of [50, 150]) {
    const slow = await linkSync(['--latency-ms', String(delay), '--compress']);
    const floor = slow.longestChain * delay + compressed.ms;
    out.push([
      `sync over a ${delay} ms link (compressed, ${slow.monthsInFlight} months side by side)`,
      `${fmt(slow.ms / 1000, 1)} s = ${fmt(slow.ms / floor, 2)}x floor (${slow.status})`,
      '<= 1.3x floor',
      `floor ${fmt(floor / 1000, 1)} s = ${slow.longestChain} requests x ${delay} ms + ${fmt(compressed.ms / 1000, 1)} s on loopback (compressed)`,
    ]);
  }
  return out;
}

if (values.only === 'link') {
  try {
    rows.push(...(await linkRows()));
    print();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

type ImportRun = { rows: number; conferences: number; importMs: number; peakRssMb: number; maxStallMs: number; idleStallMs: number };
const IMPORT_ROWS = 50_000;
const IMPORT_ROUNDS = 3;

/** Importing a generated 50,000-row .xlsx beside exceljs's bare streaming read of the same file, alternating, medians of 3. */
async function importRows(): Promise<Row[]> {
  const child = path.join(path.dirname(SYNC_BUNDLE), 'import-child.js');
  const fileJob = path.join(path.dirname(SYNC_BUNDLE), 'import-file.js');
  await job<object>(['generate', work, String(IMPORT_ROWS)], fileJob);
  const runs: ImportRun[] = [];
  const bare: number[] = [];
  for (let round = 0; round < IMPORT_ROUNDS; round++) {
    bare.push((await job<{ bareMs: number }>(['bare', work, String(IMPORT_ROWS)], fileJob)).bareMs);
    runs.push(await job<ImportRun>(['import', work, String(IMPORT_ROWS)], child));
  }
  const importMs = median(runs.map((run) => run.importMs));
  const bareMs = median(bare);
  const ratios = runs.map((run, i) => `${fmt(run.importMs / bare[i]!, 1)}x`).join(', ');
  return [
    [
      `import a ${fmt(IMPORT_ROWS)}-row .xlsx (read on one thread, staged on another, one transaction; median of ${IMPORT_ROUNDS})`,
      `${fmt(importMs / 1000, 1)} s, peak RSS ${Math.max(...runs.map((run) => run.peakRssMb))} MB (highest)`,
      '<= 2x bare read; < 300 MB',
      `${fmt(bareMs / 1000, 1)} s exceljs bare streaming read; import = ${fmt(importMs / bareMs, 1)}x (rounds: ${ratios})`,
    ],
    [
      'main thread: longest event-loop stall during that import (highest)',
      `${fmt(Math.max(...runs.map((run) => run.maxStallMs)))} ms`,
      '< 50 ms',
      `${fmt(Math.max(...runs.map((run) => run.idleStallMs)))} ms with nothing running (1 s)`,
    ],
  ];
}

if (values.only === 'import') {
  try {
    rows.push(...(await importRows()));
    print();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

// The provider keeps every page it has rendered (--page-cache-mb), as a remote
// provider's work would not run on this machine: the first ceiling job renders
// them, the syncs then measure this app. One more sync against a provider that
// renders every request is printed for reference.
/**
 * Reports across months: a 24-month archive written directly (not synced),
 * then Trends and the 12-month Chargeback painted in Chromium beside the
 * bridge round trip alone, the cache's size on disk, and search across it
 * (its index built, a first page painted). Needs the built renderer.
 */
async function reportRows(): Promise<Row[]> {
  type Reports = {
    months: number;
    conferences: number;
    participants: number;
    writeMs: number;
    cacheMb: number;
    trendsQueryMs: number;
    chargebackQueryMs: number;
    firstTrendsMs: number;
    trendsMs: number;
    trendsFloorMs: number;
    chargebackMs: number;
    chargebackFloorMs: number;
  };
  const r = await job<Reports>([work, values.rooms, values['per-room'], values['report-months']], 'bench/reports-child.ts');
  const scale = `${r.months} months, ${fmt(r.conferences)} conferences`;
  // Search across the same archive: its index built again from nothing (as an upgraded archive is), then searches painted.
  type Search = { months: number; indexMs: number; terms: string[]; searchMs: number; slowestMs: number; floorMs: number };
  const search = await job<Search>([path.join(work, 'reports.sqlite'), 'rebuild'], 'bench/search-child.ts');
  return [
    [`reports archive written directly (${scale}, ${fmt(r.participants)} legs)`, `${fmt(r.writeMs / 1000, 1)} s`, '', ''],
    [`reports archive: cache size on disk`, `${fmt(r.cacheMb)} MB`, '', ''],
    ['view: Trends (every month of the account) painted', `${fmt(r.trendsMs)} ms`, '< 250 ms', `${fmt(r.trendsFloorMs)} ms bridge round trip alone; query ${fmt(r.trendsQueryMs, 1)} ms; first open (chart code loaded) ${fmt(r.firstTrendsMs)} ms`],
    ['view: Chargeback (codes x last 12 months) painted', `${fmt(r.chargebackMs)} ms`, '< 250 ms', `${fmt(r.chargebackFloorMs)} ms bridge round trip alone; query ${fmt(r.chargebackQueryMs, 1)} ms`],
    [
      `search index: build every month (${search.months} months, ${fmt(r.conferences)} conferences)`,
      `${fmt(search.indexMs / 1000, 1)} s`,
      'off the sync path: after each swap, or on the archive thread',
      `${fmt(search.indexMs / search.months / 1000, 2)} s a month`,
    ],
    [
      `view: search ${search.months} months -> first page painted (median of ${search.terms.length} searches)`,
      `${fmt(search.searchMs)} ms`,
      '< 150 ms',
      `${fmt(search.floorMs)} ms bridge round trip alone; slowest ${fmt(search.slowestMs)} ms (${search.terms.map((t) => `"${t}"`).join(', ')})`,
    ],
  ];
}

if (values['reports-only']) {
  const built = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('renderer build failed');
  try {
    rows.push(...(await reportRows()));
    print();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

/**
 * Views: the renderer as built now, in Chromium on the harness, over the
 * large account's cache `db` and a second demo account whose rooms hold about
 * 10,000 conferences a month.
 */
async function viewRows(db: string): Promise<Row[]> {
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('renderer build failed');
  const bigRooms = await startDemo('3', '10000');
  const roomDb = path.join(work, 'rooms.sqlite');
  try {
    await job<Sync>(['sync', bigRooms.url, roomDb]);
  } finally {
    bigRooms.stop();
  }
  type Views = {
    rooms: number;
    periodSwitchMs: number;
    summaryFloorMs: number;
    roomConferences: number;
    roomOpenMs: number;
    roomFloorMs: number;
    firstFloorMs: number;
    maxStallMs: number;
    p99StallMs: number;
  };
  const views = await job<Views>([db, roomDb], 'bench/views-child.ts', true);
  return [
    [
      `view: choose a period -> summary painted (${fmt(views.rooms)} rooms)`,
      `${fmt(views.periodSwitchMs)} ms`,
      '< 150 ms',
      `${fmt(views.summaryFloorMs)} ms bridge round trip alone`,
    ],
    [
      `view: open a room of ${fmt(views.roomConferences)} conferences -> first screen painted`,
      `${fmt(views.roomOpenMs)} ms`,
      '< 100 ms',
      `${fmt(views.firstFloorMs)} ms bridge round trip of the first screen alone; ${fmt(views.roomFloorMs)} ms of the whole list (fetched behind it)`,
    ],
    stallRow(`opening a room of ${fmt(views.roomConferences)} conferences (5 times; the harness on a thread of its own, Chromium on ${PINNED === null ? 'the same CPUs' : `CPUs ${PINNED.chromium}`})`, views),
  ];
}

if (values.only === 'views') {
  try {
    const db = path.join(work, 'cache.sqlite');
    const provider = await startDemo(values.rooms, values['per-room'], 0);
    try {
      await job<Sync>(['sync', provider.url, db]);
    } finally {
      provider.stop();
    }
    rows.push(...(await viewRows(db)));
    print();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

const demo = await startDemo(values.rooms, values['per-room'], 2048);
try {
  const period = values.now.slice(0, 7);
  console.error(`demo provider ${demo.url}: ${values.rooms} rooms x ${values['per-room']} conferences per room per month, 4 months to ${values.now}`);
  type Ceiling = { ms: number; rows: number };
  // Ceiling and sync alternate, three rounds: this machine's speed drifts by
  // tens of % from minute to minute, and medians of interleaved runs resist it.
  const ceilings: Ceiling[] = [];
  const syncs: Sync[] = [];
  const db = path.join(work, 'cache.sqlite');
  for (let round = 0; round < SYNC_ROUNDS; round++) {
    ceilings.push(await job<Ceiling>(['ceiling', demo.url, path.join(work, `ceiling-${round}.sqlite`)]));
    const file = round === SYNC_ROUNDS - 1 ? db : path.join(work, `sync-${round}.sqlite`);
    syncs.push(await job<Sync>(['sync', demo.url, file]));
    if (file !== db) rmSync(file, { force: true });
  }
  const rendering = await startDemo();
  let live: Sync;
  try {
    live = await job<Sync>(['sync', rendering.url, path.join(work, 'sync-live.sqlite')]);
  } finally {
    rendering.stop();
  }
  const again = await job<Sync>(['sync', demo.url, db]);
  const reads = await job<{ summaryMs: number; roomMs: number; rooms: number; conferences: number }>(['reads', db, period]);
  const cold = await job<{ ms: number }>(['cold', db, period]);
  type Archive = { copyMs: number; backupMs: number; rounds: number[]; maxStallMs: number; p99StallMs: number; idleStallMs: number; mainThreadBusyMs: number; quickCheckMs: number };
  const archive = await job<Archive>([db, work], path.join(path.dirname(SYNC_BUNDLE), 'archive-child.js'));
  const cacheMb = statSync(db).size / 1_048_576;
  type Export = { ms: number; rows: number; conferences: number; bytes: number; peakRssMb: number; maxStallMs: number; p99StallMs: number };
  const exportJob = (kind: 'xlsx' | 'csv', months: string) =>
    job<Export>([kind, db, months, path.join(work, `export-${months}.${kind}`)], path.join(path.dirname(SYNC_BUNDLE), 'export-child.js'));
  const monthCsv = await exportJob('csv', period);
  const monthXlsx = await exportJob('xlsx', period);
  const allCsv = await exportJob('csv', 'all');
  const allXlsx = await exportJob('xlsx', 'all');

  const views = await viewRows(db);
  const reports = await reportRows();
  const link = await linkRows();

  const rate = (run: { ms: number; rows: number }) => run.rows / (run.ms / 1000);
  const ceilingRate = median(ceilings.map(rate));
  const syncRate = median(syncs.map(rate));
  const full = syncs.at(-1)!;
  const rounds = syncs.map((sync, i) => percent(rate(sync), rate(ceilings[i]!))).join(', ');
  rows.push(
    ['full sync: rows (conferences + participant legs)', fmt(full.rows), '~1.4 M legs + 240 k conferences', fmt(ceilings[0]!.rows)],
    [
      `full sync: wall time (median of ${SYNC_ROUNDS}; ${syncs.map((s) => s.monthsInFlight).join(', ')} months side by side)`,
      `${fmt(median(syncs.map((s) => s.ms)) / 1000, 1)} s (${syncs.map((s) => s.status).join(', ')})`,
      '',
      `${fmt(median(ceilings.map((c) => c.ms)) / 1000, 1)} s straight inserts`,
    ],
    [
      'full sync: rows/s (median)',
      fmt(syncRate),
      `>= 50 % of ceiling (${fmt(ceilingRate / 2)})`,
      `${fmt(ceilingRate)} ceiling; sync = ${percent(syncRate, ceilingRate)} (rounds: ${rounds})`,
    ],
    ['full sync: peak RSS (highest)', `${Math.max(...syncs.map((s) => s.peakRssMb))} MB`, '< 350 MB', ''],
    stallRow(`a full sync (highest of ${SYNC_ROUNDS})`, {
      maxStallMs: Math.max(...syncs.map((s) => s.maxStallMs)),
      p99StallMs: Math.max(...syncs.map((s) => s.p99StallMs)),
    }),
    [
      'for reference: full sync, provider rendering every page here',
      `${fmt(live.ms / 1000, 1)} s, ${fmt(rate(live))} rows/s, ${live.peakRssMb} MB`,
      '',
      `sync = ${percent(rate(live), ceilingRate)} of ceiling`,
    ],
    ...link,
    ['re-sync, nothing changed', `${fmt(again.ms)} ms`, '< 1 s', ''],
    [`account summary of one month (${reads.rooms} rooms)`, `${fmt(reads.summaryMs, 2)} ms`, '< 30 ms', ''],
    [`one room's conferences (${reads.conferences})`, `${fmt(reads.roomMs, 2)} ms`, '< 5 ms', ''],
    ['cold open of the cache + first summary', `${fmt(cold.ms)} ms`, '< 300 ms', ''],
    [
      `backup of the cache (${fmt(cacheMb)} MB: copy, quick_check, rename; median of 3)`,
      `${fmt(archive.backupMs / 1000, 2)} s`,
      '',
      `${fmt(archive.copyMs / 1000, 2)} s plain file copy; backup = ${fmt(archive.backupMs / archive.copyMs, 1)}x (rounds: ${archive.rounds.map((r) => `${fmt(r, 1)}x`).join(', ')})`,
    ],
    stallRow(
      'a backup (highest of 3)',
      archive,
      `${fmt(archive.idleStallMs)} ms with nothing running (2 s); main thread busy ${fmt(archive.mainThreadBusyMs)} ms in all during a backup`,
    ),
    ['quick_check of the cache (median of 3)', `${fmt(archive.quickCheckMs)} ms`, '> 100 ms: the app opens read-only while it runs', ''],
    exportRow(`export one month (${fmt(monthXlsx.conferences)} conferences, ${fmt(monthXlsx.rows)} rows with legs)`, monthXlsx, monthCsv),
    exportRow(`export four months (${fmt(allXlsx.conferences)} conferences, one sheet)`, allXlsx, allCsv),
    stallRow('a four-month export (written on a worker thread)', allXlsx),
    ...views,
    ...reports,
    ...(await importRows()),
  );
  print();
} finally {
  demo.stop();
  rmSync(work, { recursive: true, force: true });
}
