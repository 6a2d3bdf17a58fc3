// The built main process starts its worker threads from bundled files beside
// the module that starts them: workerScript() falls back to the TypeScript
// source (through tsx) when none is there, which works in development and
// fails in the packaged app. npm test builds out/ before this runs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the built main process', () => {
  it('finds every worker it starts as a bundled file beside the calling module', () => {
    expect(existsSync('out/main/index.js'), 'out/main is missing: npm test builds it first (or run npx electron-vite build)').toBe(true);
    const starts = filesUnder('out/main')
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/workerScript\(import\.meta\.url, ["']([\w.-]+)["']\)/g)].map((m) => ({ file, worker: m[1]! })));
    expect(new Set(starts.map((s) => s.worker)).size).toBeGreaterThanOrEqual(4);
    const missing = starts.filter(({ file, worker }) => !existsSync(path.join(path.dirname(file), `${worker}.js`)));
    expect(missing.map(({ file, worker }) => `${file} starts ${worker}, not beside it`)).toEqual([]);
  });
});
