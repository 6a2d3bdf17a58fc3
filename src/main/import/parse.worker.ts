// Thread of startReadingThread: reads the files it is sent, one at a time,
// posting each one's conferences in batches, then its outcome (problems,
// size, hash) without them.
import { parentPort } from 'node:worker_threads';
import { parseImportFile } from './parse-file';
import type { ParseThreadMessage, ReadRequest } from './parse-thread';

const port = parentPort!;
const post = (message: ParseThreadMessage) => port.postMessage(message);

// Requests come one at a time (the import waits for each file's outcome).
port.on('message', (request: ReadRequest) => {
  parseImportFile(request.file, {
    ...request.options,
    onRows: (rows) => post({ type: 'rows', rows }),
    onConferences: (batch) => post({ type: 'conferences', batch }),
  }).then(
    (parsed) => post({ type: 'done', parsed: { ...parsed, conferences: [] } }),
    (error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
