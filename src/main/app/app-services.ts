// Composes the main-process services and the bridge handlers over them.
// Used as is by Electron's main process and by the browser harness, so the
// harness exercises the real services, not stand-ins.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { BridgeEventName, BridgeEventPayload, ExportProgress, SettingsView, ViewRef } from '../../shared/bridge';
import { printRouteHash } from '../../shared/print-route';
import { defaultExportFileName, exportView } from '../export';
import { writeFileAtomically } from './save-file';
import type { ShellIntegration } from './shell-integration';
import type { BridgeHandlers } from '../bridge/dispatch';
import {
  accountSummary,
  billingCodeConferences,
  billingCodeSummary,
  closeInterruptedSyncRuns,
  getConference,
  conferenceParticipants,
  discardOutbox,
  listPeriods,
  openCacheHandle,
  queueBillingCode,
  retryOutbox,
  roomConferences,
  type CacheHandle,
} from '../cache';
import { createKeychainStore, type CredentialStore } from '../credentials/keychain';
import { startDemoProvider, type DemoProvider, type DemoProviderOptions } from '../demo';
import { AppError } from '../errors';
import { createFileLogger, type Logger } from '../log';
import { BILLING_CODE_PATTERN } from '../../shared/view-rules';
import type { ProviderClientOptions } from '../provider/client';
import { createSettingsStore, type Settings, type SettingsStore, type StoredProfile } from '../settings/settings-store';
import { SyncCoordinator, type SyncTarget } from '../sync/sync-coordinator';
import { inProcessPeriodWriter } from '../sync/writers/period-writer';
import { lazyPeriodWriter } from '../sync/writers/writer-pool';
import { startWriterThreads } from '../sync/writers/writer-thread';
import { CACHE_FILE_NAME } from './data-dir';
import { DEMO_SERVER, ProfileService, toProfile } from './profile-service';

export interface AppEnvironment {
  /** Folder for the cache, settings and log (Electron: app.getPath('userData')). */
  dataDir: string;
  shell: 'electron' | 'browser-harness';
  version: string;
  /** OS locale, e.g. 'fr-FR'. */
  locale: string;
  echoLog?: (line: string) => void;
  /** Keychain; tests pass one with their own service name. */
  credentials?: CredentialStore;
  /** Options of the embedded demo provider (date, size). */
  demo?: Omit<DemoProviderOptions, 'port'>;
  /** Sync at start and every N hours (default true). Tests turn it off. */
  scheduleSync?: boolean;
  /** Provider client tuning (tests shorten retries). */
  clientOptions?: Partial<ProviderClientOptions>;
  /** Save dialogs and printing (Electron's, or the harness's equivalents). */
  integration?: ShellIntegration;
}

const NO_INTEGRATION: ShellIntegration = {
  chooseSaveFile: () => Promise.reject(new AppError('not_available', 'Saving files is not available here.')),
  print: () => Promise.reject(new AppError('not_available', 'Printing is not available here.')),
  renderPdf: () => Promise.reject(new AppError('not_available', 'Printing is not available here.')),
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
  settings: SettingsStore;
  /** The embedded demo provider, if it was started. */
  demoProvider(): DemoProvider | null;
  /** Stops the embedded demo provider (offline tests); it starts again on demand. */
  stopDemoProvider(): Promise<void>;
  /** Waits for the running sync of a profile, if any (tests, shutdown). */
  syncCoordinator: SyncCoordinator;
  close(): Promise<void>;
}

