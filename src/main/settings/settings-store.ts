// App settings in a small JSON file (no secrets: passwords are in the
// keychain). Written to a temporary file and renamed, so a crash never leaves
// half a file; an unreadable file is set aside and defaults are used, so the
// app always starts. Kept behind this interface (rather than electron-store)
// so the harness, the CLI and tests use it without Electron.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { profileSchema } from '../../shared/bridge';
import { dateStyleSchema, languageSchema } from '../../shared/i18n/language';

/**
 * A sign-in as settings keep it: what the renderer sees (less what main
 * derives), with the choice to remember the password and whether it still
 * waits for the answer to its provider-link question.
 */
export const storedProfileSchema = profileSchema
  .omit({ hasSavedPassword: true, provider: true, relinkCandidates: true })
  .extend({ rememberPassword: z.boolean(), awaitingLinkAnswer: z.boolean().default(false) });
export type StoredProfile = z.infer<typeof storedProfileSchema>;

export const settingsSchema = z.object({
  language: languageSchema.nullable().default(null),
  dateStyle: dateStyleSchema.default('locale'),
  syncIntervalHours: z.number().min(1).max(24 * 7).default(6),
  profiles: z.array(storedProfileSchema).default([]),
  activeProfileId: z.string().nullable().default(null),
});
export type Settings = z.infer<typeof settingsSchema>;

export interface SettingsStore {
  readonly file: string;
  get(): Settings;
  update(change: (current: Settings) => Settings): Settings;
}

export function createSettingsStore(file: string, onProblem: (message: string) => void = () => {}): SettingsStore {
  let current = load(file, onProblem);
  return {
    file,
    get: () => current,
    update(change) {
      const next = settingsSchema.parse(change(current));
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.tmp-${process.pid}`;
      writeFileSync(temporary, JSON.stringify(next, null, 2));
      renameSync(temporary, file);
      current = next;
      return next;
    },
  };
}

function load(file: string, onProblem: (message: string) => void): Settings {
  if (!existsSync(file)) return settingsSchema.parse({});
  try {
    return settingsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    const aside = `${file}.unreadable-${Date.now()}`;
    renameSync(file, aside);
    onProblem(`settings file was unreadable and was moved to ${aside}: ${error instanceof Error ? error.message : String(error)}`);
    return settingsSchema.parse({});
  }
}
