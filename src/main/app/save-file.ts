// Writes a whole file through a temporary name and a rename, so the target is
// never half-written; on failure nothing is left behind and the error names
// the path.
import { randomBytes } from 'node:crypto';
import { rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';

export function temporarySibling(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
}

export function saveFailure(file: string, error: unknown): AppError {
  const code = (error as { code?: string }).code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOSPC: 'the disk is full',
    EROFS: 'the disk is read-only',
    ENOENT: 'the folder does not exist',
  };
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return new AppError('export_failed', `Could not save ${file}: ${reason}${code ? ` (${code})` : ''}.`);
}

export async function writeFileAtomically(file: string, data: Buffer): Promise<void> {
  const temporary = temporarySibling(file);
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw saveFailure(file, error);
  }
}
