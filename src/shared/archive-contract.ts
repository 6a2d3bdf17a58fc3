// The archive's part of the bridge contract (src/shared/bridge.ts): its
// state as the renderer sees it (the recovery screen, the read-only banner,
// Settings → Archive) and what restoring, starting empty and backing up
// answer. Paths here go from main to the renderer, for display only: no
// call takes one.
import { z } from 'zod';

/** Why the archive cannot be used at all. */
export const archiveProblemKindSchema = z.enum([
  /** SQLite's integrity check found damage. */
  'damaged',
  /** The file is shorter than its header says: cut short by a copy or a full disk. */
  'truncated',
  /** Not SQLite, or another application's database. */
  'not_a_cache',
  /** Written by a newer version of OAI Desktop: left exactly where it is. */
  'newer_version',
  /** Anything else that stops it from opening (permissions, a folder in its place…). */
  'cannot_open',
]);
export type ArchiveProblemKind = z.infer<typeof archiveProblemKindSchema>;

export const archiveProblemSchema = z.object({
  kind: archiveProblemKindSchema,
  /** Main's English description, naming the file (the renderer says it in the user's words and offers this as details). */
  message: z.string(),
  /** The app version that last wrote the file, when it says (for 'newer_version'). */
  writtenBy: z.string().nullable(),
});
export type ArchiveProblem = z.infer<typeof archiveProblemSchema>;

/** Why the archive can only be read. */
export const readOnlyReasonSchema = z.enum([
  'read_only_file',
  'read_only_folder',
  /** Another process holds the archive (another OAI Desktop, a newer version). */
  'locked',
  /** The archive was written by a newer version; another file chosen by the user is browsed instead. */
  'other_file',
]);
export type ReadOnlyReason = z.infer<typeof readOnlyReasonSchema>;

export const archiveStateSchema = z.object({
  /**
   * checking: opened read-only while SQLite checks it, writes wait;
   * ready: readable and writable; read-only: browsable and exportable, no
   * sync nor edits; unavailable: the recovery screen.
   */
  state: z.enum(['checking', 'ready', 'read-only', 'unavailable']),
  /** Whether views can read now (false while checking before a migration, or during a restore). */
  readable: z.boolean(),
  reason: readOnlyReasonSchema.nullable(),
  /** unavailable: why; read-only 'other_file': why the archive itself cannot be used. */
  problem: archiveProblemSchema.nullable(),
  /** Where the archive is. */
  file: z.string(),
  /** read-only 'other_file': the file browsed instead. */
  browsing: z.string().nullable(),
});
export type ArchiveStateView = z.infer<typeof archiveStateSchema>;

export const archiveMonthSchema = z.object({
  accountNumber: z.string(),
  /** YYYY-MM. */
  period: z.string(),
  /** The provider no longer serves it: the archive is its only copy. */
  archived: z.boolean(),
});
export type ArchiveMonth = z.infer<typeof archiveMonthSchema>;

export const backupSummarySchema = z.object({
  file: z.string(),
  /** When it was taken (ISO, UTC). */
  createdAt: z.string(),
  /** Oldest first. */
  months: z.array(archiveMonthSchema),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const archiveStatusSchema = archiveStateSchema.extend({
  folder: z.string(),
  /** The file and its -wal; null when there is no file. */
  sizeBytes: z.number().int().nullable(),
  /** The months it holds, oldest first; empty when it cannot be read. */
  months: z.array(archiveMonthSchema),
  /** When the newest automatic backup was taken (ISO, UTC). */
  lastBackupAt: z.string().nullable(),
  /** The newest automatic backup that is intact now. */
  newestGoodBackup: backupSummarySchema.nullable(),
});
export type ArchiveStatus = z.infer<typeof archiveStatusSchema>;

export const restoreOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('restored'),
    from: z.string(),
    months: z.array(archiveMonthSchema),
    /** Where the replaced archive was set aside (null when there was none). */
    setAside: z.string().nullable(),
  }),
  /** A newer version's archive stays where it is; the chosen file is browsed, read-only. */
  z.object({ status: z.literal('browsing'), from: z.string() }),
  /** The chosen file cannot become the archive: nothing was changed. */
  z.object({ status: z.literal('refused'), from: z.string(), problem: archiveProblemSchema }),
  z.object({ status: z.literal('cancelled') }),
]);
export type RestoreOutcome = z.infer<typeof restoreOutcomeSchema>;

export const startEmptyOutcomeSchema = z.object({
  /** Where the unusable archive was set aside, byte for byte. */
  setAside: z.string().nullable(),
});

export const archiveBackupOutcomeSchema = z.object({
  status: z.enum(['saved', 'cancelled']),
  path: z.string().nullable(),
  monthCount: z.number().int(),
});

export const folderShownSchema = z.object({ path: z.string() });
