// `npm test`: typecheck, lint, build, unit tests, end-to-end tests — in that
// order, stopping at the first failure. On Linux the tests need a Secret
// Service (the OS keychain): when none is running, this script re-runs itself
// inside a private D-Bus session with an unlocked gnome-keyring, so a
// developer's own keyring is never touched. On macOS and Windows the tests use
// the real keychain under their own service name and clean up after
// themselves.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bin = (name) => path.resolve('node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(title, command, args) {
  process.stdout.write(`\n=== ${title} ===\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stdout.write(`\n${title} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status ?? 1);
  }
}

function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function reRunInsideKeyringSession() {
  for (const command of ['dbus-run-session', 'gnome-keyring-daemon']) {
    if (!have(command)) {
      process.stderr.write(
        `npm test needs ${command} on Linux for the keychain tests: apt-get install dbus gnome-keyring\n`,
      );
      process.exit(2);
    }
  }
  const keyringHome = mkdtempSync(path.join(os.tmpdir(), 'oai-test-keyring-'));
  const script =
    'echo -n test-keyring | HOME="$OAI_KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null' +
    ' && exec "$OAI_NODE" scripts/test.mjs';
  const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', script], {
    stdio: 'inherit',
    env: { ...process.env, OAI_KEYRING_HOME: keyringHome, OAI_NODE: process.execPath, OAI_TEST_KEYRING: 'session' },
  });
  process.exit(result.status ?? 1);
}

if (process.platform === 'linux' && !process.env.OAI_TEST_KEYRING) reRunInsideKeyringSession();

run('Typecheck', bin('tsc'), ['-p', 'tsconfig.node.json']);
run('Typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json']);
run('Typecheck (end-to-end tests)', bin('tsc'), ['-p', 'tsconfig.e2e.json']);
run('Lint', bin('eslint'), ['--max-warnings', '0', '.']);
run('Build', bin('electron-vite'), ['build', '--logLevel', 'warn']);
run('Unit and integration tests (Vitest)', bin('vitest'), ['run']);
run('End-to-end tests (Playwright)', bin('playwright'), ['test']);
process.stdout.write('\nAll checks passed.\n');
