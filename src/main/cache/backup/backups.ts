// Backups of the cache: taking one (automatic, into backups/ beside the cache,
// then pruned by the retention rule), copying to a chosen file ("Back up now…",
// `backup --out`), and listing them. The copy itself runs on the archive
// thread (verified-copy.ts); here only names, renames and deletions.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CacheHandle } from '../cache-handle';
import { CacheError } from '../errors';
import { readFileHeader } from '../file-header';
import { isoSeconds } from '../file-stamp';
import { listCachedMonths, type CachedMonth } from '../queries/periods';
import type { ReadableDB } from '../db';
import { withUntouchedFile } from '../read-copy';
import { copyVerifiedInBackground } from '../worker/archive-thread';
import { backupName, backupsDirOf, parseBackupName, partialFileOf, removePartial, removeStalePartials } from './names';
import { planRetention, type RetentionPolicy } from './retention';

export interface BackupInfo {
  file: string;
  /** When it was taken (ISO, UTC). */
  createdAt: string;
  sizeBytes: number;
  /** The months it holds, oldest first per account; empty if it could not be read. */
  months: CachedMonth[];
}

export interface TakenBackup extends BackupInfo {
  /** Older backups the retention rule removed after this one was verified. */
  pruned: string[];
}

export interface BackupOptions {
  /** Where backups go; default backups/ beside the cache file. */
  dir?: string;
  now?: () => Date;
  /** Apply the retention rule after the new backup is verified (default true). */
  prune?: boolean;
  retention?: RetentionPolicy;
}

type Source = string | Pick<CacheHandle, 'file'>;

/** Backups of one folder are taken one at a time in this process (their partial files are then never another's). */
const queues = new Map<string, Promise<unknown>>();

/**
 * Takes a backup of the cache: a consistent copy (even while a sync writes),
 * written under a partial name, checked with quick_check, switched to
 * rollback mode, then renamed to <cache>-<UTC stamp>.sqlite in backups/. Only
 * then are older ones pruned. On failure (a damaged cache, a full disk) the
 * partial file is removed, the previous backups are left as they were, and
 * the promise rejects. Partial files of a killed backup are removed first.
 */
export function takeBackup(source: Source, options: BackupOptions = {}): Promise<TakenBackup> {
  const cacheFile = fileOf(source);
  const dir = path.resolve(options.dir ?? backupsDirOf(cacheFile));
  const previous = queues.get(dir) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(() => backupInto(cacheFile, dir, options));
  queues.set(dir, next);
  void next.finally(() => {
    if (queues.get(dir) === next) queues.delete(dir);
  }).catch(() => {});
  return next;
}

async function backupInto(cacheFile: string, dir: string, options: BackupOptions): Promise<TakenBackup> {
  requireCache(cacheFile);
  mkdirSync(dir, { recursive: true });
  removeStalePartials(dir);
  const at = (options.now ?? (() => new Date()))();
  const file = freeBackupName(cacheFile, dir, at);
  const copy = await copyInto(cacheFile, file);
  const info: BackupInfo = { file, createdAt: isoSeconds(at), sizeBytes: copy.sizeBytes, months: copy.months };
  const pruned = options.prune === false ? [] : pruneBackups(cacheFile, dir, at, options.retention);
  return { ...info, pruned };
}

/**
 * Copies the cache to `outFile` (replacing it), consistent and checked, as
 * takeBackup does but without pruning anything. Refuses the cache file itself.
 */
export async function backupTo(source: Source, outFile: string, now: () => Date = () => new Date()): Promise<BackupInfo> {
  const cacheFile = fileOf(source);
  const out = path.resolve(outFile);
  if (['', '-wal', '-shm', '-journal'].some((suffix) => out === path.resolve(cacheFile) + suffix)) {
    throw new CacheError('cannot_open', `Cannot back up the cache onto itself (${out}): choose another file.`);
  }
  requireCache(cacheFile);
  const at = now();
  const copy = await copyInto(cacheFile, out);
  return { file: out, createdAt: isoSeconds(at), sizeBytes: copy.sizeBytes, months: copy.months };
}

/** The automatic backups of the cache, newest first, each with the months it holds (read without changing it). */
export function listBackups(cacheFile: string, dir: string = backupsDirOf(cacheFile)): BackupInfo[] {
  return backupFiles(cacheFile, dir).map((backup) => ({ ...backup, months: monthsOf(backup.file) }));
}

/** The automatic backups, newest first, without opening them (no months). */
export function listBackupFiles(cacheFile: string, dir: string = backupsDirOf(cacheFile)): Array<Omit<BackupInfo, 'months'>> {
  return backupFiles(cacheFile, dir).map(({ file, createdAt, sizeBytes }) => ({ file, createdAt, sizeBytes }));
}

/** Applies the retention rule to the backups in `dir`; returns the files removed. */
export function pruneBackups(cacheFile: string, dir: string, now: Date, policy?: RetentionPolicy): string[] {
  const cacheSize = existsSync(cacheFile) ? statSync(cacheFile).size : 0;
  const { remove } = planRetention(backupFiles(cacheFile, dir), cacheSize, now, policy);
  for (const backup of remove) rmSync(backup.file, { force: true });
  return remove.map((backup) => backup.file);
}

async function copyInto(cacheFile: string, finalFile: string) {
  const partial = partialFileOf(finalFile);
  removePartial(partial);
  try {
    const copy = await copyVerifiedInBackground(cacheFile, partial);
    renameSync(partial, finalFile);
    syncDirectory(path.dirname(finalFile));
    return copy;
  } catch (error) {
    removePartial(partial);
    throw error;
  }
}

function backupFiles(cacheFile: string, dir: string): Array<Omit<BackupInfo, 'months'> & { n: number }> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const backups = names.flatMap((name) => {
    const parsed = parseBackupName(cacheFile, name);
    const file = path.join(dir, name);
    // Pruned by another process since the listing: not a backup any more.
    const size = parsed === null ? null : sizeOf(file);
    return parsed === null || size === null ? [] : [{ file, createdAt: parsed.createdAt, n: parsed.n, sizeBytes: size }];
  });
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.n - a.n);
}

function sizeOf(file: string): number | null {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}

function monthsOf(file: string): CachedMonth[] {
  try {
    return withUntouchedFile(file, (db) => listCachedMonths(db as ReadableDB));
  } catch {
    return [];
  }
}

function freeBackupName(cacheFile: string, dir: string, at: Date): string {
  for (let n = 1; ; n += 1) {
    const file = path.join(dir, backupName(cacheFile, at, n));
    if (!existsSync(file)) return file;
  }
}

function fileOf(source: Source): string {
  const file = typeof source === 'string' ? source : source.file;
  if (file === '' || file === ':memory:') throw new CacheError('cannot_open', 'An in-memory cache has no file to back up.');
  return path.resolve(file);
}

function requireCache(cacheFile: string): void {
  if (readFileHeader(cacheFile) === null) throw new CacheError('cannot_open', `There is no cache at ${cacheFile} to back up.`);
}

/** The rename survives a power cut (where the OS lets a folder be synced). */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder: its rename is durable enough.
  }
}
