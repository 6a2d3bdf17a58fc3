// Electron's side of exports and printing: the system Save dialog (in the
// last folder used, Documents at first) and the system Print dialog for a
// print layout rendered in a hidden window whose parent is the main window.
// One print at a time; a machine without a printer is told so (the renderer
// offers Save as PDF); a print dialog left open past the time limit is
// closed and the user told. The hidden window is always destroyed.
// For the archive: the system Open dialog and the file manager.
import type { BrowserWindow, BrowserWindowConstructorOptions, Dialog, Shell, WebContents } from 'electron';
import { PRINT_ERROR_ATTRIBUTE, PRINT_READY_ATTRIBUTE } from '../../shared/print-route';
import type { SaveKind, ShellIntegration } from '../app/shell-integration';
import { AppError } from '../errors';
import type { FolderMemory } from './dialog-folder';
import { secureWebPreferences } from './security';
import path from 'node:path';

export interface ElectronIntegrationDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  folders: FolderMemory;
  preloadPath: string;
  /** e.g. app://oai/index.html — the layout route is appended as its hash. */
  rendererUrl: string;
  parentWindow: () => BrowserWindow | null;
  /** How long a layout may take to render before printing gives up. */
  readyTimeoutMs?: number;
  /** How long the print dialog may stay open before the print window is closed. */
  printTimeoutMs?: number;
}

const FILTERS: Record<SaveKind, { name: string; extensions: string[] }> = {
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  sqlite: { name: 'OAI Desktop archive', extensions: ['sqlite'] },
};

type PrintResult = Awaited<ReturnType<ShellIntegration['print']>>;

export function createElectronIntegration(deps: ElectronIntegrationDeps): ShellIntegration {
  const readyTimeoutMs = deps.readyTimeoutMs ?? 60_000;
  const printTimeoutMs = deps.printTimeoutMs ?? 10 * 60_000;
  let printing = false;

  async function withLayoutWindow<T>(layoutHash: string, use: (contents: WebContents) => Promise<T>, before?: (contents: WebContents) => Promise<void>): Promise<T> {
    const parent = deps.parentWindow();
    const window = new deps.BrowserWindow({
      show: false,
      width: 1024,
      height: 1400,
      ...(parent && !parent.isDestroyed() ? { parent } : {}),
      webPreferences: secureWebPreferences(deps.preloadPath),
    });
    try {
      await before?.(window.webContents);
      await window.loadURL(deps.rendererUrl + layoutHash);
      await waitUntilRendered(window.webContents, readyTimeoutMs);
      return await use(window.webContents);
    } finally {
      if (!window.isDestroyed()) window.destroy();
    }
  }

  return {
    async chooseSaveFile(defaultName, kind) {
      const options = { defaultPath: path.join(deps.folders.folder(), defaultName), filters: [FILTERS[kind]] };
      const parent = deps.parentWindow();
      const result = parent ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      deps.folders.remember(result.filePath);
      return result.filePath;
    },
    async chooseImportFiles() {
      const options = {
        defaultPath: deps.folders.folder(),
        properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
        filters: [{ name: 'OAI downloads', extensions: ['xlsx', 'csv', 'xls'] }],
      };
      const parent = deps.parentWindow();
      const result = parent ? await deps.dialog.showOpenDialog(parent, options) : await deps.dialog.showOpenDialog(options);
      if (result.canceled || result.filePaths.length === 0) return null;
      return result.filePaths;
    },
    async print(layoutHash) {
      if (printing) throw new AppError('print_busy', 'Another print is still being prepared or printed. Finish it, then print again.');
      printing = true;
      try {
        return await withLayoutWindow(layoutHash, (contents) => printWithin(contents, printTimeoutMs), refuseWithoutPrinter);
      } finally {
        printing = false;
      }
    },
    async chooseOpenFile(kind, defaultDir) {
      const options = {
        defaultPath: defaultDir,
        properties: ['openFile' as const],
        filters: [FILTERS[kind], { name: 'All files', extensions: ['*'] }],
      };
      const parent = deps.parentWindow();
      const result = parent ? await deps.dialog.showOpenDialog(parent, options) : await deps.dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showInFolder: (file) => deps.shell.showItemInFolder(file),
    renderPdf: (layoutHash) =>
      withLayoutWindow(layoutHash, async (contents) =>
        Buffer.from(await contents.printToPDF({ printBackground: true, preferCSSPageSize: true })),
      ),
  };
}

async function refuseWithoutPrinter(contents: WebContents): Promise<void> {
  const printers = await contents.getPrintersAsync();
  if (printers.length === 0) throw new AppError('no_printer', 'This computer has no printer. Save the view as a PDF instead.');
}

/** The system print dialog; past the time limit the caller destroys the window and the user is told. */
function printWithin(contents: WebContents, timeLimitMs: number): Promise<PrintResult> {
  return new Promise<PrintResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new AppError('print_timeout', `Printing did not finish within ${Math.round(timeLimitMs / 60_000)} minutes and was stopped. Print again.`));
    }, timeLimitMs);
    contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      clearTimeout(timer);
      if (success) resolve({ status: 'printed', path: null });
      else if (/cancel/i.test(failureReason)) resolve({ status: 'cancelled', path: null });
      else reject(new AppError('print_failed', `Printing failed: ${failureReason}.`));
    });
  });
}

/** Waits until the print layout marks itself ready (all rows on screen). */
async function waitUntilRendered(contents: WebContents, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const probe = `document.documentElement.hasAttribute(${JSON.stringify(PRINT_READY_ATTRIBUTE)})`;
  while (!(await contents.executeJavaScript(probe))) {
    if (Date.now() > deadline) throw new AppError('print_failed', 'The print layout did not finish rendering in time.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const failure = (await contents.executeJavaScript(
    `document.documentElement.getAttribute(${JSON.stringify(PRINT_ERROR_ATTRIBUTE)})`,
  )) as string | null;
  if (failure) throw new AppError('print_failed', `The print layout could not be prepared: ${failure}`);
}
