import { Worker } from 'node:worker_threads';

export interface ServerThread {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts a node:http server in a worker thread, for tests of code that calls the synchronous fake
 * UrlFetchApp: the test's own thread blocks in Atomics.wait during a fetch, so a server there could
 * never answer. `handlerSource` is the JavaScript of a `(request, response) => {}` function; it runs in
 * the worker, where `require` is available.
 */
export async function startServerThread(handlerSource: string): Promise<ServerThread> {
  const source = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
const handler = (${handlerSource});
const server = http.createServer((request, response) => {
  Promise.resolve(handler(request, response)).catch((error) => { response.statusCode = 500; response.end(String(error)); });
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', (message) => { if (message === 'close') server.close(() => parentPort.postMessage('closed')); });
`;
  const worker = new Worker(source, { eval: true });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: unknown) => resolve(Number(message)));
    worker.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.postMessage('close');
      });
      await worker.terminate();
    },
  };
}
