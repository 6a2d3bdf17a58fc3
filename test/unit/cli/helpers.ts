import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { runCli, type CliIo } from '../../../src/cli/commands';
import type { CredentialStore } from '../../../src/main/credentials/keychain';
import { tempDir } from '../sync/helpers';

/** Runs the CLI in-process with its own HOME and the tests' keychain; returns its exit code and output. */
export function inProcessCli(keychain: CredentialStore) {
  return async (args: string[], env: NodeJS.ProcessEnv = {}, stdin = '') => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: { HOME: tempDir(), XDG_CONFIG_HOME: tempDir(), ...env },
      stdin: Readable.from([stdin]),
      keychain,
    };
    const code = await runCli(args, io);
    return { code, stdout, stderr };
  };
}

/** Runs `node <args>` (the CLI through tsx) to its end, with its output. */
export function runProcess(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
