// Electron main process: thin glue between Electron and the services.
// Everything testable lives in modules that do not import 'electron'
// (src/main/app, features…) or take Electron's objects as arguments
// (src/main/electron/).
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, net, Notification, protocol, screen, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_EVENT_CHANNEL } from '../shared/bridge';
import { languageFromLocale, storedLanguage, translator, type Language } from '../shared/i18n';
import { EMPTY_MENU_STATE } from '../shared/menu-commands';
import { createAppServices, type AppServices } from './app/app-services';
import { PRODUCT_NAME } from './app/data-dir';
import { registerBridgeIpc } from './bridge/ipc';
import { APP_ORIGIN } from './bridge/origin';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './electron/app-protocol';
import { createFolderMemory } from './electron/dialog-folder';
import { createElectronIntegration } from './electron/electron-integration';
import { followPlatformLifecycle } from './electron/lifecycle';
import { installAppMenu, type MenuActions } from './electron/menu';
import { chromiumFetch } from './electron/net-fetch';
import { newMonthNotifier } from './electron/notifications';
import { closeWithin, installQuitGuard, QUIT_TIME_LIMIT_MS } from './electron/quit-guard';
import { reloadWhenRendererFails } from './electron/renderer-recovery';
import { hardenSession, hardenWebContents } from './electron/security';
import { bringToFront, claimSingleInstance } from './electron/single-instance';
import { createStartFailureHandler, recoveryScreenNotAvailable, startSafely } from './electron/startup';
import { createUpdates } from './electron/updates';
import { createMainWindow } from './electron/window';
import { createFileLogger, LOG_FILE_NAME, logUncaughtErrors } from './log';
import { peekSettingsLanguage, type SettingsBackendFactory, type SettingsStore } from './settings/settings-store';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');
const rendererUrl = `${APP_ORIGIN}/index.html`;

const logFolder = app.getPath('logs');
const log = createFileLogger(path.join(logFolder, LOG_FILE_NAME));
let services: AppServices | null = null;
let mainWindow: BrowserWindow | null = null;

const settings = (): SettingsStore => {
  if (!services) throw new Error('the services are not started');
  return services.settings;
};
const language = (): Language =>
  storedLanguage(services ? services.settings.get().language : peekSettingsLanguage(app.getPath('userData')), app.getLocale()) ??
  languageFromLocale(app.getLocale());
const t = () => translator(language());

/** Settings through electron-store: conf with Electron's defaults, given the same options as the harness's conf. */
const electronStoreBackend: SettingsBackendFactory = (options) =>
  new ElectronStore({ ...options, name: options.configName });

const updates = createUpdates({
  isPackaged: app.isPackaged,
  configured: existsSync(path.join(process.resourcesPath ?? '', 'app-update.yml')),
  version: app.getVersion(),
  loadUpdater: async () => (await import('electron-updater')).default.autoUpdater,
  log,
  t,
  tell: (message, detail) => void dialog.showMessageBox({ type: 'info', message, detail }),
  ask: async (message, detail, buttons) => (await dialog.showMessageBox({ type: 'question', message, detail, buttons: [...buttons], defaultId: 0, cancelId: 1 })).response === 0,
});

const menuActions: MenuActions = {
  send: (command) => services?.events.emit('bridge-event', 'menuCommand', { command }),
  openLogsFolder: () => void shell.openPath(logFolder).then((problem) => problem && log.error(`could not open the logs folder: ${problem}`)),
  checkForUpdates: () => void updates.checkNow(),
  copySupportPhone: (phone) => void clipboard.writeText(phone),
  showAbout: () =>
    void dialog.showMessageBox({ type: 'info', message: PRODUCT_NAME, detail: t()('menu.aboutDetail', { version: app.getVersion() }) }),
};

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) bringToFront(mainWindow);
  else if (services) void openMainWindow().catch((error: unknown) => log.error('could not open the window', error));
}

/** Opens the main window and loads the app; a rejection means the window could not load. */
async function openMainWindow(): Promise<void> {
  const window = createMainWindow({ BrowserWindow, screen, preloadPath, devTools: !app.isPackaged, settings: settings(), log });
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    // Nothing can carry out menu commands until a window reports again.
    services?.menu.set(EMPTY_MENU_STATE);
  });
  await window.loadURL(rendererUrl);
  reloadWhenRendererFails(window, {
    url: rendererUrl,
    log,
    notifyReloaded: () => void dialog.showMessageBox(window, { type: 'warning', message: t()('window.reloaded'), detail: t()('window.reloadedDetail', { folder: logFolder }) }),
    giveUp: (reason) => {
      dialog.showErrorBox(t()('window.failedTitle'), t()('window.failedBody', { reason, folder: logFolder }));
      app.quit();
    },
  });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  registerAppProtocol(protocol, rendererDir);
  app.setAboutPanelOptions({ applicationName: PRODUCT_NAME, applicationVersion: app.getVersion() });
  services = await createAppServices({
    dataDir: app.getPath('userData'),
    shell: 'electron',
    version: app.getVersion(),
    locale: app.getLocale(),
    log,
    settingsBackend: electronStoreBackend,
    // Chromium's network stack: system proxy, PAC and certificate store. It
    // asks for compression (gzip, br…) and decodes by itself.
    clientOptions: { fetch: chromiumFetch((input, init) => net.fetch(input, init)), acceptEncoding: null },
    onNewMonths: newMonthNotifier({ Notification, settings, language, showWindow: showMainWindow, log }),
    integration: createElectronIntegration({
      BrowserWindow,
      dialog,
      shell,
      folders: createFolderMemory({ settings, documents: () => app.getPath('documents'), log }),
      preloadPath,
      rendererUrl,
      parentWindow: () => mainWindow,
    }),
  });
  const running = services;
  registerBridgeIpc(ipcMain, running.handlers, { trustedOrigin: APP_ORIGIN, log });
  running.events.on('bridge-event', (event, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENT_CHANNEL, { event, payload });
  });
  installAppMenu({
    Menu,
    menuState: running.menu,
    options: () => ({ platform: process.platform, isPackaged: app.isPackaged, appName: PRODUCT_NAME, t: t(), actions: menuActions }),
  });
  await openMainWindow();
  void updates.checkAtStart();
}

const onStartFailure = createStartFailureHandler({
  showRecoveryScreen: recoveryScreenNotAvailable,
  showErrorBox: (title, content) => {
    // Not closed here: the last window closing would start a second, ordinary quit.
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.hide();
    dialog.showErrorBox(title, content);
  },
  translate: t,
  logFolder,
  log,
  // app.exit closes the windows.
  cleanup: async () => void (await closeWithin(() => services?.close() ?? Promise.resolve(), QUIT_TIME_LIMIT_MS)),
  exit: (code) => app.exit(code),
});

function main(): void {
  if (!claimSingleInstance(app, showMainWindow)) return;
  logUncaughtErrors(process, log);
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, APP_ORIGIN));
  installQuitGuard({ app, close: () => services?.close() ?? Promise.resolve(), log });
  followPlatformLifecycle(app, process.platform, { exists: () => mainWindow !== null, open: showMainWindow });
  void startSafely(async () => {
    await app.whenReady();
    await start();
  }, onStartFailure);
}

main();
