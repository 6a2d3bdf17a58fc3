// Backup file names: <cache stem>-<UTC stamp>[-n]<ext> in backups/ beside the
// cache (oai-cache-2026-12-02T041500Z.sqlite), so they sort by time and say
// what they are. A copy in progress is .<final name>.<pid>.partial: hidden,
// never mistaken for a backup, and cleaned up by the next backup once its
// process is gone (a kill -9 midway leaves only that).
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileStamp, parseFileStamp } from '../file-stamp';

export const BACKUPS_DIR_NAME = 'backups';

export function backupsDirOf(cacheFile: string): string {
  return path.join(path.dirname(cacheFile), BACKUPS_DIR_NAME);
}

function stemAndExt(cacheFile: string): { stem: string; ext: string } {
  const ext = path.extname(cacheFile);
  return { stem: path.basename(cacheFile, ext), ext };
}

/** The n-th backup name for an instant (n > 1 only when two backups fall in the same second). */
export function backupName(cacheFile: string, at: Date, n = 1): string {
  const { stem, ext } = stemAndExt(cacheFile);
  return `${stem}-${fileStamp(at)}${n > 1 ? `-${n}` : ''}${ext}`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** When a backup of `cacheFile` named `name` was taken (ISO), and its rank in that second; null for any other name. */
export function parseBackupName(cacheFile: string, name: string): { createdAt: string; n: number } | null {
  const { stem, ext } = stemAndExt(cacheFile);
  const match = new RegExp(`^${escape(stem)}-(\\d{4}-\\d{2}-\\d{2}T\\d{6}Z)(?:-(\\d+))?${escape(ext)}$`).exec(name);
  const createdAt = match ? parseFileStamp(match[1]!) : null;
  return createdAt === null ? null : { createdAt, n: Number(match?.[2] ?? 1) };
}

/** Where `finalFile` is written until it is checked. */
export function partialFileOf(finalFile: string, pid = process.pid): string {
  return path.join(path.dirname(finalFile), `.${path.basename(finalFile)}.${pid}.partial`);
}

const PARTIAL = /^\..+\.(\d+)\.partial(?:-wal|-shm|-journal)?$/;

/**
 * Removes partial copies (and their SQLite companions) in `dir` whose process
 * is gone, or that belong to this one (its backups of a folder run one at a
 * time, so none of its own is still being written). Returns the names removed.
 */
export function removeStalePartials(dir: string, isAlive: (pid: number) => boolean = processIsAlive): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(PARTIAL.exec(name)?.[1] ?? NaN);
    if (Number.isNaN(pid) || (pid !== process.pid && isAlive(pid))) continue;
    rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** Removes one partial copy and its companions. */
export function removePartial(partial: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(partial + suffix, { force: true });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
