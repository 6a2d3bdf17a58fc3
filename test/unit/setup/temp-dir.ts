// Vitest run on its own (npx vitest): its tests' caches, backups and exports
// go to a temp folder of this run, removed at its end, as npm test does for
// all its steps (scripts/own-temp-dir.mjs). Test forks inherit the variable.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): (() => void) | undefined {
  // npm test gave the whole run one already.
  if (process.env.OAI_TEST_TMP) return undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oai-vitest-'));
  Object.assign(process.env, { TMPDIR: dir, TMP: dir, TEMP: dir });
  return () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
