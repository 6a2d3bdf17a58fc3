// A stand-in for the 'electron' module (Electron cannot run here), for tests
// that import the real main process (src/main/index.ts): it records what main
// asks of Electron and lets a test play Electron's part (ready, quit, a
// second launch, a menu click, an IPC call from the renderer).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

export interface MockOptions {
  isPackaged?: boolean;
  locale?: string;
  platform?: NodeJS.Platform;
  /** The single-instance lock: false plays a second launch. */
  gotLock?: boolean;
  printers?: number;
  /** The app's page fails to load (a broken install). */
  failLoad?: boolean;
}

export type Listener = (...args: any[]) => any;

export class FakeEmitter {
  listeners = new Map<string, Listener[]>();
  on = vi.fn((event: string, listener: Listener) => {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  });
  once = vi.fn((event: string, listener: Listener) => this.on(event, listener));
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args));
  }
}

export function createElectronState(options: MockOptions = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'oai-electron-main-'));
  return {
    options,
    root,
    paths: { userData: path.join(root, 'userData'), logs: path.join(root, 'logs'), documents: path.join(root, 'Documents') },
    windows: [] as any[],
    app: null as any,
    ipcHandlers: new Map<string, Listener>(),
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    sandboxEnabled: false,
    menus: [] as any[],
    errorBoxes: [] as Array<{ title: string; content: string }>,
    messageBoxes: [] as any[],
    notifications: [] as any[],
    openedPaths: [] as string[],
    clipboard: [] as string[],
    netFetch: vi.fn((input: string, init?: RequestInit) => globalThis.fetch(input, init)),
  };
}

export type ElectronState = ReturnType<typeof createElectronState>;

/** The mocked module: named exports and the same object as default (electron-store imports it so). */
export function electronModule(state: ElectronState) {
  const options = state.options;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  class WebContents extends FakeEmitter {
    send = vi.fn();
    getPrintersAsync = vi.fn(async () => Array.from({ length: options.printers ?? 1 }, () => ({ name: 'printer' })));
    reload = vi.fn();
  }
  class BrowserWindow extends FakeEmitter {
    options: Record<string, any>;
    destroyed = false;
    minimized = false;
    maximized = false;
    loads: string[] = [];
    webContents = new WebContents();
    loadURL = vi.fn(async (url: string) => {
      this.loads.push(url);
      if (options.failLoad) throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`);
    });
    show = vi.fn();
    hide = vi.fn();
    focus = vi.fn();
    restore = vi.fn(() => (this.minimized = false));
    maximize = vi.fn(() => (this.maximized = true));
    isMinimized = () => this.minimized;
    isMaximized = () => this.maximized;
    isFullScreen = () => false;
    getNormalBounds = () => ({ x: this.options.x, y: this.options.y, width: this.options.width, height: this.options.height });
    isDestroyed = () => this.destroyed;
    /** As Electron: 'closed', then 'window-all-closed' when it was the last window. */
    destroy = vi.fn(() => {
      this.destroyed = true;
      this.emit('closed');
      if (state.windows.every((w) => w.destroyed)) state.app.emit('window-all-closed');
    });
    /** What Electron does when the user closes the window. */
    userCloses() {
      this.emit('close', { preventDefault() {} });
      this.destroy();
    }
    constructor(windowOptions: Record<string, any>) {
      super();
      this.options = windowOptions;
      state.windows.push(this);
    }
  }

  class App extends FakeEmitter {
    isPackaged = options.isPackaged ?? false;
    enableSandbox = () => (state.sandboxEnabled = true);
    whenReady = () => ready;
    getPath = (name: string) => (state.paths as Record<string, string>)[name] ?? path.join(state.root, name);
    getVersion = () => '9.9.9';
    getLocale = () => options.locale ?? 'fr-FR';
    requestSingleInstanceLock = vi.fn(() => options.gotLock ?? true);
    setAboutPanelOptions = vi.fn();
    quit = vi.fn(() => {
      const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      this.emit('before-quit', event);
      if (!event.defaultPrevented) this.emit('will-quit', event);
    });
    exit = vi.fn();
    /** Plays Electron's 'ready'. */
    __ready = () => resolveReady();
  }
  const app = new App();
  state.app = app;

  class Notification extends FakeEmitter {
    static isSupported = () => true;
    show = vi.fn();
    constructor(readonly options: { title: string; body: string }) {
      super();
      state.notifications.push(this);
    }
  }

  const module = {
    app,
    BrowserWindow,
    Notification,
    ipcMain: {
      handle: (channel: string, handler: Listener) => state.ipcHandlers.set(channel, handler),
      on: vi.fn(),
    },
    dialog: {
      showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      showErrorBox: vi.fn((title: string, content: string) => state.errorBoxes.push({ title, content })),
      showMessageBox: vi.fn(async (...args: any[]) => {
        state.messageBoxes.push(args.at(-1));
        return { response: 1 };
      }),
    },
    Menu: {
      buildFromTemplate: vi.fn((template: any[]) => ({ template })),
      setApplicationMenu: vi.fn((menu: { template: any[] }) => state.menus.push(menu.template)),
    },
    net: { fetch: state.netFetch },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }],
    },
    shell: { openPath: vi.fn(async (target: string) => (state.openedPaths.push(target), '')), showItemInFolder: vi.fn() },
    clipboard: { writeText: vi.fn((text: string) => state.clipboard.push(text)) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => state.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (state.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => (state.permissionCheck = handler),
      },
    },
  };
  return { ...module, default: module };
}

/** Calls a bridge call the way the preload does, from the app's own page. */
export async function bridgeCall(state: ElectronState, name: string, args: unknown = {}): Promise<any> {
  const handler = state.ipcHandlers.get(`oai:call:${name}`);
  if (!handler) throw new Error(`no IPC handler for ${name}`);
  return handler({ senderFrame: { url: 'app://oai/index.html' } }, args);
}

/** A menu item of the last menu set, by id. */
export function menuItem(state: ElectronState, id: string): any {
  const search = (items: any[]): any =>
    items.reduce<any>((found, item) => found ?? (item.id === id ? item : item.submenu ? search(item.submenu) : null), null);
  return search(state.menus.at(-1) ?? []);
}

/** Plays a quit (Cmd+Q, the last window closed…) the way Electron emits it. */
export function quitEvent() {
  return { prevented: 0, preventDefault() { this.prevented += 1; } };
}
