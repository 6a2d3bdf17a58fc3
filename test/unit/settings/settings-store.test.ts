// Settings through conf (the harness, the CLI and these tests) — electron-store
// in the desktop app, given the same options: the file today's code wrote is
// read in place, a failed save changes nothing and leaves nothing behind.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSettingsStore, settingsStoreOptions, type SettingsBackendFactory } from '../../../src/main/settings/settings-store';
import { tempDir } from '../sync/helpers';

const FIXTURE = path.resolve('test/unit/settings/fixtures/settings-0.1.0.json');

describe('settings store', () => {
  it('starts from defaults and persists changes for the next start, in settings.json', () => {
    const dir = tempDir();
    const store = createSettingsStore(dir);
    expect(store.file).toBe(path.join(dir, 'settings.json'));
    expect(store.get()).toEqual({
      language: null,
      dateStyle: 'locale',
      syncIntervalHours: 6,
      profiles: [],
      activeProfileId: null,
      notifyNewMonth: false,
      window: null,
      lastFolder: null,
    });
    expect(existsSync(store.file)).toBe(false);
    store.update((s) => ({ ...s, language: 'fr', syncIntervalHours: 12 }));
    expect(createSettingsStore(dir).get()).toMatchObject({ language: 'fr', syncIntervalHours: 12 });
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('reads the settings file written by version 0.1.0 in place, every field kept', () => {
    const dir = tempDir();
    copyFileSync(FIXTURE, path.join(dir, 'settings.json'));
    const written = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    // What later versions added, at their defaults: no re-link question pending for a sign-in.
    written.profiles = written.profiles.map((profile: object) => ({ ...profile, awaitingLinkAnswer: false }));
    const store = createSettingsStore(dir);
    expect(store.get()).toEqual({ ...written, notifyNewMonth: false, window: null, lastFolder: null });
    // A save keeps them too, and the next start reads them back.
    store.update((s) => ({ ...s, notifyNewMonth: true }));
    expect(createSettingsStore(dir).get()).toEqual({ ...written, notifyNewMonth: true, window: null, lastFolder: null });
  });

  it('gives conf and electron-store the same options: settings.json in the data folder, validated on read', () => {
    const options = settingsStoreOptions('/data');
    expect(options).toMatchObject({ cwd: '/data', configName: 'settings', fileExtension: 'json', accessPropertiesByDotNotation: false });
    expect(() => options.deserialize!('{"syncIntervalHours": 0}')).toThrow();
    expect(options.deserialize!('{}')).toMatchObject({ syncIntervalHours: 6, dateStyle: 'locale' });
  });

  it('uses the backend it is given (electron-store in the desktop app)', () => {
    const dir = tempDir();
    const made: unknown[] = [];
    const fake: SettingsBackendFactory = (options) => {
      made.push(options);
      return { path: path.join(options.cwd, 'settings.json'), store: { language: 'fr' } };
    };
    const store = createSettingsStore(dir, { backend: fake });
    expect(store.get().language).toBe('fr');
    expect(made).toEqual([settingsStoreOptions(dir)].map((o) => ({ ...o, serialize: expect.any(Function), deserialize: expect.any(Function) })));
  });

  it('refuses an invalid change and keeps the file as it was', () => {
    const dir = tempDir();
    const store = createSettingsStore(dir);
    store.update((s) => ({ ...s, language: 'en-US' }));
    const before = readFileSync(store.file, 'utf8');
    expect(() => store.update((s) => ({ ...s, syncIntervalHours: 0 }))).toThrow();
    expect(readFileSync(store.file, 'utf8')).toBe(before);
    expect(store.get().syncIntervalHours).toBe(6);
  });

  it('sets an unreadable or invalid file aside, says so, and starts with defaults', () => {
    for (const content of ['{ not json', '{"syncIntervalHours": "often"}']) {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'settings.json'), content);
      const problems: string[] = [];
      const store = createSettingsStore(dir, { onProblem: (m) => problems.push(m) });
      expect(store.get().profiles).toEqual([]);
      expect(problems[0]).toMatch(/unreadable/);
      expect(existsSync(path.join(dir, 'settings.json'))).toBe(false);
      expect(readdirSync(dir).some((n) => n.startsWith('settings.json.unreadable-'))).toBe(true);
    }
  });

  const canMount = process.platform === 'linux' && process.getuid?.() === 0;
  it.skipIf(!canMount)('a save on a full disk fails, keeps the previous settings and leaves no file behind', () => {
    const mountPoint = tempDir('oai-full-disk-');
    mkdirSync(mountPoint, { recursive: true });
    const script = 'mount -t tmpfs -o size=64k tmpfs "$1" && exec "$2" --import tsx test/unit/settings/full-disk-child.ts "$1"';
    const run = spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', mountPoint, process.execPath], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout);
    expect(seen).toEqual({
      error: 'ENOSPC',
      files: ['filler', 'settings.json'],
      fileUnchanged: true,
      inMemory: { language: 'fr', profiles: 0 },
      reopened: 'fr',
    });
  });
});
