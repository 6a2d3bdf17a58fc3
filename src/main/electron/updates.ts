// Updates through electron-updater from the generic update address set when
// the installer was built (OAI_UPDATE_URL → electron-builder's `publish` →
// app-update.yml in the app's resources). Checked at start (silently) and
// from Help → Check for updates (with an answer); never in development
// builds, nor in a build made without an update address. A downloaded update
// installs when the app quits, or at once if the user says so.
import type { Translate } from '../../shared/i18n';
import type { Logger } from '../log';

/** What is used of electron-updater's autoUpdater. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: { info(message?: unknown): void; warn(message?: unknown): void; error(message?: unknown): void } | null;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>;
  quitAndInstall(): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateDeps {
  /** app.isPackaged: false in development (`npm start`). */
  isPackaged: boolean;
  /** The build has an update address (app-update.yml exists). */
  configured: boolean;
  version: string;
  /** Imports electron-updater on first use only. */
  loadUpdater: () => Promise<Updater>;
  log: Logger;
  t: () => Translate;
  /** An information message box. */
  tell(message: string, detail?: string): void;
  /** A question with [yes, no] buttons; true for yes. */
  ask(message: string, detail: string, buttons: [string, string]): Promise<boolean>;
}

export interface Updates {
  checkAtStart(): Promise<void>;
  checkNow(): Promise<void>;
}

export function createUpdates(deps: UpdateDeps): Updates {
  let updater: Promise<Updater> | null = null;
  const ready = () =>
    (updater ??= deps.loadUpdater().then((loaded) => {
      loaded.autoDownload = true;
      loaded.autoInstallOnAppQuit = true;
      loaded.logger = {
        info: (m) => deps.log.info(`updates: ${String(m)}`),
        warn: (m) => deps.log.info(`updates: ${String(m)}`),
        error: (m) => deps.log.error(`updates: ${String(m)}`),
      };
      loaded.on('error', (error) => deps.log.error('update failed', error));
      loaded.on('update-downloaded', (info) => void offerRestart(loaded, info.version));
      return loaded;
    }));

  async function offerRestart(loaded: Updater, version: string): Promise<void> {
    const t = deps.t();
    const restart = await deps.ask(t('updates.readyTitle', { version }), t('updates.readyDetail'), [t('updates.restartNow'), t('updates.later')]);
    if (restart) loaded.quitAndInstall();
  }

  /** Why this build does not check, or null when it does. */
  const notChecking = (): 'development' | 'notConfigured' | null =>
    !deps.isPackaged ? 'development' : !deps.configured ? 'notConfigured' : null;

  return {
    async checkAtStart() {
      const reason = notChecking();
      if (reason !== null) {
        deps.log.info(`updates: not checked (${reason === 'development' ? 'development build' : 'no update address in this build'})`);
        return;
      }
      try {
        await (await ready()).checkForUpdates();
      } catch (error) {
        deps.log.error('update check failed', error);
      }
    },
    async checkNow() {
      const t = deps.t();
      const reason = notChecking();
      if (reason !== null) {
        deps.tell(t(reason === 'development' ? 'updates.development' : 'updates.notConfigured'));
        return;
      }
      try {
        const result = await (await ready()).checkForUpdates();
        if (result?.isUpdateAvailable) deps.tell(t('updates.downloading', { version: result.updateInfo.version }));
        else deps.tell(t('updates.upToDate', { version: deps.version }));
      } catch (error) {
        deps.log.error('update check failed', error);
        deps.tell(t('updates.failed'), error instanceof Error ? error.message : String(error));
      }
    },
  };
}
