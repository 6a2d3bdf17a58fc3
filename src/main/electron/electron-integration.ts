// Electron's side of exports and printing: the system Save dialog (in
// Documents by default) and the system Print dialog for a print layout that
// is rendered in a hidden window. The hidden window is always destroyed.
// For the archive: the system Open dialog and the file manager.
import type { App, BrowserWindow, BrowserWindowConstructorOptions, Dialog, Shell, WebContents } from 'electron';
import path from 'node:path';
import { PRINT_ERROR_ATTRIBUTE, PRINT_READY_ATTRIBUTE } from '../../shared/print-route';
import type { SaveKind, ShellIntegration } from '../app/shell-integration';
import { AppError } from '../errors';
import { secureWebPreferences } from './security';

export interface ElectronIntegrationDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  app: Pick<App, 'getPath'>;
  preloadPath: string;
  /** e.g. app://oai/index.html — the layout route is appended as its hash. */
  rendererUrl: string;
  parentWindow: () => BrowserWindow | null;
  /** How long a layout may take to render before printing gives up. */
  readyTimeoutMs?: number;
}

const FILTERS: Record<SaveKind, { name: string; extensions: string[] }> = {
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  sqlite: { name: 'OAI Desktop archive', extensions: ['sqlite'] },
};

export function createElectronIntegration(deps: ElectronIntegrationDeps): ShellIntegration {
  const readyTimeoutMs = deps.readyTimeoutMs ?? 60_000;

  async function withLayoutWindow<T>(layoutHash: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
    const window = new deps.BrowserWindow({ show: false, width: 1024, height: 1400, webPreferences: secureWebPreferences(deps.preloadPath) });
    try {
      await window.loadURL(deps.rendererUrl + layoutHash);
      await waitUntilRendered(window.webContents, readyTimeoutMs);
      return await use(window.webContents);
    } finally {
      if (!window.isDestroyed()) window.destroy();
    }
  }

  return {
    async chooseSaveFile(defaultName, kind) {
      const options = { defaultPath: path.join(deps.app.getPath('documents'), defaultName), filters: [FILTERS[kind]] };
      const parent = deps.parentWindow();
      const result = parent ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
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
    print: (layoutHash) =>
      withLayoutWindow(layoutHash, (contents) =>
        new Promise((resolve, reject) => {
          contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
            if (success) resolve({ status: 'printed', path: null });
            else if (/cancel/i.test(failureReason)) resolve({ status: 'cancelled', path: null });
            else reject(new AppError('print_failed', `Printing failed: ${failureReason}.`));
          });
        }),
      ),
    renderPdf: (layoutHash) =>
      withLayoutWindow(layoutHash, async (contents) =>
        Buffer.from(await contents.printToPDF({ printBackground: true, preferCSSPageSize: true })),
      ),
  };
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
