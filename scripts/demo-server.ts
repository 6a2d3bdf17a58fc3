// Runs the embedded demo OAI provider on its own:
//   npx tsx scripts/demo-server.ts [--port N] [--now YYYY-MM-DD] [--rooms N] [--per-room N] [--page-cache-mb N] [--time-zone ZONE] [--latency-ms N] [--compress]
// The first line of stdout is the base URL (and nothing else), then the demo
// credentials. Runs until SIGINT/SIGTERM. Bad arguments exit with code 2.
import { startDemoProvider, type DemoProviderOptions } from '../src/main/demo/index';
import { parseDay } from '../src/main/demo/calendar';
import { MAX_ROOMS } from '../src/main/demo/rooms';
import { MAX_PER_ROOM } from '../src/main/demo/dataset';

class UsageError extends Error {}

const USAGE = 'usage: demo-server [--port N] [--now YYYY-MM-DD] [--rooms N] [--per-room N] [--page-cache-mb N] [--time-zone ZONE] [--latency-ms N] [--compress]';

function parseArguments(args: readonly string[]): DemoProviderOptions {
  const options: DemoProviderOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [name, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inlineValue ?? args[++i];
      if (next === undefined || next === '') throw new UsageError(`option ${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--port':
        options.port = integerOption(name, value(), 0, 65535);
        break;
      case '--now': {
        const now = value();
        if (!parseDay(now)) throw new UsageError(`option --now must be a date YYYY-MM-DD, got '${now}'`);
        options.now = now;
        break;
      }
      case '--rooms':
        options.rooms = integerOption(name, value(), 3, MAX_ROOMS);
        break;
      case '--per-room':
        options.perRoom = integerOption(name, value(), 0, MAX_PER_ROOM);
        break;
      case '--page-cache-mb':
        options.pageCacheMb = integerOption(name, value(), 0, 65536);
        break;
      case '--latency-ms':
        options.latencyMs = integerOption(name, value(), 0, 60_000);
        break;
      case '--compress':
        options.compress = true;
        break;
      case '--time-zone':
        // Served as is, known or not: clients must cope with a zone they do not know.
        options.timeZone = value();
        break;
      default:
        throw new UsageError(`unknown option '${arg}' (${USAGE})`);
    }
  }
  return options;
}

function integerOption(name: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) throw new UsageError(`option ${name} must be an integer from ${min} to ${max}, got '${text}'`);
  return value;
}

async function main(): Promise<void> {
  let options: DemoProviderOptions;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`demo-server: ${error.message}\n`);
    process.exit(2);
  }
  const provider = await startDemoProvider(options);
  const { username, password, accountNumber, sampleRoomNumber } = provider.credentials;
  process.stdout.write(
    `${provider.url}\n` +
      `username: ${username}\n` +
      `password: ${password}\n` +
      `account number: ${accountNumber}\n` +
      `sample room number: ${sampleRoomNumber}\n`,
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    provider.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`demo-server: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
