// The files an import window is working on, named by opaque tokens (the
// renderer never holds a path): those main's Open dialog returned, and those
// dropped onto the window, whose bytes arrive in chunks into a private
// temporary folder. A parse is kept until the file is imported or forgotten.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { appendFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/import';
import { AppError } from '../../errors';

export interface StagedFile {
  path: string;
  name: string;
  /** A temporary copy (an upload): deleted when forgotten. */
  temporary: boolean;
}

interface Upload {
  path: string;
  name: string;
  size: number;
  received: number;
  /** Chunks are appended one at a time, in order. */
  writing: Promise<void>;
}

export class StagedFiles {
  private readonly files = new Map<string, StagedFile>();
  private readonly uploads = new Map<string, Upload>();
  private folder: string | null = null;

  add(file: StagedFile): string {
    const token = randomUUID();
    this.files.set(token, { ...file });
    return token;
  }

  get(token: string): StagedFile {
    const file = this.files.get(token);
    if (file === undefined) throw new AppError('not_found', 'That file is no longer waiting to be imported: choose it again.');
    return file;
  }

  beginUpload(name: string, size: number): string {
    if (size > MAX_IMPORT_FILE_BYTES) {
      throw new AppError('import_failed', `${name} is over ${MAX_IMPORT_FILE_BYTES / (1024 * 1024)} MB: an import takes files up to that size.`);
    }
    this.folder ??= mkdtempSync(path.join(os.tmpdir(), 'oai-import-'));
    const id = randomUUID();
    // The name is the user's; the file on disk never uses it.
    this.uploads.set(id, { path: path.join(this.folder, `${id}${safeExtension(name)}`), name, size, received: 0, writing: Promise.resolve() });
    return id;
  }

  async addChunk(uploadId: string, base64: string): Promise<void> {
    const upload = this.upload(uploadId);
    const bytes = Buffer.from(base64, 'base64');
    upload.received += bytes.length;
    if (upload.received > upload.size || upload.received > MAX_IMPORT_FILE_BYTES) {
      this.uploads.delete(uploadId);
      await rm(upload.path, { force: true });
      throw new AppError('import_failed', `${upload.name}: more bytes arrived than the file has.`);
    }
    upload.writing = upload.writing.then(() => appendFile(upload.path, bytes));
    await upload.writing;
  }

  async finishUpload(uploadId: string): Promise<string> {
    const upload = this.upload(uploadId);
    await upload.writing;
    this.uploads.delete(uploadId);
    if (upload.received !== upload.size) {
      await rm(upload.path, { force: true });
      throw new AppError('import_failed', `${upload.name}: the upload stopped before the end of the file.`);
    }
    if (upload.size === 0) await appendFile(upload.path, Buffer.alloc(0));
    return this.add({ path: upload.path, name: upload.name, temporary: true });
  }

  async forget(tokens: readonly string[]): Promise<void> {
    for (const token of tokens) {
      const file = this.files.get(token);
      this.files.delete(token);
      if (file?.temporary) await rm(file.path, { force: true });
    }
  }

  /** At close: every temporary copy goes. */
  dispose(): void {
    this.files.clear();
    this.uploads.clear();
    if (this.folder !== null) rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
  }

  private upload(uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (upload === undefined) throw new AppError('not_found', 'That upload is not open any more: drop the file again.');
    return upload;
  }
}

function safeExtension(name: string): string {
  const ext = path.extname(name).toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(ext) ? ext : '';
}
