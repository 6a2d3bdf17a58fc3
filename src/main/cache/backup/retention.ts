// Which backups to keep: the newest 7, plus the newest of each calendar month
// (UTC) of the last 12, all within 3x the cache's size. Over the cap, the
// oldest monthly ones go first, then the oldest of the newest 7; the newest
// backup always stays (it was just verified). Pure: the caller lists and deletes.

export interface RetentionPolicy {
  newest: number;
  months: number;
  /** The kept backups together stay within this many times the cache's size. */
  sizeFactor: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { newest: 7, months: 12, sizeFactor: 3 };

export interface RetentionCandidate {
  /** ISO instant, UTC. */
  createdAt: string;
  sizeBytes: number;
}

export interface RetentionPlan<T> {
  /** Newest first. */
  keep: T[];
  remove: T[];
}

export function planRetention<T extends RetentionCandidate>(
  backups: readonly T[],
  cacheSizeBytes: number,
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): RetentionPlan<T> {
  const sorted = [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const recent = new Set(sorted.slice(0, policy.newest));
  const window = new Set(lastMonths(now, policy.months));
  const monthly = new Set<T>();
  const seenMonths = new Set<string>();
  for (const backup of sorted) {
    const month = backup.createdAt.slice(0, 7);
    if (!window.has(month) || seenMonths.has(month)) continue;
    seenMonths.add(month);
    if (!recent.has(backup)) monthly.add(backup);
  }

  const keep = sorted.filter((backup) => recent.has(backup) || monthly.has(backup));
  const cap = policy.sizeFactor * cacheSizeBytes;
  let total = keep.reduce((sum, backup) => sum + backup.sizeBytes, 0);
  // The monthly ones are all older than the newest 7, so dropping the oldest
  // first takes them first; keep[0], the newest, always stays.
  while (total > cap && keep.length > 1) total -= keep.pop()!.sizeBytes;
  const kept = new Set(keep);
  return { keep, remove: sorted.filter((backup) => !kept.has(backup)) };
}

/** 'YYYY-MM' of `now`'s month (UTC) and the count - 1 before it. */
function lastMonths(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let back = 0; back < count; back += 1) {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    months.push(month.toISOString().slice(0, 7));
  }
  return months;
}
