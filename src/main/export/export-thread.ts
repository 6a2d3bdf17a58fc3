// An Excel export on a worker thread (export.worker.ts): the workbook of a
// large view takes seconds of JavaScript (exceljs), which on the main thread
// would stall every window's IPC between its short yields. The worker reads
// the cache file through its own read-only snapshot, as an export always did
// (export-reader.ts); progress and the outcome come back as messages, and a
// cancel is passed on. A cache in memory (tests) exports in this thread.
import { Worker } from 'node:worker_threads';
import type { Presentation, ViewRef } from '../../shared/bridge';
import type { AppErrorCode } from '../../shared/errors';
import type { ReadableDB, ViewScope } from '../cache';
import { AppError } from '../errors';
import { workerScript } from '../worker-script';
import { exportPeriodsConferences, exportView, type ExportOptions, type ExportResult, type ExportTarget } from './export-view';

/** What to export: a view's workbook, or one Conferences sheet over several months. */
export type ExportJob = { kind: 'view'; view: ViewRef } | { kind: 'periods'; periods: string[] };

export interface ExportWorkerData {
  file: string;
  scope: ViewScope;
  job: ExportJob;
  presentation: Presentation;
  target: ExportTarget;
  generatedAt: string | null;
  maxRowsPerSheet: number | null;
}

export type ExportWorkerMessage =
  | { type: 'progress'; rows: number; total: number | null }
  | { type: 'done'; result: ExportResult }
  | { type: 'error'; error: { name: string; message: string; code?: string } };

/** The export in this thread (the worker runs this too). */
export function runExportJob(
  source: ReadableDB,
  scope: ViewScope,
  job: ExportJob,
  presentation: Presentation,
  target: ExportTarget,
  options: ExportOptions,
): Promise<ExportResult> {
  return job.kind === 'view'
    ? exportView(source, scope, job.view, presentation, target, options)
    : exportPeriodsConferences(source, scope, job.periods, presentation, target, options);
}

/** Same contract as exportView (AppErrors `export_failed`, `cancelled`), run on a worker thread. */
export function exportOnWorker(
  source: ReadableDB,
  scope: ViewScope,
  job: ExportJob,
  presentation: Presentation,
  target: ExportTarget,
  options: ExportOptions = {},
): Promise<ExportResult> {
  if (source.memory || source.name === '' || source.name === ':memory:') return runExportJob(source, scope, job, presentation, target, options);
  const data: ExportWorkerData = {
    file: source.name,
    scope,
    job,
    presentation,
    target,
    generatedAt: options.generatedAt?.toISOString() ?? null,
    maxRowsPerSheet: options.maxRowsPerSheet ?? null,
  };
  const { file, execArgv } = workerScript(import.meta.url, 'export.worker');
  const worker = new Worker(file, { workerData: data, execArgv });
  const cancel = () => worker.postMessage({ type: 'cancel' });
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted) cancel();
  return new Promise<ExportResult>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', cancel);
      outcome();
      void worker.terminate();
    };
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.rows, message.total);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(fromWorkerError(message.error)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the export thread stopped (exit ${code})`))));
  });
}

function fromWorkerError(error: { name: string; message: string; code?: string }): Error {
  if (error.name === 'AppError' && error.code !== undefined) return new AppError(error.code as AppErrorCode, error.message);
  const plain = new Error(error.message);
  plain.name = error.name;
  return plain;
}
