// A dropped file reaches main as its bytes, in chunks under the bridge's
// body limit (no path ever leaves the renderer).
import { IMPORT_CHUNK_BYTES, type ImportFileView } from '../../../shared/import';
import { callMain } from '../bridge';

export async function uploadFile(profileId: string, file: File): Promise<ImportFileView> {
  const { uploadId } = await callMain('beginImportUpload', { name: file.name, size: file.size });
  for (let offset = 0; offset < file.size; offset += IMPORT_CHUNK_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + IMPORT_CHUNK_BYTES).arrayBuffer());
    await callMain('importUploadChunk', { uploadId, data: toBase64(bytes) });
  }
  return callMain('finishImportUpload', { profileId, uploadId });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}
