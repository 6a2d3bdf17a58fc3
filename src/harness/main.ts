// `npm run start:browser`: serve the built renderer with the real services on
// 127.0.0.1. The first line of stdout is the URL (scripts and tests read it);
// everything else goes to stderr.
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAppServices } from '../main/app/app-services';
import { startHarness } from './server';

const USAGE =
  'usage: start:browser [--port N] [--data DIR] [--downloads DIR] [--renderer DIR] [--locale LOCALE]';

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
        renderer: { type: 'string', default: path.resolve('out/renderer') },
        locale: { type: 'string', default: Intl.DateTimeFormat().resolvedOptions().locale },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got "${values.port}"`);
    const dataDir = path.resolve(values.data ?? path.join(os.homedir(), '.oai-desktop', 'harness'));
    const downloadsDir = path.resolve(values.downloads ?? path.join(dataDir, 'downloads'));
    return { port, dataDir, downloadsDir, rendererDir: path.resolve(values.renderer), locale: values.locale };
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  mkdirSync(options.downloadsDir, { recursive: true });
  const services = await createAppServices({
    dataDir: options.dataDir,
    shell: 'browser-harness',
    version: process.env.npm_package_version ?? '0.0.0',
    locale: options.locale,
    echoLog: (line) => process.stderr.write(line + '\n'),
  });
  const harness = await startHarness({ rendererDir: options.rendererDir, services, port: options.port });
  process.stdout.write(`${harness.url}\n`);
  process.stderr.write(`OAI Desktop browser harness: open ${harness.url} (data in ${options.dataDir}, downloads in ${options.downloadsDir}). Ctrl+C stops it.\n`);
  const stop = () => {
    void harness
      .close()
      .then(() => services.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
