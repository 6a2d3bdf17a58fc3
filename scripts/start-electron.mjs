// `npm start`: build, then run the desktop app. Electron downloads its binary
// on first use; where that cannot happen (offline, a closed network) say so in
// one line and point at the browser harness instead of dumping a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// OAI_ELECTRON_DIR lets a test point at another electron package folder.
const electronDir = path.resolve(process.env.OAI_ELECTRON_DIR ?? 'node_modules/electron');

function installedBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function ensureBinary() {
  const present = installedBinary();
  if (present) return present;
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 15 * 60 * 1000,
  });
  const binary = installedBinary();
  if (binary) return binary;
  const reason = (install.stderr?.toString() ?? '').match(/(RequestError|HTTPError|Error): [^\n]+/)?.[0] ?? 'download failed';
  process.stderr.write(
    `OAI Desktop: the Electron binary is not installed and could not be downloaded here (${reason.slice(0, 160)}); run \`npm run start:browser\` to use the app in your browser instead.\n`,
  );
  process.exit(1);
}

const binary = ensureBinary();
const build = spawnSync(process.execPath, [path.resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const app = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
app.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
