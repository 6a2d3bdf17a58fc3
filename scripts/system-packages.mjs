// The system packages the tests need (Chromium, D-Bus, gnome-keyring,
// poppler…), from the one list in .ci/apt-packages.txt that .ci/run reads too.
// On Debian or Ubuntu as root, npm test installs the missing ones itself;
// elsewhere it prints the one command to run and stops.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const APT_PACKAGES_FILE = '.ci/apt-packages.txt';

/** The package names of the list: one a line, # comments and blank lines left out. */
export function aptPackages(text = readFileSync(APT_PACKAGES_FILE, 'utf8')) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** True for Debian, Ubuntu and their derivatives, from /etc/os-release. */
export function isDebianLike(osRelease) {
  return /^(ID|ID_LIKE)="?[^"\n]*\b(debian|ubuntu)\b/m.test(osRelease);
}

/**
 * What to do about the system packages: nothing, install them (the commands
 * to run), or tell the user the one command to run.
 */
export function systemPackagesPlan({ platform, debianLike, root, missing, chromiumMissing = false }) {
  if (platform === 'darwin' || platform === 'win32') {
    return chromiumMissing ? { kind: 'tell', command: 'npx playwright install chromium' } : { kind: 'ok' };
  }
  if (missing.length === 0) return { kind: 'ok' };
  const install = ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing];
  if (debianLike && root) return { kind: 'install', commands: [['apt-get', 'update', '-qq'], install] };
  if (debianLike) return { kind: 'tell', command: `sudo ${install.join(' ')}` };
  return { kind: 'tell', command: `install with your package manager (Debian names): ${missing.join(' ')}` };
}

/** Without dpkg (another Linux), a package counts as there when its command is. */
const COMMANDS = { chromium: 'chromium', dbus: 'dbus-run-session', 'gnome-keyring': 'gnome-keyring-daemon', 'poppler-utils': 'pdftotext', openssl: 'openssl' };

const hasCommand = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

function defaultProbe() {
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const debianLike = isDebianLike(osRelease);
  const installed = debianLike
    ? (name) => spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status === 0
    : (name) => !(name in COMMANDS) || hasCommand(COMMANDS[name]) || (name === 'chromium' && Boolean(process.env.CHROMIUM_PATH));
  return { debianLike, installed, root: process.getuid?.() === 0 };
}

async function playwrightChromiumMissing() {
  if (process.env.CHROMIUM_PATH) return false;
  const { chromium } = await import('@playwright/test');
  return !existsSync(chromium.executablePath());
}

/**
 * Installs or asks for what is missing. Returns null when the tests can run,
 * else the message to print before stopping.
 */
export async function ensureSystemPackages({ platform = process.platform, probe = defaultProbe, run = spawnSync, log = (line) => process.stdout.write(line) } = {}) {
  const { debianLike, installed, root } = platform === 'linux' ? probe() : { debianLike: false, installed: () => true, root: false };
  const missing = platform === 'linux' ? aptPackages().filter((name) => !installed(name)) : [];
  const chromiumMissing = platform === 'linux' ? false : await playwrightChromiumMissing();
  const plan = systemPackagesPlan({ platform, debianLike, root, missing, chromiumMissing });
  if (plan.kind === 'ok') return null;
  if (plan.kind === 'tell') return `npm test needs system packages that are missing here. Run:\n  ${plan.command}\nthen npm test again.\n`;
  log(`Installing the system packages the tests need: ${missing.join(' ')}\n`);
  for (const [command, ...args] of plan.commands) {
    const result = run(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) return `\`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).\n`;
  }
  return null;
}
