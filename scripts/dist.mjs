// `npm run dist [-- --x64 | --arm64]`: installers for this machine's platform
// with electron-builder (electron-builder.yml), for the given architecture
// (default: this machine's). The update address comes from OAI_UPDATE_URL at
// build time; without it the build has no update configuration and the app
// never looks for updates. Nothing is uploaded: the release workflow keeps
// the files as artifacts for a maintainer to publish.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { load } from 'js-yaml';

const ARCHES = ['x64', 'arm64'];

/** electron-builder's configuration for this build: the yml, without `publish` when no update address is set. */
export function distConfig(config, env) {
  const updateUrl = env.OAI_UPDATE_URL?.trim();
  return updateUrl ? config : { ...config, publish: null };
}

/** The architecture flags given (--x64 or --arm64, one at most); none means this machine's. */
export function archOptions(argv) {
  const unknown = argv.filter((arg) => !ARCHES.includes(arg.replace(/^--/, '')));
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(' ')} (expected --x64 or --arm64)`);
  const arches = argv.map((arg) => arg.replace(/^--/, ''));
  if (arches.length > 1) throw new Error('build one architecture per run, on a machine of that architecture (--x64 or --arm64)');
  return Object.fromEntries(arches.map((arch) => [arch, true]));
}

async function main() {
  const arch = archOptions(process.argv.slice(2));
  const config = distConfig(load(readFileSync('electron-builder.yml', 'utf8')), process.env);
  process.stdout.write(
    config.publish ? `updates: ${process.env.OAI_UPDATE_URL}\n` : 'updates: none (OAI_UPDATE_URL is not set: this build will not look for updates)\n',
  );
  const { default: builder } = await import('electron-builder');
  await builder.build({ config, publish: 'never', ...arch });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    process.stderr.write(`dist: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
