// What the features' handlers work with, built once by the app
// (src/main/app/app-services.ts). Each feature takes only the part it needs
// (a Pick of this), so the CLI can call the same functions with less.
import type { BridgeEventName, BridgeEventPayload } from '../../shared/bridge';
import type { ShellIntegration } from '../app/shell-integration';
import type { CacheHandle } from '../cache';
import type { Logger } from '../log';
import type { SettingsStore } from '../settings/settings-store';
import type { SyncCoordinator } from '../sync/sync-coordinator';
import type { SearchIndexUpkeep } from './search/index-upkeep';
import type { Archive } from './archive/archive';
import type { BackupPolicy } from './archive/backup-policy';
import type { MenuStateStore } from './menu/menu-state';
import type { ProfileService } from './profiles/profile-service';
import type { SyncSchedule } from './sync/schedule';

export type EmitBridgeEvent = <E extends BridgeEventName>(name: E, payload: BridgeEventPayload<E>) => void;

export interface AppIdentity {
  shell: 'electron' | 'browser-harness';
  version: string;
  /** OS locale, e.g. 'fr-FR'. */
  locale: string;
}

export interface FeatureDeps {
  app: AppIdentity;
  /** Ask it for the connection at each use: it can be swapped at run time. */
  cache: CacheHandle;
  /** The archive's state (checking, ready, read-only, unavailable), restore and start-empty; `archive.cache` is `cache`. */
  archive: Archive;
  settings: SettingsStore;
  /** Sign-ins, their passwords (keychain or session) and provider clients. */
  profiles: ProfileService;
  coordinator: SyncCoordinator;
  syncSchedule: SyncSchedule;
  /** Automatic backups of the cache: features say when the archive changed. */
  backups: BackupPolicy;
  /** Save dialogs and printing (Electron's, or the harness's equivalents). */
  integration: ShellIntegration;
  log: Logger;
  /** What the renderer can do from the application menu now. */
  menu: MenuStateStore;
  /** Sends an event to the renderer. */
  emit: EmitBridgeEvent;
  /** The search index's catch-up on the archive thread (absent: a search never waits for it). */
  searchIndex?: SearchIndexUpkeep;
}