export function createAppServices(env: AppEnvironment): Promise<AppServices> {
  const log = createFileLogger(path.join(env.dataDir, 'logs', 'oai-desktop.log'), env.echoLog);
  const events = new EventEmitter();
  const cacheFile = path.join(env.dataDir, CACHE_FILE_NAME);
  const cache = openCacheHandle(cacheFile);
  closeInterruptedSyncRuns(cache.write(), new Date().toISOString());
  const settings = createSettingsStore(path.join(env.dataDir, 'settings.json'), (m) => log.error(m));
  const credentials = env.credentials ?? createKeychainStore();

  let demo: Promise<DemoProvider> | null = null;
  let demoInstance: DemoProvider | null = null;
  const demoUrl = async () => {
    demo ??= startDemoProvider(env.demo ?? {}).then((d) => {
      demoInstance = d;
      log.info(`embedded demo provider listening on ${d.url}`);
      return d;
    });
    return (await demo).url;
  };

  const profiles = new ProfileService({ settings, credentials, demoUrl, clientOptions: env.clientOptions });
  const coordinator = new SyncCoordinator({
    cache,
    onProgress: (progress) => events.emit('bridge-event', 'syncProgress', progress),
    createWriter: () =>
      lazyPeriodWriter(
        () => startWriterThreads(cache.file),
        () => inProcessPeriodWriter(cache),
        (error) => log.error('sync writer thread unavailable; writing on the main thread', error),
      ),
    onReport: (target, report) =>
      log.info(`sync ${target.profileId}: ${report.status}${report.error ? ` (${report.error})` : ''}`),
  });
  const targetOf = (profile: StoredProfile): SyncTarget => ({
    profileId: profile.id,
    origin: profile.isDemo ? DEMO_SERVER : profile.serverUrl,
    accountNumber: profile.accountNumber,
    createClient: (signal) => profiles.clientFor(profile, signal),
  });
  const startSync = (profile: StoredProfile) => {
    void coordinator.sync(targetOf(profile));
    return coordinator.status(profile.id, profile.accountNumber);
  };

  const integration = env.integration ?? NO_INTEGRATION;
  const emitExportProgress = (progress: ExportProgress) => events.emit('bridge-event', 'exportProgress', progress);
  const pdfName = (view: ViewRef) => defaultExportFileName(view).replace(/\.xlsx$/, '.pdf');

  const settingsView = (s: Settings): SettingsView => ({
    language: s.language,
    dateStyle: s.dateStyle,
    syncIntervalHours: s.syncIntervalHours,
    activeProfileId: s.activeProfileId,
  });

  const handlers: BridgeHandlers = {
    appInfo: () => ({ name: 'OAI Desktop', version: env.version, platform: process.platform, shell: env.shell, locale: env.locale }),
    listProfiles: () => profiles.list().map(toProfile),
    signIn: async (args) => {
      const profile = await profiles.signIn(args);
      startSync(profile);
      return toProfile(profile);
    },
    signInDemo: () => {
      const profile = profiles.signInDemo();
      startSync(profile);
      return toProfile(profile);
    },
    switchProfile: ({ profileId }) => toProfile(profiles.switchTo(profileId)),
    signOut: async ({ profileId, forgetPassword }) => {
      coordinator.cancel(profileId);
      await profiles.signOut(profileId, forgetPassword);
      return null;
    },
    getSettings: () => settingsView(settings.get()),
    updateSettings: (change) => {
      const updated = settings.update((s) => ({ ...s, ...change }));
      if (change.syncIntervalHours !== undefined && env.scheduleSync !== false) scheduleSyncs(false);
      return settingsView(updated);
    },
    listPeriods: ({ accountNumber }) => listPeriods(cache.read(), accountNumber),
    accountSummary: ({ accountNumber, period, display }) => accountSummary(cache.read(), accountNumber, period, display),
    roomConferences: ({ accountNumber, period, roomNumber }) => roomConferences(cache.read(), accountNumber, period, roomNumber),
    conferenceParticipants: ({ accountNumber, conferenceId }) => ({
      conference: getConference(cache.read(), accountNumber, conferenceId),
      participants: conferenceParticipants(cache.read(), accountNumber, conferenceId),
    }),
    billingCodeSummary: ({ accountNumber, period }) => billingCodeSummary(cache.read(), accountNumber, period),
    billingCodeConferences: ({ accountNumber, period, billingCode }) =>
      billingCodeConferences(cache.read(), accountNumber, period, billingCode),
    assignBillingCode: ({ accountNumber, conferenceId, billingCode }) => {
      const code = billingCode === null || billingCode.trim() === '' ? null : billingCode.trim();
      if (code !== null && !BILLING_CODE_PATTERN.test(code)) {
        throw new AppError('invalid_billing_code', 'A billing code is 1 to 20 letters, digits, spaces, "_", "." or "-".');
      }
      if (getConference(cache.read(), accountNumber, conferenceId) === null) {
        throw new AppError('not_found', `Conference ${conferenceId} is not in the cache.`);
      }
      return queueBillingCode(cache.write(), accountNumber, conferenceId, code, new Date().toISOString());
    },
    retryBillingCode: ({ outboxId }) => {
      if (!retryOutbox(cache.write(), outboxId, new Date().toISOString())) throw new AppError('not_found', 'That change is not waiting any more.');
      return null;
    },
    discardBillingCode: ({ outboxId }) => {
      if (!discardOutbox(cache.write(), outboxId)) throw new AppError('not_found', 'That change is not waiting any more.');
      return null;
    },
    exportView: async ({ view, presentation }) => {
      const file = await integration.chooseSaveFile(defaultExportFileName(view), 'xlsx');
      if (file === null) return { status: 'cancelled', path: null };
      emitExportProgress({ kind: 'xlsx', rows: 0, total: null, done: false });
      try {
        await exportView(cache.read(), view, presentation, { file }, {
          onProgress: (rows, total) => emitExportProgress({ kind: 'xlsx', rows, total, done: false }),
        });
      } finally {
        emitExportProgress({ kind: 'xlsx', rows: 0, total: null, done: true });
      }
      log.info(`exported ${view.kind} to ${file}`);
      return { status: 'saved', path: file };
    },
    printView: async ({ view, presentation }) => {
      emitExportProgress({ kind: 'print', rows: 0, total: null, done: false });
      try {
        return await integration.print(printRouteHash(view, presentation), pdfName(view));
      } finally {
        emitExportProgress({ kind: 'print', rows: 0, total: null, done: true });
      }
    },
    savePdf: async ({ view, presentation }) => {
      const file = await integration.chooseSaveFile(pdfName(view), 'pdf');
      if (file === null) return { status: 'cancelled', path: null };
      emitExportProgress({ kind: 'pdf', rows: 0, total: null, done: false });
      try {
        await writeFileAtomically(file, await integration.renderPdf(printRouteHash(view, presentation)));
      } finally {
        emitExportProgress({ kind: 'pdf', rows: 0, total: null, done: true });
      }
      return { status: 'saved', path: file };
    },
    syncNow: ({ profileId }) => startSync(profiles.get(profileId)),
    cancelSync: ({ profileId }) => {
      coordinator.cancel(profileId);
      return null;
    },
    syncStatus: ({ profileId }) => {
      const profile = profiles.get(profileId);
      return coordinator.status(profile.id, profile.accountNumber);
    },
  };

  function scheduleSyncs(runNow: boolean) {
    coordinator.schedule(
      settings.get().syncIntervalHours,
      () => {
        const active = profiles.active();
        return Promise.resolve(active ? [targetOf(active)] : []);
      },
      (error) => log.error('scheduled sync failed', error),
      runNow,
    );
  }
  if (env.scheduleSync !== false) scheduleSyncs(true);
  log.info(`services started (${env.shell}, data in ${env.dataDir})`);

  return Promise.resolve({
    handlers,
    events,
    log,
    cache,
    settings,
    syncCoordinator: coordinator,
    demoProvider: () => demoInstance,
    stopDemoProvider: async () => {
      const running = demo;
      demo = null;
      demoInstance = null;
      if (running) await (await running).close();
    },
    close: async () => {
      await coordinator.close();
      if (demo) await (await demo).close();
      cache.close();
      events.removeAllListeners();
    },
  });
}

