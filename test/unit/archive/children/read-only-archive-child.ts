// Runs inside `unshare -m` where the cache file or its folder is a read-only
// bind mount: opens the archive as the app does and reports, as JSON, the
// state it reached, the months it can read, what a write meets and (given a
// backup) what a restore meets.
import { listCachedMonths } from '../../../../src/main/cache';
import { createArchive } from '../../../../src/main/features/archive/archive';

const archive = createArchive({ file: process.argv[2]!, appVersion: '0.1.0' });
await archive.start();
await archive.settled();
let months: number | null = null;
try {
  months = listCachedMonths(archive.cache.read()).length;
} catch {
  // Unavailable: nothing to read.
}
let write: string | null = null;
try {
  archive.cache.write();
} catch (error) {
  write = (error as { code?: string }).code ?? String(error);
}
let restore: string | null = null;
const backup = process.argv[3];
if (backup !== undefined) {
  restore = await archive.restore(backup).then(
    () => 'restored',
    (error: unknown) => (error as { code?: string }).code ?? String(error),
  );
}
archive.close();
process.stdout.write(`${JSON.stringify({ state: archive.state(), months, write, ...(backup === undefined ? {} : { restore }) })}\n`);
