// Wires the main-process services and merges the features' bridge handlers
// into one map. Used as is by Electron's main process and by the browser
// harness, so the harness exercises the real services, not stand-ins.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { BridgeEventName, BridgeEventPayload } from '../../shared/bridge';
import type { BridgeHandlers } from '../bridge/handlers';
import type { CacheHandle } from '../cache';
import { createKeychainStore, type CredentialStore } from '../credentials/keychain';
import type { DemoProvider } from '../demo';
import { AppError } from '../errors';
import { appInfoHandlers } from '../features/app-info/handlers';
import { createArchive, type Archive } from '../features/archive/archive';
import { stateView } from '../features/archive/archive-state';
import { gateWrites } from '../features/archive/gate-writes';
import { archiveHandlers } from '../features/archive/handlers';
import { billingCodeHandlers } from '../features/billing-codes/handlers';
import type { FeatureDeps } from '../features/deps';
import { exportHandlers } from '../features/export/handlers';
import { importHandlers } from '../features/import/handlers';
import { importThreadRunner } from '../features/import/import-thread';
import { StagedFiles } from '../features/import/staged-files';
import { menuHandlers } from '../features/menu/handlers';
import { createMenuStateStore, type MenuStateStore } from '../features/menu/menu-state';
import { profileHandlers } from '../features/profiles/handlers';
import { ProfileService } from '../features/profiles/profile-service';
import { searchHandlers } from '../features/search/handlers';
import { searchIndexUpkeep, type SearchIndexUpkeep } from '../features/search/index-upkeep';
import { settingsHandlers } from '../features/settings/handlers';
import { syncHandlers } from '../features/sync/handlers';
import { createNewMonthWatcher, type NewMonths, type NewMonthWatcher } from '../features/sync/new-months';
import { createSyncSchedule } from '../features/sync/schedule';
import { viewHandlers } from '../features/views/handlers';
import { reportHandlers } from '../features/reports/handlers';
import { createFileLogger, LOG_FILE_NAME, type Logger } from '../log';
import type { ProviderClientOptions } from '../provider/client';
import { createSettingsStore, type SettingsBackendFactory, type SettingsStore } from '../settings/settings-store';
import type { SyncCoordinator } from '../sync/sync-coordinator';
import { createCore, type Core } from './core';
import { CACHE_FILE_NAME } from './data-dir';
import { embeddedDemo, type EmbeddedDemoOptions } from './embedded-demo';
import type { ShellIntegration } from './shell-integration';

export interface AppEnvironment {
  /** Folder for the cache, settings and log (Electron: app.getPath('userData')). */
  dataDir: string;
  shell: 'electron' | 'browser-harness';
  version: string;
  /** OS locale, e.g. 'fr-FR'. */
  locale: string;
  /** Where to log (Electron: its logs folder); default `<dataDir>/logs/oai-desktop.log`. */
  log?: Logger;
  echoLog?: (line: string) => void;
  /** conf by default; electron-store in the desktop app (same options, same file). */
  settingsBackend?: SettingsBackendFactory;
  /** A finished sync brought a month the cache did not have (desktop: optional notification). */
  onNewMonths?: (news: NewMonths) => void;
  /** Keychain; tests pass one with their own service name. */
  credentials?: CredentialStore;
  /** Options of the embedded demo provider (date, size). */
  demo?: EmbeddedDemoOptions;
  /** Sync at start and every N hours (default true). Tests turn it off. */
  scheduleSync?: boolean;
  /** The daily backup check, at start and every few hours (default true); backups after changes are always on. */
  dailyBackups?: boolean;
  /** Provider client tuning (tests shorten retries). */
  clientOptions?: Partial<ProviderClientOptions>;
  /** Save dialogs and printing (Electron's, or the harness's equivalents). */
  integration?: ShellIntegration;
}

const NO_INTEGRATION: ShellIntegration = {
  chooseSaveFile: () => Promise.reject(new AppError('not_available', 'Saving files is not available here.')),
  print: () => Promise.reject(new AppError('not_available', 'Printing is not available here.')),
  renderPdf: () => Promise.reject(new AppError('not_available', 'Printing is not available here.')),
  chooseOpenFile: () => Promise.reject(new AppError('not_available', 'Opening files is not available here.')),
  showInFolder: () => {
    throw new AppError('not_available', 'Showing files is not available here.');
  },
};

export interface AppEvents {
  on(event: 'bridge-event', listener: <E extends BridgeEventName>(name: E, payload: BridgeEventPayload<E>) => void): void;
}

