// Electron's Save and Print dialogs, driven through fakes of the Electron
// objects (Electron cannot run here): what is asked of them, in what order,
// and that the hidden layout window is always destroyed.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAppServices } from '../../../src/main/app/app-services';
import { createFolderMemory } from '../../../src/main/electron/dialog-folder';
import { createElectronIntegration } from '../../../src/main/electron/electron-integration';
import { createSettingsStore } from '../../../src/main/settings/settings-store';
import { tempDir } from '../sync/helpers';
import { storedProfile } from '../app/profile-fixtures';

const silentLog = { info: () => {}, error: () => {} };

interface FakeOptions {
  readyAfterProbes?: number;
  loadFails?: boolean;
  print?: [boolean, string] | 'never';
  layoutError?: string;
  printers?: number;
  printTimeoutMs?: number;
  parent?: unknown;
  documents?: string;
}

function fakes(options: FakeOptions = {}) {
  const calls: string[] = [];
  let probes = 0;
  const windows: any[] = [];
  class FakeWindow {
    destroyed = false;
    options: any;
    webContents = {
      executeJavaScript: vi.fn(async (code: string) => {
        if (code.includes('getAttribute')) return options.layoutError ?? null;
        probes += 1;
        calls.push('probe');
        return probes > (options.readyAfterProbes ?? 0);
      }),
      getPrintersAsync: vi.fn(async () => {
        calls.push('printers');
        return Array.from({ length: options.printers ?? 1 }, (_, i) => ({ name: `printer ${i}` }));
      }),
      print: vi.fn((_opts: unknown, callback: (success: boolean, reason: string) => void) => {
        calls.push('print');
        if (options.print === 'never') return;
        const [success, reason] = options.print ?? [true, ''];
        callback(success, reason);
      }),
      printToPDF: vi.fn(async () => {
        calls.push('printToPDF');
        return new Uint8Array([37, 80, 68, 70]);
      }),
    };
    constructor(opts: any) {
      this.options = opts;
      windows.push(this);
    }
    loadURL = vi.fn(async (url: string) => {
      calls.push(`load ${url}`);
      if (options.loadFails) throw new Error('ERR_FAILED');
    });
    isDestroyed = () => this.destroyed;
    destroy = () => {
      calls.push('destroy');
      this.destroyed = true;
    };
  }
  const documents = options.documents ?? '/home/ana/Documents';
  const settings = createSettingsStore(tempDir());
  const dialog = {
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/home/ana/Documents/x.xlsx' })),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/home/ana/backups/oai-cache-2026-12-02T041500Z.sqlite'] })),
  };
  const shell = { showItemInFolder: vi.fn() };
  const integration = createElectronIntegration({
    BrowserWindow: FakeWindow as any,
    dialog: dialog,
    shell,
    folders: createFolderMemory({ settings: () => settings, documents: () => documents, log: silentLog }),
    preloadPath: '/app/out/preload/index.cjs',
    rendererUrl: 'app://oai/index.html',
    parentWindow: () => (options.parent ?? null) as any,
    readyTimeoutMs: 2_000,
    printTimeoutMs: options.printTimeoutMs ?? 2_000,
  });
  return { integration, calls, windows, dialog, settings, shell };
}

describe('Electron integration: Save dialog', () => {
  it('offers Documents and the default name at first; Cancel gives null', async () => {
    const { integration, dialog } = fakes();
    await expect(integration.chooseSaveFile('OAI_602127_2009-05_summary.xlsx', 'xlsx')).resolves.toBe('/home/ana/Documents/x.xlsx');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: '/home/ana/Documents/OAI_602127_2009-05_summary.xlsx',
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(integration.chooseSaveFile('a.pdf', 'pdf')).resolves.toBeNull();
  });

  it('imports: the Open dialog takes several OAI downloads at once; Cancel gives null', async () => {
    const { integration, dialog } = fakes();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/ana/Documents/a.xlsx', '/home/ana/Documents/b.csv'] });
    await expect(integration.chooseImportFiles!()).resolves.toEqual(['/home/ana/Documents/a.xlsx', '/home/ana/Documents/b.csv']);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile', 'multiSelections'] }));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(integration.chooseImportFiles!()).resolves.toBeNull();
  });

  it('opens the next dialog in the folder chosen last, remembered in the settings; a folder gone falls back to Documents', async () => {
    const chosen = path.join(tempDir(), 'Reports');
    mkdirSync(chosen);
    const { integration, dialog, settings } = fakes();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(chosen, 'may.xlsx') });
    await integration.chooseSaveFile('may.xlsx', 'xlsx');
    expect(settings.get().lastFolder).toBe(chosen);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(chosen, 'june.pdf') });
    await integration.chooseSaveFile('june.pdf', 'pdf');
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(expect.objectContaining({ defaultPath: path.join(chosen, 'june.pdf') }));
    // Cancelling does not change the folder.
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await integration.chooseSaveFile('july.pdf', 'pdf');
    expect(settings.get().lastFolder).toBe(chosen);
    settings.update((s) => ({ ...s, lastFolder: path.join(chosen, 'deleted') }));
    await integration.chooseSaveFile('june.pdf', 'pdf');
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(expect.objectContaining({ defaultPath: '/home/ana/Documents/june.pdf' }));
  });

  it('offers archives in the Open dialog, in the folder given; Cancel gives null', async () => {
    const { integration, dialog } = fakes();
    await expect(integration.chooseOpenFile('sqlite', '/home/ana/backups')).resolves.toBe('/home/ana/backups/oai-cache-2026-12-02T041500Z.sqlite');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({
      defaultPath: '/home/ana/backups',
      properties: ['openFile'],
      filters: [{ name: 'OAI Desktop archive', extensions: ['sqlite'] }, { name: 'All files', extensions: ['*'] }],
    });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(integration.chooseOpenFile('sqlite', '/home/ana/backups')).resolves.toBeNull();
  });

  it('saves a backup as .sqlite and shows the archive in the file manager', async () => {
    const { integration, dialog, shell } = fakes();
    await integration.chooseSaveFile('OAI_archive_2026-12-02.sqlite', 'sqlite');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ filters: [{ name: 'OAI Desktop archive', extensions: ['sqlite'] }] }));
    integration.showInFolder('/home/ana/.config/OAI Desktop/oai-cache.sqlite');
    expect(shell.showItemInFolder).toHaveBeenCalledWith('/home/ana/.config/OAI Desktop/oai-cache.sqlite');
  });
});

