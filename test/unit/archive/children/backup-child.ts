// Takes one automatic backup of the cache given on the command line (the
// kill -9 test kills this process midway).
import { takeBackup } from '../../../../src/main/cache/archive';

const backup = await takeBackup(process.argv[2]!);
process.stdout.write(`${JSON.stringify({ file: backup.file })}\n`);