export interface AppServices {
  handlers: BridgeHandlers;
  events: AppEvents & EventEmitter;
  log: Logger;
  /** The cache: ask it for the connection at each use (it can be swapped at run time). */
  cache: CacheHandle;
  /** The archive's state machine (tests wait for `archive.settled()`). */
  archive: Archive;
  settings: SettingsStore;
  /** What the renderer can do from the application menu now. */
  menu: MenuStateStore;
  /** The embedded demo provider, if it was started. */
  demoProvider(): DemoProvider | null;
  /** Stops the embedded demo provider (offline tests); it starts again on demand. */
  stopDemoProvider(): Promise<void>;
  /** Waits for the running sync of a profile, if any (tests, shutdown). */
  syncCoordinator: SyncCoordinator;
  close(): Promise<void>;
}

/** Every bridge call's handler, each from the feature that owns the call. */
export function bridgeHandlers(deps: FeatureDeps, staged?: StagedFiles): BridgeHandlers {
  return {
    ...importHandlers({ ...deps, run: importThreadRunner(() => deps.cache.file), staged }),
    ...appInfoHandlers(deps),
    ...profileHandlers(deps),
    ...settingsHandlers(deps),
    ...viewHandlers(deps),
    ...reportHandlers(deps),
    ...billingCodeHandlers(deps),
    ...searchHandlers(deps),
    ...exportHandlers(deps),
    ...syncHandlers(deps),
    ...menuHandlers(deps),
    ...archiveHandlers(deps),
  } satisfies BridgeHandlers;
}

/**
 * Never fails because of the cache: the archive opens in the background
 * (features/archive/archive.ts) and a cache that cannot be used is a state
 * the renderer shows (the recovery screen, the read-only banner).
 */
export async function createAppServices(env: AppEnvironment): Promise<AppServices> {
  const log = env.log ?? createFileLogger(path.join(env.dataDir, 'logs', LOG_FILE_NAME), env.echoLog);
  const events = new EventEmitter();
  const emit: FeatureDeps['emit'] = (name, payload) => events.emit('bridge-event', name, payload);
  const archive = createArchive({ file: path.join(env.dataDir, CACHE_FILE_NAME), appVersion: env.version, log });
  let newMonths: NewMonthWatcher | null = null;
  const core = createCore({
    cacheFile: archive.file,
    archive,
    appVersion: env.version,
    log,
    onSyncProgress: (progress) => emit('syncProgress', progress),
    onSyncStart: (target) => newMonths?.onStart(target),
    onSyncReport: (target, report) => {
      newMonths?.onReport(target, report);
      // The months the sync swapped in are indexed for search after it, on the archive thread.
      if (archive.state().state === 'ready') searchIndex.catchUp();
    },
  });
  const searchIndex = searchIndexUpkeep(core.cache, log);
  if (env.onNewMonths) newMonths = createNewMonthWatcher(core.cache, env.onNewMonths);
  try {
    return wireServices(env, { log, events, emit, core, archive, searchIndex });
  } catch (error) {
    // Start-up failed half-way: close what is open, so the process can exit cleanly.
    await core.close();
    throw error;
  }
}

interface Wiring {
  log: Logger;
  events: EventEmitter;
  emit: FeatureDeps['emit'];
  core: Core;
  archive: Archive;
  searchIndex: SearchIndexUpkeep;
}

function wireServices(env: AppEnvironment, { log, events, emit, core, archive, searchIndex }: Wiring): AppServices {
  const settings = createSettingsStore(env.dataDir, { backend: env.settingsBackend, onProblem: (m) => log.error(m) });
  const menu = createMenuStateStore();
  const demo = embeddedDemo(env.demo ?? {}, log);
  const profiles = new ProfileService({
    settings,
    credentials: env.credentials ?? createKeychainStore(),
    demoUrl: () => demo.url(),
    clientOptions: env.clientOptions,
    log,
  });
  const { cache, coordinator, backups } = core;
  const syncSchedule = createSyncSchedule({ coordinator, profiles, settings, log }, env.scheduleSync !== false);
  const deps: FeatureDeps = {
    app: { shell: env.shell, version: env.version, locale: env.locale },
    cache,
    archive,
    settings,
    profiles,
    coordinator,
    syncSchedule,
    backups,
    integration: env.integration ?? NO_INTEGRATION,
    log,
    menu,
    emit,
    searchIndex,
  };
  const staged = new StagedFiles();
  archive.subscribe((state) => {
    emit('archiveStatus', stateView(state, archive.file));
    // Syncs and backups start once the archive can be written (again, after a restore).
    if (state.state !== 'ready') return;
    syncSchedule.restart(true);
    if (env.dailyBackups !== false) backups.startDaily();
    searchIndex.catchUp();
  });
  void archive.start();
  log.info(`services started (${env.shell}, data in ${env.dataDir})`);

  return {
    handlers: gateWrites(bridgeHandlers(deps, staged), archive.whenWritable),
    events,
    log,
    cache,
    archive,
    settings,
    menu,
    syncCoordinator: coordinator,
    demoProvider: () => demo.running(),
    stopDemoProvider: () => demo.stop(),
    close: async () => {
      await searchIndex.idle();
      await core.close();
      staged.dispose();
      await demo.stop();
      events.removeAllListeners();
    },
  };
}
