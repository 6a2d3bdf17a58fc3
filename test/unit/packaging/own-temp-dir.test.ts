// npm test runs everything in a temp folder of its own and removes it at the
// end, whatever the outcome: what the tests leave behind does not pile up.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import vitestTempDir from '../setup/temp-dir';
// @ts-expect-error -- a plain .mjs script without types
import { runInOwnTempDir } from '../../../scripts/own-temp-dir.mjs';

const run = runInOwnTempDir as (prefix: string, command: string, args: string[]) => number;

/** A child that leaves a file and a folder in its temp folder, records where, and exits with `code`. */
function leaveFilesAndExit(record: string, code: number): string[] {
  const script = `
    const fs = require('node:fs'), os = require('node:os'), path = require('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'left-behind-'));
    fs.writeFileSync(path.join(dir, 'cache.sqlite'), 'x'.repeat(4096));
    fs.writeFileSync(${JSON.stringify(record)}, os.tmpdir());
    process.exit(${code});`;
  return ['-e', script];
}

describe('a run in its own temp folder', () => {
  for (const code of [0, 3]) {
    it(`gives the child a new temp folder inside ours and removes it after an exit ${code}, passing the status on`, () => {
      const outside = mkdtempSync(path.join(os.tmpdir(), 'oai-own-temp-'));
      const record = path.join(outside, 'where.txt');
      expect(run('oai-test-run-', process.execPath, leaveFilesAndExit(record, code))).toBe(code);
      const childTemp = readFileSync(record, 'utf8');
      expect(path.dirname(childTemp)).toBe(os.tmpdir());
      expect(path.basename(childTemp)).toMatch(/^oai-test-run-/);
      expect(existsSync(childTemp)).toBe(false);
      rmSync(outside, { recursive: true, force: true });
    });
  }
});

describe('vitest run on its own', () => {
  it('its global setup gives the run a temp folder inside ours and removes it at the end', () => {
    const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP, OAI_TEST_TMP: process.env.OAI_TEST_TMP };
    const outside = os.tmpdir();
    delete process.env.OAI_TEST_TMP;
    try {
      const teardown = vitestTempDir();
      const dir = os.tmpdir();
      expect(path.dirname(dir)).toBe(outside);
      expect(path.basename(dir)).toMatch(/^oai-vitest-/);
      mkdtempSync(path.join(dir, 'left-behind-'));
      teardown!();
      expect(existsSync(dir)).toBe(false);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
