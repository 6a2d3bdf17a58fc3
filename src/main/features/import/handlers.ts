// Import OAI downloads from the app: files chosen in main's Open dialog or
// dropped onto the window (uploaded in chunks), previewed (months, rooms,
// conferences, total charge, problems), then imported each all or nothing,
// with progress events; an imported month can be removed. After an import,
// the backup policy backs up and the search index's upkeep indexes the months.
import type { ImportFileView } from '../../../shared/import';
import { removeImportedMonth } from '../../cache';
import type { FeatureHandlers } from '../../bridge/handlers';
import { AppError } from '../../errors';
import type { FeatureDeps } from '../deps';
import { resolveScope } from '../scope';
import { userFacing } from '../user-errors';
import type { FileOutcome, ImportRunner } from './import-files';
import { StagedFiles } from './staged-files';

export interface ImportDeps extends Pick<FeatureDeps, 'cache' | 'profiles' | 'integration' | 'emit' | 'backups' | 'searchIndex'> {
  /** Parses and writes (the app: on a worker thread of its own). */
  run: ImportRunner;
  staged?: StagedFiles;
}

export function importHandlers(deps: ImportDeps) {
  const staged = deps.staged ?? new StagedFiles();
  const scopeOf = (profileId: string) => {
    const scope = resolveScope(deps.profiles, profileId);
    // A room sign-in sees one room: a whole month of files would write outside it.
    if (scope.roomNumber !== null) throw new AppError('not_available', 'Importing needs an account sign-in (a room sign-in sees one room only).');
    return scope;
  };

  const preview = async (profileId: string, tokens: string[]): Promise<ImportFileView[]> => {
    const scope = scopeOf(profileId);
    const outcomes = await deps.run(scope, tokens.map((token) => staged.get(token)), { dryRun: true });
    return outcomes.map((outcome, index) => view(tokens[index]!, outcome));
  };

  return {
    chooseImportFiles: async ({ profileId }) => {
      scopeOf(profileId);
      if (deps.integration.chooseImportFiles === undefined) throw new AppError('not_available', 'Choosing files is not available here.');
      const chosen = (await deps.integration.chooseImportFiles()) ?? [];
      const tokens = chosen.map((file) => staged.add({ path: file, name: basename(file), temporary: false }));
      return preview(profileId, tokens);
    },
    beginImportUpload: ({ name, size }) => ({ uploadId: staged.beginUpload(name, size) }),
    importUploadChunk: async ({ uploadId, data }) => {
      await staged.addChunk(uploadId, data);
      return null;
    },
    finishImportUpload: async ({ profileId, uploadId }) => {
      const token = await staged.finishUpload(uploadId);
      const [file] = await preview(profileId, [token]);
      return file!;
    },
    runImport: async ({ profileId, tokens }) => {
      const scope = scopeOf(profileId);
      const sources = tokens.map((token) => staged.get(token));
      const count = sources.length;
      const outcomes = await userFacing(() =>
        deps.run(scope, sources, {
          onRows: (rows, index) => deps.emit('importProgress', { phase: 'reading', file: sources[index]?.name ?? '', index, count, rows }),
          onFile: (outcome, index) => deps.emit('importProgress', { phase: 'done', file: outcome.file, index, count, rows: 0 }),
        }),
      );
      await staged.forget(tokens);
      if (outcomes.some((outcome) => outcome.status === 'imported')) {
        deps.backups.changed('import');
        deps.searchIndex?.catchUp();
      }
      return outcomes.map((outcome, at) => view(tokens[at]!, outcome));
    },
    discardImportFiles: async ({ tokens }) => {
      await staged.forget(tokens);
      return null;
    },
    removeImportedMonth: ({ profileId, period }) => {
      const scope = scopeOf(profileId);
      if (!userFacing(() => removeImportedMonth(deps.cache.write(), scope, period))) {
        throw new AppError('not_found', `${period} is not in the archive.`);
      }
      deps.backups.changed('import');
      return null;
    },
  } satisfies FeatureHandlers<
    'chooseImportFiles' | 'beginImportUpload' | 'importUploadChunk' | 'finishImportUpload' | 'runImport' | 'discardImportFiles' | 'removeImportedMonth'
  >;
}

function view(token: string, outcome: FileOutcome): ImportFileView {
  return { token, ...outcome };
}

function basename(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
