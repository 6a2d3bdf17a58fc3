import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../../src/main/settings/settings-store';
import { tempDir } from '../sync/helpers';

describe('settings store', () => {
  it('starts from defaults and persists changes for the next start', () => {
    const file = path.join(tempDir(), 'settings.json');
    const store = createSettingsStore(file);
    expect(store.get()).toEqual({ language: null, dateStyle: 'locale', syncIntervalHours: 6, profiles: [], activeProfileId: null });
    store.update((s) => ({ ...s, language: 'fr', syncIntervalHours: 12 }));
    expect(createSettingsStore(file).get()).toMatchObject({ language: 'fr', syncIntervalHours: 12 });
    expect(readdirSync(path.dirname(file))).toEqual(['settings.json']);
  });

  it('refuses an invalid change and keeps the file as it was', () => {
    const file = path.join(tempDir(), 'settings.json');
    const store = createSettingsStore(file);
    store.update((s) => ({ ...s, language: 'en' }));
    const before = readFileSync(file, 'utf8');
    expect(() => store.update((s) => ({ ...s, syncIntervalHours: 0 }))).toThrow();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(store.get().syncIntervalHours).toBe(6);
  });

  it('sets an unreadable file aside, says so, and starts with defaults', () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, '{ not json');
    const problems: string[] = [];
    const store = createSettingsStore(file, (m) => problems.push(m));
    expect(store.get().profiles).toEqual([]);
    expect(problems[0]).toMatch(/unreadable/);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).some((n) => n.startsWith('settings.json.unreadable-'))).toBe(true);
  });
});
