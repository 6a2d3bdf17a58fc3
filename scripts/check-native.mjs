// `npm run check-native -- --platform win32 --arch arm64`: fails unless this
// machine can build the installer for that platform and architecture. npm
// installs only the build machine's @napi-rs/keyring binary package, and
// electron-builder does not rebuild native modules (npmRebuild: false), so an
// installer built elsewhere would ship a main process that cannot load. The
// release workflow runs this before `npm run dist` on each native runner.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

/** @napi-rs/keyring's binary package for each target npm can install it on. */
export const KEYRING_PACKAGES = {
  'win32-x64': '@napi-rs/keyring-win32-x64-msvc',
  'win32-arm64': '@napi-rs/keyring-win32-arm64-msvc',
  'darwin-x64': '@napi-rs/keyring-darwin-x64',
  'darwin-arm64': '@napi-rs/keyring-darwin-arm64',
  'linux-x64': '@napi-rs/keyring-linux-x64-gnu',
  'linux-arm64': '@napi-rs/keyring-linux-arm64-gnu',
};

/** The native binaries an installer for `target` needs, as paths under node_modules. */
export function nativeBinaries(target) {
  const keyring = KEYRING_PACKAGES[target];
  if (!keyring) return null;
  return {
    keyring: path.join(keyring, `keyring.${keyring.slice('@napi-rs/keyring-'.length)}.node`),
    sqlite: path.join('better-sqlite3', 'prebuilds', `${target}.node`),
  };
}

/**
 * What stops this machine from building the installer for `target`
 * ("<platform>-<arch>"): an empty list when nothing does. The binaries are
 * also loaded, which proves they are whole and for this machine.
 */
export function nativeProblems({ target, host, modulesDir, load = true }) {
  const binaries = nativeBinaries(target);
  if (!binaries) return [`${target} is not a platform the app is built for (${Object.keys(KEYRING_PACKAGES).join(', ')})`];
  const problems = [];
  if (target !== host) {
    problems.push(`this machine is ${host}, not ${target}: build each installer on a machine of its own platform and architecture`);
  }
  for (const [name, relative] of Object.entries(binaries)) {
    const file = path.join(modulesDir, relative);
    if (!existsSync(file)) {
      problems.push(`${relative.split(path.sep).join('/')} is missing: run npm ci on a ${target} machine (npm installs only that machine's native packages)`);
    } else if (load && target === host) {
      try {
        createRequire(import.meta.url)(file);
      } catch (error) {
        problems.push(`${name} binary ${file} does not load: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return problems;
}

function main() {
  const { values } = parseArgs({
    options: {
      platform: { type: 'string', default: process.platform },
      arch: { type: 'string', default: process.arch },
      modules: { type: 'string', default: 'node_modules' },
    },
  });
  const target = `${values.platform}-${values.arch}`;
  const problems = nativeProblems({ target, host: `${process.platform}-${process.arch}`, modulesDir: path.resolve(values.modules) });
  if (problems.length === 0) {
    process.stdout.write(`native packages for ${target}: present and loadable\n`);
    return;
  }
  process.stderr.write(`cannot build the ${target} installer here:\n${problems.map((p) => `  - ${p}\n`).join('')}`);
  process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
