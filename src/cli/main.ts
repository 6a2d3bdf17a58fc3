// Headless CLI over the same engine as the app, for scripted or scheduled
// archiving: `npm run cli -- <command>`. Exit 0 on success, 1 when a sync
// failed (periods that worked are still saved), 2 on usage errors.
import { runCli } from './commands';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdin: process.stdin,
});
process.exitCode = code;
