// Electron's Save and Print dialogs, driven through fakes of the Electron
// objects (Electron cannot run here): what is asked of them, in what order,
// and that the hidden layout window is always destroyed.
import { describe, expect, it, vi } from 'vitest';
import { createElectronIntegration } from '../../../src/main/electron/electron-integration';

function fakes(options: { readyAfterProbes?: number; loadFails?: boolean; print?: [boolean, string]; layoutError?: string } = {}) {
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
      print: vi.fn((_opts: unknown, callback: (success: boolean, reason: string) => void) => {
        calls.push('print');
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
  const dialog = {
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/home/ana/Documents/x.xlsx' })),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/home/ana/backups/oai-cache-2026-12-02T041500Z.sqlite'] })),
  };
  const shell = { showItemInFolder: vi.fn() };
  const integration = createElectronIntegration({
    BrowserWindow: FakeWindow as any,
    dialog: dialog,
    shell,
    app: { getPath: () => '/home/ana/Documents' },
    preloadPath: '/app/out/preload/index.cjs',
    rendererUrl: 'app://oai/index.html',
    parentWindow: () => null,
    readyTimeoutMs: 2_000,
  });
  return { integration, calls, windows, dialog, shell };
}

describe('Electron integration', () => {
  it('offers the Documents folder and the default name in the Save dialog; Cancel gives null', async () => {
    const { integration, dialog } = fakes();
    await expect(integration.chooseSaveFile('OAI_602127_2009-05_summary.xlsx', 'xlsx')).resolves.toBe('/home/ana/Documents/x.xlsx');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: '/home/ana/Documents/OAI_602127_2009-05_summary.xlsx',
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(integration.chooseSaveFile('a.pdf', 'pdf')).resolves.toBeNull();
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

  it('prints from a hidden, sandboxed window only once the layout is rendered, then destroys it', async () => {
    const { integration, calls, windows } = fakes({ readyAfterProbes: 2 });
    await expect(integration.print('#/print/x', 'x.pdf')).resolves.toEqual({ status: 'printed', path: null });
    expect(calls).toEqual(['load app://oai/index.html#/print/x', 'probe', 'probe', 'probe', 'print', 'destroy']);
    expect(windows[0].options.show).toBe(false);
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
});
