// `npm run start:browser`: serve the built renderer with the real services on
// 127.0.0.1. The first line of stdout is the URL (scripts and tests read it);
// everything else goes to stderr.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { logUncaughtErrors } from '../main/log';
import { startHarnessApp } from './harness-app';

const USAGE =
  'usage: start:browser [--port N] [--data DIR] [--downloads DIR] [--imports DIR] [--renderer DIR] [--locale LOCALE]\n' +
  '                     [--demo-now YYYY-MM-DD] [--demo-rooms N] [--demo-per-room N] [--no-printer]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        data: { type: 'string' },
        downloads: { type: 'string' },
        imports: { type: 'string' },
        renderer: { type: 'string', default: path.resolve('out/renderer') },
        locale: { type: 'string', default: Intl.DateTimeFormat().resolvedOptions().locale },
        'demo-now': { type: 'string' },
        'demo-rooms': { type: 'string' },
        'demo-per-room': { type: 'string' },
        'no-printer': { type: 'boolean', default: false },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got "${values.port}"`);
    const dataDir = path.resolve(values.data ?? path.join(os.homedir(), '.oai-desktop', 'harness'));
    const downloadsDir = path.resolve(values.downloads ?? path.join(dataDir, 'downloads'));
    // Restore… opens the most recently modified *.sqlite file of this folder.
    const importsDir = path.resolve(values.imports ?? path.join(dataDir, 'imports'));
    const demoNow = values['demo-now'];
    if (demoNow !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(demoNow)) fail(`--demo-now must be YYYY-MM-DD, got "${demoNow}"`);
    const demo = {
      now: demoNow,
      rooms: positiveInteger(values['demo-rooms'], '--demo-rooms'),
      perRoom: positiveInteger(values['demo-per-room'], '--demo-per-room'),
    };
    return {
      port,
      dataDir,
      downloadsDir,
      importsDir,
      rendererDir: path.resolve(values.renderer),
      locale: values.locale,
      demo,
      noPrinter: values['no-printer'],
    };
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) fail(`${name} must be a whole number above 0, got "${value}"`);
  return number;
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * Echoes log lines to the terminal while it is there. Once stderr is closed (a
 * closed terminal, a test runner gone), echoing stops: the log file keeps
 * every line. Without this, each failed write was an uncaught EPIPE, logged
 * and echoed again, forever.
 */
function terminalEcho(): (line: string) => void {
  let open = true;
  process.stderr.on('error', () => (open = false));
  process.stdout.on('error', () => {});
  return (line) => {
    if (open) process.stderr.write(line + '\n');
  };
}

/** How long a stop may take to close the app before the process exits anyway. */
const STOP_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const options = parseOptions();
  const echoLog = terminalEcho();
  const app = await startHarnessApp(
    {
      dataDir: options.dataDir,
      version: packageVersion(),
      locale: options.locale,
      demo: options.demo,
      echoLog,
    },
    {
      rendererDir: options.rendererDir,
      downloadsDir: options.downloadsDir,
      importsDir: options.importsDir,
      port: options.port,
      noPrinter: options.noPrinter,
    },
  );
  logUncaughtErrors(process, app.services.log);
  process.stdout.write(`${app.url}\n`);
  echoLog(`OAI Desktop browser harness: open ${app.url} (data in ${options.dataDir}, downloads in ${options.downloadsDir}). Ctrl+C stops it.`);
  const stop = () => {
    setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
