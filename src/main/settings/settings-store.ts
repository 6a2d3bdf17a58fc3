// App settings in `settings.json` in the data folder (no secrets: passwords
// are in the keychain), through `conf` — electron-store in the desktop app,
// which is conf with Electron's defaults. Both are given the same options
// (settingsStoreOptions), so they read and write the same file; today's file
// is read in place. The zod schema validates every read and fills defaults.
// A write goes to a temporary file that is renamed (conf's atomic write), and
// a failed write changes nothing: the previous settings stay, in memory and
// on disk. An unreadable file is set aside and defaults are used, so the app
// always starts.
import Conf, { type Options as ConfOptions } from 'conf';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { profileSchema } from '../../shared/bridge';
import { dateStyleSchema, storedLanguageSchema } from '../../shared/i18n/language';

/**
 * A sign-in as settings keep it: what the renderer sees (less what main
 * derives), with the choice to remember the password and whether it still
 * waits for the answer to its provider-link question.
 */
export const storedProfileSchema = profileSchema
  .omit({ hasSavedPassword: true, provider: true, relinkCandidates: true })
  .extend({ rememberPassword: z.boolean(), awaitingLinkAnswer: z.boolean().default(false) });
export type StoredProfile = z.infer<typeof storedProfileSchema>;

/** The main window's last size and place (desktop app), restored within the displays present. */
export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const settingsSchema = z.object({
  language: storedLanguageSchema.nullable().default(null),
  dateStyle: dateStyleSchema.default('locale'),
  syncIntervalHours: z.number().min(1).max(24 * 7).default(6),
  profiles: z.array(storedProfileSchema).default([]),
  activeProfileId: z.string().nullable().default(null),
  notifyNewMonth: z.boolean().default(false),
  window: windowStateSchema.nullable().default(null),
  /** The folder the last Save or Open dialog used. */
  lastFolder: z.string().max(4096).nullable().default(null),
});
export type Settings = z.infer<typeof settingsSchema>;

export const SETTINGS_FILE_NAME = 'settings.json';

export interface SettingsStore {
  readonly file: string;
  get(): Settings;
  /** Validates and saves the change; on any failure nothing changes and the error is thrown. */
  update(change: (current: Settings) => Settings): Settings;
}

/** What the store needs of conf / electron-store. */
export interface SettingsBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

export type SettingsStoreOptions = ConfOptions<Settings> & { cwd: string; configName: string };
export type SettingsBackendFactory = (options: SettingsStoreOptions) => SettingsBackend;

/** The one set of options for conf and electron-store alike: same file, same format, zod on read. */
export function settingsStoreOptions(dataDir: string): SettingsStoreOptions {
  return {
    cwd: dataDir,
    configName: 'settings',
    fileExtension: 'json',
    // Keys hold plain values; a profile id must never be read as a path.
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    watch: false,
    serialize: (value) => JSON.stringify(value, null, 2),
    deserialize: (text) => settingsSchema.parse(JSON.parse(text)),
  };
}

export const confBackend: SettingsBackendFactory = (options) => new Conf<Settings>(options);

export function createSettingsStore(
  dataDir: string,
  options: { backend?: SettingsBackendFactory; onProblem?: (message: string) => void } = {},
): SettingsStore {
  const backend = openBackend(dataDir, options.backend ?? confBackend, options.onProblem ?? (() => {}));
  let current = settingsSchema.parse(backend.store);
  return {
    file: backend.path,
    get: () => current,
    update(change) {
      const next = settingsSchema.parse(change(current));
      try {
        backend.store = next;
      } catch (error) {
        removeTemporaryCopies(backend.path);
        throw error;
      }
      current = next;
      return next;
    },
  };
}

/**
 * conf writes through a temporary copy that it removes asynchronously when the
 * write fails (a full disk): remove it at once, so nothing is left behind even
 * if the app quits next.
 */
function removeTemporaryCopies(file: string): void {
  const prefix = `${path.basename(file)}.tmp-`;
  try {
    for (const name of readdirSync(path.dirname(file))) {
      if (name.startsWith(prefix)) rmSync(path.join(path.dirname(file), name), { force: true });
    }
  } catch {
    // The folder cannot be read: there is nothing more to do.
  }
}

function openBackend(dataDir: string, factory: SettingsBackendFactory, onProblem: (message: string) => void): SettingsBackend {
  const options = settingsStoreOptions(dataDir);
  try {
    const backend = factory(options);
    settingsSchema.parse(backend.store);
    return backend;
  } catch (error) {
    const file = path.join(dataDir, SETTINGS_FILE_NAME);
    if (!existsSync(file)) throw error;
    const aside = `${file}.unreadable-${Date.now()}`;
    renameSync(file, aside);
    onProblem(`settings file was unreadable and was moved to ${aside}: ${error instanceof Error ? error.message : String(error)}`);
    return factory(options);
  }
}

/** The language the settings file names, without opening the store (for messages when start-up fails). */
export function peekSettingsLanguage(dataDir: string): Settings['language'] {
  try {
    const raw = JSON.parse(readFileSync(path.join(dataDir, SETTINGS_FILE_NAME), 'utf8')) as { language?: unknown };
    return storedLanguageSchema.nullable().catch(null).parse(raw.language ?? null);
  } catch {
    return null;
  }
}
