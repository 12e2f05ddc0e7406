// The worker thread of an import: prepares the batches it is sent (see preparer.ts).
import { parentPort } from 'node:worker_threads';
import { prepareSource } from './prepare.js';
import type { PrepareRequest, PrepareResponse } from './preparer.js';

const port = parentPort;
if (!port) throw new Error('prepare-worker runs only as a worker thread');
port.on('message', (m: PrepareRequest) => {
  port.postMessage({ id: m.id, results: m.sources.map(prepareSource) } satisfies PrepareResponse);
});
