// The Electronegativity step of npm test (scripts/security-scan.mjs) fails on
// a HIGH or MEDIUM finding and passes an app without one.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../sync/helpers';

const SAFE_HTML = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'" /></head><body></body></html>`;

function app(mainJs: string): string {
  const dir = tempDir('oai-scan-');
  writeFileSync(path.join(dir, 'index.html'), SAFE_HTML);
  writeFileSync(path.join(dir, 'main.js'), mainJs);
  return dir;
}

const scan = (dir: string) => spawnSync(process.execPath, ['scripts/security-scan.mjs', dir], { encoding: 'utf8' });

describe('security scan', () => {
  it('fails on an app that turns Node integration on and context isolation off', () => {
    const run = scan(
      app(`const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });`),
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^(HIGH|MEDIUM)\s+[A-Z_]+\s+main\.js:/m);
    expect(run.stderr).toMatch(/HIGH or MEDIUM finding/);
  }, 60_000);

  it('passes an app without such findings', () => {
    const run = scan(
      app(`const { app, session } = require('electron');
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));`),
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/no HIGH or MEDIUM finding/);
  }, 60_000);
});
