// Where a worker thread's script is: built beside the bundle that starts it
// (out/main/<name>.js in the app, out/bench/ in the bench), or the TypeScript
// source run through tsx (development, tests, the CLI).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `moduleUrl` is the caller's import.meta.url; `name` the worker's file name without extension, beside the caller. */
export function workerScript(moduleUrl: string, name: string): { file: string; execArgv: string[] } {
  const bundled = fileURLToPath(new URL(`./${name}.js`, moduleUrl));
  if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  return { file: fileURLToPath(new URL(`./${name}.ts`, moduleUrl)), execArgv: ['--import', 'tsx'] };
}
