// Setting a cache file aside: it is renamed, with its -wal/-shm/-journal, byte
// for byte, to a name that says when and why, with a note beside it. Never
// copied over, never deleted: a damaged archive may still hold months a
// specialist could recover, and a file the app cannot open today may open in
// the next version.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileStamp } from './file-stamp';

export type SetAsideReason =
  /** quick_check found damage. */
  | 'damaged'
  /** The file could not be opened as a cache (truncated, not SQLite). */
  | 'unopenable'
  /** A restore replaced it. */
  | 'replaced';

export interface SetAsideResult {
  /** The cache file's new name, e.g. oai-cache.damaged-2026-12-02T041500Z.sqlite. */
  file: string;
  /** Every file moved (new names), the cache first when it was there. */
  moved: string[];
  /** The text file beside it saying when and why. */
  note: string;
}

/** SQLite's companions of a database file, moved with it. */
export const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

/**
 * Moves `cacheFile` and its companions aside. Every connection to it must be
 * closed first (a connection still open would go on writing to the moved
 * file, or recreate a -wal beside the old name). The companions are moved
 * first, so a crash midway never leaves a stale -wal beside a new cache; a
 * companion without its cache is moved too. Returns null when there was
 * nothing to move.
 */
export function setAside(cacheFile: string, reason: SetAsideReason, detail: string, now: Date = new Date()): SetAsideResult | null {
  const present = ['', ...COMPANION_SUFFIXES].filter((suffix) => existsSync(cacheFile + suffix));
  if (present.length === 0) return null;
  const target = freeName(cacheFile, reason, now);
  const companions = present.filter((suffix) => suffix !== '');
  for (const suffix of companions) renameSync(cacheFile + suffix, target.file + suffix);
  if (present[0] === '') renameSync(cacheFile, target.file);
  const moved = present.map((suffix) => target.file + suffix);
  writeFileSync(target.note, noteText(cacheFile, reason, detail, now, moved));
  return { file: target.file, moved, note: target.note };
}

/** <stem>.<reason>-<stamp>[-n]<ext>, a name no file (or companion) has yet. */
function freeName(cacheFile: string, reason: SetAsideReason, now: Date): { file: string; note: string } {
  const dir = path.dirname(cacheFile);
  const ext = path.extname(cacheFile);
  const stem = path.basename(cacheFile, ext);
  for (let n = 1; ; n += 1) {
    const base = `${stem}.${reason}-${fileStamp(now)}${n > 1 ? `-${n}` : ''}`;
    const file = path.join(dir, base + ext);
    const note = path.join(dir, `${base}.txt`);
    const taken = [file, note, ...COMPANION_SUFFIXES.map((suffix) => file + suffix)].some((name) => existsSync(name));
    if (!taken) return { file, note };
  }
}

const WHY: Record<SetAsideReason, string> = {
  damaged: 'the file is damaged',
  unopenable: 'the file could not be opened as an OAI Desktop cache',
  replaced: 'a restore replaced it',
};

function noteText(cacheFile: string, reason: SetAsideReason, detail: string, now: Date, moved: string[]): string {
  return [
    `OAI Desktop set this cache aside on ${now.toISOString()}: ${WHY[reason]}.`,
    detail,
    '',
    `It was ${cacheFile}. It is kept byte for byte as it was, under these names:`,
    ...moved.map((file) => `  ${path.basename(file)}`),
    'To use it again, quit OAI Desktop and rename the files back (or restore it with `restore --from`).',
    '',
  ].join('\n');
}
