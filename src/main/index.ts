// Electron main process: thin glue between Electron and the services.
// Everything testable lives in modules that do not import 'electron'.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_EVENT_CHANNEL } from '../shared/bridge';
import { createAppServices, type AppServices } from './app/app-services';
import { registerBridgeIpc } from './bridge/ipc';
import { APP_ORIGIN } from './bridge/origin';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './electron/app-protocol';
import { createElectronIntegration } from './electron/electron-integration';
import { hardenSession, hardenWebContents } from './electron/security';
import { createMainWindow } from './electron/window';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, APP_ORIGIN));

let services: AppServices | null = null;
let mainWindow: BrowserWindow | null = null;
const rendererUrl = `${APP_ORIGIN}/index.html`;

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  registerAppProtocol(protocol, rendererDir);
  services = await createAppServices({
    dataDir: app.getPath('userData'),
    shell: 'electron',
    version: app.getVersion(),
    locale: app.getLocale(),
    integration: createElectronIntegration({
      BrowserWindow,
      dialog,
      shell,
      app,
      preloadPath,
      rendererUrl,
      parentWindow: () => mainWindow,
    }),
  });
  registerBridgeIpc(ipcMain, services.handlers, { trustedOrigin: APP_ORIGIN, log: services.log });
  const window = createMainWindow(BrowserWindow, preloadPath, rendererUrl);
  mainWindow = window;
  services.events.on('bridge-event', (event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, { event, payload });
  });
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void services?.close());
app.whenReady().then(start, (error: unknown) => {
  console.error('OAI Desktop could not start:', error);
  app.exit(1);
});
