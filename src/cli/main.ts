// Headless CLI over the same engine as the app, for scripted or scheduled
// archiving: `npm run cli -- <command>`. Exit 0 on success, 1 when a sync
// failed (periods that worked are still saved), 2 on usage errors.
import { runCli } from './commands';

/** A reader that went away (`… | head`) ends the command quietly, as Unix tools do; other stream errors still throw. */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}
endQuietlyOnClosedPipe(process.stdout);
endQuietlyOnClosedPipe(process.stderr);

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdin: process.stdin,
});
process.exitCode = code;
