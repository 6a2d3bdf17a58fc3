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