describe('Electron integration: printing', () => {
  it('prints from a hidden, sandboxed child of the main window only once the layout is rendered, then destroys it', async () => {
    const parent = { isDestroyed: () => false };
    const { integration, calls, windows } = fakes({ readyAfterProbes: 2, parent });
    await expect(integration.print('#/print/x', 'x.pdf')).resolves.toEqual({ status: 'printed', path: null });
    expect(calls).toEqual(['printers', 'load app://oai/index.html#/print/x', 'probe', 'probe', 'probe', 'print', 'destroy']);
    expect(windows[0].options.show).toBe(false);
    expect(windows[0].options.parent).toBe(parent);
    expect(windows[0].options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('treats Cancel in the print dialog as no error', async () => {
    const { integration, calls } = fakes({ print: [false, 'Print job canceled'] });
    await expect(integration.print('#/print/x', 'x.pdf')).resolves.toEqual({ status: 'cancelled', path: null });
    expect(calls.at(-1)).toBe('destroy');
  });

  it('reports a failed print and still destroys the window', async () => {
    const { integration, calls } = fakes({ print: [false, 'Print job failed'] });
    await expect(integration.print('#/print/x', 'x.pdf')).rejects.toMatchObject({ code: 'print_failed' });
    expect(calls.at(-1)).toBe('destroy');
  });

  it('says there is no printer (the renderer offers Save as PDF) without loading the layout', async () => {
    const { integration, calls } = fakes({ printers: 0 });
    await expect(integration.print('#/print/x', 'x.pdf')).rejects.toMatchObject({ code: 'no_printer' });
    expect(calls).toEqual(['printers', 'destroy']);
  });

  it('prints one at a time: a second request while one runs is refused with a clear error', async () => {
    const { integration } = fakes({ print: 'never', printTimeoutMs: 300 });
    const first = integration.print('#/print/x', 'x.pdf');
    await expect(integration.print('#/print/y', 'y.pdf')).rejects.toMatchObject({ code: 'print_busy' });
    await first.catch(() => {});
    // Once the first is over, printing works again.
    await expect(integration.print('#/print/y', 'y.pdf')).rejects.toMatchObject({ code: 'print_timeout' });
  });

  it('destroys the print window and tells the user when the print dialog passes the time limit', async () => {
    const { integration, calls, windows } = fakes({ print: 'never', printTimeoutMs: 200 });
    const started = Date.now();
    await expect(integration.print('#/print/x', 'x.pdf')).rejects.toMatchObject({ code: 'print_timeout', message: expect.stringContaining('Print again') });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(windows[0].destroyed).toBe(true);
    expect(calls.at(-1)).toBe('destroy');
  });

  it('destroys the window when the layout cannot load or never gets ready', async () => {
    const failing = fakes({ loadFails: true });
    await expect(failing.integration.renderPdf('#/print/x')).rejects.toThrow('ERR_FAILED');
    expect(failing.windows[0].destroyed).toBe(true);
    const stuck = fakes({ readyAfterProbes: 1_000_000 });
    await expect(stuck.integration.renderPdf('#/print/x')).rejects.toMatchObject({ code: 'print_failed' });
    expect(stuck.windows[0].destroyed).toBe(true);
  });

  it('prints nothing when the layout reports it could not get its data', async () => {
    const { integration, calls } = fakes({ layoutError: 'This month is not in the cache.' });
    await expect(integration.print('#/print/x', 'x.pdf')).rejects.toMatchObject({
      code: 'print_failed',
      message: expect.stringContaining('This month is not in the cache.'),
    });
    expect(calls).not.toContain('print');
    expect(calls.at(-1)).toBe('destroy');
  });

  it('renders the layout to PDF bytes', async () => {
    const { integration, calls } = fakes();
    const pdf = await integration.renderPdf('#/print/x');
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(calls).toEqual(['load app://oai/index.html#/print/x', 'probe', 'printToPDF', 'destroy']);
  });

  it('reaches the renderer as the bridge failure code it shows its own words for', async () => {
    const { integration } = fakes({ printers: 0 });
    const services = await createAppServices({ dataDir: tempDir(), shell: 'electron', version: '1', locale: 'en', scheduleSync: false, integration, log: silentLog });
    services.settings.update((settings) => ({ ...settings, profiles: [storedProfile('p1')] }));
    const view = { kind: 'billingCodes' as const, profileId: 'p1', period: '2009-05' };
    const { dispatchBridgeCall } = await import('../../../src/main/bridge/dispatch');
    const result = await dispatchBridgeCall('printView', { view, presentation: { language: 'en-US', dateStyle: 'locale' } }, services.handlers, silentLog);
    expect(result).toMatchObject({ ok: false, error: { code: 'no_printer' } });
    await services.close();
  });
});
