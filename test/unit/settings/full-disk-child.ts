// Run by settings-store.test.ts inside `unshare -m` with a small tmpfs at
// argv[2]: saves once, fills the disk, tries to save again, and prints what
// it saw as JSON on stdout.
import { openSync, readdirSync, readFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { createSettingsStore } from '../../../src/main/settings/settings-store';

const dir = process.argv[2]!;
const store = createSettingsStore(dir);
store.update((s) => ({ ...s, language: 'fr', syncIntervalHours: 12 }));
const before = readFileSync(store.file, 'utf8');

// Fill what is left of the disk.
const filler = openSync(path.join(dir, 'filler'), 'w');
const chunk = Buffer.alloc(4096, 1);
try {
  for (;;) writeSync(filler, chunk);
} catch {
  // ENOSPC: the disk is full.
}
closeSync(filler);

const big = Array.from({ length: 200 }, (_, i) => ({
  id: `p${i}`,
  serverUrl: 'https://oai.example.com',
  username: `user${i}@example.com`,
  accountNumber: '602127',
  roomNumber: null,
  isDemo: false,
  rememberPassword: false,
  awaitingLinkAnswer: false,
}));
let error: string | null = null;
try {
  store.update((s) => ({ ...s, language: 'en-US', profiles: big }));
} catch (caught) {
  error = (caught as NodeJS.ErrnoException).code ?? String(caught);
}
process.stdout.write(
  JSON.stringify({
    error,
    files: readdirSync(dir).sort(),
    fileUnchanged: readFileSync(store.file, 'utf8') === before,
    inMemory: { language: store.get().language, profiles: store.get().profiles.length },
    reopened: createSettingsStore(dir).get().language,
  }),
);
