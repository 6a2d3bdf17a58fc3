// Runs inside `unshare -m` with a small tmpfs mounted on the folder given:
// a cache and its first backup fit; then the disk is filled so the next
// backup cannot, and what is left in backups/ is reported as JSON.
import { readdirSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { quickCheckFile } from '../../../../src/main/cache';
import { listBackups, takeBackup } from '../../../../src/main/cache/archive';
import { fillerCache, sha256 } from '../helpers';

const dir = process.argv[2]!;
const file = path.join(dir, 'oai-cache.sqlite');
fillerCache(file, 4);
const first = await takeBackup(file, { now: () => new Date('2026-12-01T04:00:00Z') });
const firstHash = sha256(first.file);

// Leave about 1 MB free: less than a backup (4 MB) needs.
const stats = statfsSync(dir);
const free = Number(stats.bavail) * Number(stats.bsize);
writeFileSync(path.join(dir, 'filler'), Buffer.alloc(Math.max(0, free - 1_048_576)));

let error: string | null = null;
try {
  await takeBackup(file, { now: () => new Date('2026-12-02T04:00:00Z') });
} catch (e) {
  error = e instanceof Error ? e.message : String(e);
}
process.stdout.write(
  `${JSON.stringify({
    error,
    first: path.basename(first.file),
    backups: readdirSync(path.join(dir, 'backups')).sort(),
    listed: listBackups(file).map((b) => path.basename(b.file)),
    firstUnchanged: sha256(first.file) === firstHash,
    firstIntact: quickCheckFile(first.file).ok,
    cacheIntact: quickCheckFile(file).ok,
  })}\n`,
);
