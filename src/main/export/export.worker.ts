// Worker thread of an Excel export (export-thread.ts): opens the cache file
// read-only, writes the workbook, reports progress, and stops on 'cancel'.
import { parentPort, workerData } from 'node:worker_threads';
import { openCache } from '../cache';
import { runExportJob, type ExportWorkerData, type ExportWorkerMessage } from './export-thread';

const port = parentPort!;
const data = workerData as ExportWorkerData;
const controller = new AbortController();
port.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') controller.abort();
});
const post = (message: ExportWorkerMessage) => port.postMessage(message);

async function main(): Promise<void> {
  const db = openCache(data.file, { readonly: true });
  try {
    const result = await runExportJob(db, data.scope, data.job, data.presentation, data.target, {
      generatedAt: data.generatedAt === null ? undefined : new Date(data.generatedAt),
      maxRowsPerSheet: data.maxRowsPerSheet ?? undefined,
      signal: controller.signal,
      onProgress: (rows, total) => post({ type: 'progress', rows, total }),
    });
    post({ type: 'done', result });
  } finally {
    db.close();
  }
}

main().then(
  () => port.close(),
  (error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: 'error', error: { name: e.name, message: e.message, code: (e as { code?: string }).code } });
    port.close();
  },
);
