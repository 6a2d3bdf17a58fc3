// The bridge's shapes for importing OAI downloads: a file's preview or
// outcome (months, rooms, conferences, total charge, problems) and the
// progress event. Main never receives a path from the renderer: files come
// from a dialog main shows itself, or as bytes uploaded in chunks.
import { z } from 'zod';

/** The size of one uploaded chunk (raw bytes) and the harness body limit of that one call. */
export const IMPORT_CHUNK_BYTES = 2 * 1024 * 1024;
/** Base64 of a chunk plus the JSON around it. */
export const IMPORT_CHUNK_BODY_LIMIT = Math.ceil((IMPORT_CHUNK_BYTES * 4) / 3) + 64 * 1024;
export const MAX_IMPORT_FILE_BYTES = 100 * 1024 * 1024;

export const importProblemSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  code: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ImportProblemView = z.infer<typeof importProblemSchema>;

export const importFileSchema = z.object({
  /** Names the file main holds for this window (never a path). */
  token: z.string(),
  file: z.string(),
  status: z.enum(['ready', 'imported', 'unchanged', 'refused']),
  periods: z.array(z.string()),
  rooms: z.number().int(),
  conferences: z.number().int(),
  chargeCents: z.number().int(),
  problems: z.array(importProblemSchema),
});
export type ImportFileView = z.infer<typeof importFileSchema>;

export const importProgressSchema = z.object({
  /** 'reading': rows parsed so far of the file at `index`; 'done': that file's outcome is known. */
  phase: z.enum(['reading', 'done']),
  file: z.string(),
  index: z.number().int(),
  count: z.number().int(),
  rows: z.number().int(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

const tokenSchema = z.string().min(1).max(80);
const profileIdSchema = z.string().min(1).max(200);

export const importCalls = {
  /** Main's Open dialog (several files); the previews of what was chosen ([] when cancelled). */
  chooseImportFiles: { args: z.object({ profileId: profileIdSchema }).strict(), result: z.array(importFileSchema) },
  /** A dropped file's bytes follow in chunks (refused at once over the size limit). */
  beginImportUpload: {
    args: z.object({ name: z.string().min(1).max(255), size: z.number().int().nonnegative() }).strict(),
    result: z.object({ uploadId: tokenSchema }),
  },
  importUploadChunk: {
    args: z.object({ uploadId: tokenSchema, data: z.string().max(IMPORT_CHUNK_BODY_LIMIT) }).strict(),
    result: z.null(),
  },
  /** The upload is complete: its preview. */
  finishImportUpload: { args: z.object({ profileId: profileIdSchema, uploadId: tokenSchema }).strict(), result: importFileSchema },
  /** Imports the previewed files (each all or nothing); progress comes as importProgress events. */
  runImport: {
    args: z.object({ profileId: profileIdSchema, tokens: z.array(tokenSchema).min(1).max(100) }).strict(),
    result: z.array(importFileSchema),
  },
  /** Forgets previewed files the user did not import. */
  discardImportFiles: { args: z.object({ tokens: z.array(tokenSchema).max(100) }).strict(), result: z.null() },
  /** Removes an imported month (never one from the provider). */
  removeImportedMonth: {
    args: z.object({ profileId: profileIdSchema, period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }).strict(),
    result: z.null(),
  },
} as const;
