// Save and Open dialogs open in the folder the user last chose (kept in the
// settings), else in Documents; a remembered folder that is gone falls back
// to Documents too.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log';
import type { SettingsStore } from '../settings/settings-store';

export interface FolderMemory {
  /** Where the next Save or Open dialog starts. */
  folder(): string;
  /** Notes the folder of a file the user chose in a dialog. */
  remember(file: string): void;
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

export function createFolderMemory(deps: { settings: () => SettingsStore; documents: () => string; log: Logger }): FolderMemory {
  return {
    folder() {
      const last = deps.settings().get().lastFolder;
      return last !== null && isFolder(last) ? last : deps.documents();
    },
    remember(file) {
      const dir = path.dirname(file);
      if (deps.settings().get().lastFolder === dir) return;
      try {
        deps.settings().update((s) => ({ ...s, lastFolder: dir }));
      } catch (error) {
        deps.log.error('could not remember the last folder', error);
      }
    },
  };
}
