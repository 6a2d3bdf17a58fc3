// Composes the main-process services and the bridge handlers over them.
// Used as is by Electron's main process and by the browser harness, so the
// harness exercises the real services, not stand-ins.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { BridgeEventName, SyncProgress } from '../../shared/bridge';
import type { BridgeHandlers } from '../bridge/dispatch';
import { createFileLogger, type Logger } from '../log';

export interface AppEnvironment {
  /** Folder for the cache, settings and log (Electron: app.getPath('userData')). */
  dataDir: string;
  shell: 'electron' | 'browser-harness';
  version: string;
  /** OS locale, e.g. 'fr-FR'. */
  locale: string;
  echoLog?: (line: string) => void;
}

export interface AppEvents {
  on(event: 'bridge-event', listener: (name: BridgeEventName, payload: SyncProgress) => void): void;
}

export interface AppServices {
  handlers: BridgeHandlers;
  events: AppEvents & EventEmitter;
  log: Logger;
  close(): Promise<void>;
}

export function createAppServices(env: AppEnvironment): Promise<AppServices> {
  const log = createFileLogger(path.join(env.dataDir, 'logs', 'oai-desktop.log'), env.echoLog);
  const events = new EventEmitter();
  const handlers: BridgeHandlers = {
    appInfo: () => ({
      name: 'OAI Desktop',
      version: env.version,
      platform: process.platform,
      shell: env.shell,
      locale: env.locale,
    }),
  };
  log.info(`services started (${env.shell}, data in ${env.dataDir})`);
  return Promise.resolve({
    handlers,
    events,
    log,
    close: () => {
      events.removeAllListeners();
      return Promise.resolve();
    },
  });
}
