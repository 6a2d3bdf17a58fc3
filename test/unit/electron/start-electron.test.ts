import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start without an Electron binary', () => {
  it('says so in one line, points to start:browser, and exits 1', () => {
    const fakeElectron = mkdtempSync(path.join(os.tmpdir(), 'oai-no-electron-'));
    // An install step that fails the way a blocked download does.
    writeFileSync(path.join(fakeElectron, 'install.js'), "console.error('TypeError: fetch failed'); process.exit(1);\n");
    const run = spawnSync(process.execPath, ['scripts/start-electron.mjs'], {
      env: { ...process.env, OAI_ELECTRON_DIR: fakeElectron },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Electron binary');
    expect(lines[0]).toContain('npm run start:browser');
    expect(run.stdout).toBe('');
  });
});
