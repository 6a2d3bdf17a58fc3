// One temp folder for a whole run of child processes (tests, browsers), removed
// at its end: test caches, backups and browser profiles otherwise pile up in
// the system's temp folder, run after run, until the disk is full.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The environment of a process whose temp folder is `dir`: Node's os.tmpdir() and Chromium read these. */
export function withTempDir(env, dir) {
  return { ...env, TMPDIR: dir, TMP: dir, TEMP: dir };
}

/**
 * Runs `command` synchronously, its output on this terminal, with a new temp
 * folder of its own (`env(dir)` gives the rest of its environment); removes the
 * folder afterwards, whatever the outcome. Returns the exit status.
 */
export function runInOwnTempDir(prefix, command, args, env = (dir) => withTempDir(process.env, dir)) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  // Ctrl-C reaches the child too; this process waits for it, then cleans up.
  const ignore = () => {};
  process.on('SIGINT', ignore);
  try {
    const result = spawnSync(command, args, { stdio: 'inherit', env: env(dir) });
    return result.status ?? 1;
  } finally {
    process.off('SIGINT', ignore);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}
