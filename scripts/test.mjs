// `npm test`: typecheck, lint, build, security scan, unit tests, end-to-end
// tests — in that order, stopping at the first failure. First the system
// packages the tests need: on Debian or Ubuntu as root the missing ones are
// installed (the list is .ci/apt-packages.txt, shared with .ci/run);
// elsewhere the one command to run is printed. On Linux the tests need a
// Secret Service (the OS keychain): when none is running, this script re-runs
// itself inside a private D-Bus session with an unlocked gnome-keyring, so a
// developer's own keyring is never touched. On macOS and Windows the tests
// use the real keychain under their own service name and clean up after
// themselves. Everything the tests write to the temp folder (caches, backups,
// browser profiles) goes to one folder of this run, removed at its end:
// thousands of test caches otherwise fill the disk, run after run.
import { spawnSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInOwnTempDir, withTempDir } from './own-temp-dir.mjs';
import { ensureSystemPackages } from './system-packages.mjs';

const bin = (name) => path.resolve('node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(title, command, args) {
  process.stdout.write(`\n=== ${title} ===\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    // A full disk fails tests anywhere, each in its own way: say how much was left.
    const { bavail, bsize } = statfsSync(os.tmpdir());
    const free = ((bavail * bsize) / 2 ** 30).toFixed(1);
    process.stdout.write(`\n${title} failed (exit ${result.status ?? result.signal}); ${free} GB left on the temp folder's disk.\n`);
    process.exit(result.status ?? 1);
  }
}

/** Runs this script again in a temp folder of its own (on Linux inside a private keyring session), then removes the folder. */
function reRunInOwnTempDir() {
  const linux = process.platform === 'linux';
  const keyringSession =
    'mkdir -p "$OAI_KEYRING_HOME" && echo -n test-keyring | HOME="$OAI_KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null' +
    ' && exec "$OAI_NODE" scripts/test.mjs';
  const status = runInOwnTempDir(
    'oai-test-run-',
    linux ? 'dbus-run-session' : process.execPath,
    linux ? ['--', 'sh', '-c', keyringSession] : ['scripts/test.mjs'],
    (dir) => ({ ...withTempDir(process.env, dir), OAI_TEST_TMP: dir, OAI_KEYRING_HOME: path.join(dir, 'keyring'), OAI_NODE: process.execPath }),
  );
  process.exit(status);
}

if (!process.env.OAI_TEST_TMP) {
  const problem = await ensureSystemPackages();
  if (problem) {
    process.stderr.write(problem);
    process.exit(2);
  }
  reRunInOwnTempDir();
}

run('Typecheck', bin('tsc'), ['-p', 'tsconfig.node.json']);
run('Typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json']);
run('Typecheck (end-to-end tests)', bin('tsc'), ['-p', 'tsconfig.e2e.json']);
run('Lint', bin('eslint'), ['--max-warnings', '0', '.']);
run('Build', bin('electron-vite'), ['build', '--logLevel', 'warn']);
run('Security scan of the built app (Electronegativity)', process.execPath, ['scripts/security-scan.mjs', 'out']);
run('Unit and integration tests (Vitest)', bin('vitest'), ['run']);
run('End-to-end tests (Playwright)', bin('playwright'), ['test']);
process.stdout.write('\nAll checks passed.\n');
