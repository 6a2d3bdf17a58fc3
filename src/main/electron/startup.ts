// Start-up that never leaves a process without a window. A cache that cannot
// be used never reaches here: the archive opens in the background and the
// window shows its recovery screen or read-only banner (features/archive).
// Any other step that fails (the keychain, an unwritable data folder, a
// window that cannot load) ends in onStartFailure: a native error box in the
// user's language, then what was opened is closed and the process exits 1.
import type { Translate } from '../../shared/i18n';
import type { Logger } from '../log';

/** A screen that could still help after a failed start; false when none can (the archive's recovery screen needs working services). */
export type ShowRecoveryScreen = (error: unknown) => Promise<boolean>;

export const recoveryScreenNotAvailable: ShowRecoveryScreen = () => Promise.resolve(false);

export interface StartFailureDeps {
  showRecoveryScreen: ShowRecoveryScreen;
  /** Electron's dialog.showErrorBox: safe before the app is ready. */
  showErrorBox: (title: string, content: string) => void;
  /** The user's words: the settings' language if readable, else the OS locale's. */
  translate: () => Translate;
  /** Where the log is, named in the error box. */
  logFolder: string;
  log: Logger;
  /** Closes the services and windows opened so far (bounded in time). */
  cleanup: () => Promise<void>;
  exit: (code: number) => void;
}

function reasonOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

export function createStartFailureHandler(deps: StartFailureDeps): (error: unknown) => Promise<void> {
  let handling = false;
  return async (error) => {
    if (handling) return;
    handling = true;
    deps.log.error('start-up failed', error);
    try {
      if (await deps.showRecoveryScreen(error)) {
        handling = false;
        return;
      }
    } catch (recoveryError) {
      deps.log.error('the recovery screen could not be shown', recoveryError);
    }
    const t = deps.translate();
    deps.showErrorBox(t('startup.failedTitle'), t('startup.failedBody', { reason: reasonOf(error), folder: deps.logFolder }));
    try {
      await deps.cleanup();
    } catch (cleanupError) {
      deps.log.error('cleanup after the failed start-up failed', cleanupError);
    }
    deps.exit(1);
  };
}

/** Runs the start-up steps; a throw or rejection of any of them goes to onFailure. */
export async function startSafely(steps: () => Promise<void>, onFailure: (error: unknown) => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    await onFailure(error);
  }
}
