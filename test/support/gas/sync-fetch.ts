import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** A request as it crosses to the worker: structured-clone-safe. */
export interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  followRedirects: boolean;
}

export type WireResponse =
  | { status: number; headers: [string, string][]; body: Uint8Array }
  | { error: string; code: string | null };

/**
 * The worker: it runs Node's fetch for every request of a batch, posts the answers, then wakes the
 * blocked caller through the shared flag. Plain JavaScript evaluated in the worker, so it needs no loader
 * and works the same under vitest, tsx and a node:vm bundle test.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const flag = new Int32Array(workerData.flag);
const port = workerData.port;
function cause(error) {
  let current = error;
  while (current && current.cause) current = current.cause;
  return current || error;
}
async function run(request) {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body === null ? undefined : request.body,
      redirect: request.followRedirects ? 'follow' : 'manual',
    });
    const body = new Uint8Array(await response.arrayBuffer());
    const headers = [];
    response.headers.forEach((value, name) => headers.push([name, value]));
    return { status: response.status, headers, body };
  } catch (error) {
    const root = cause(error);
    return { error: String((root && root.message) || error), code: (root && root.code) || null };
  }
}
port.on('message', async ({ seq, requests }) => {
  const responses = await Promise.all(requests.map(run));
  port.postMessage({ seq, responses });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

/**
 * Makes async fetch synchronous for the calling thread, the way UrlFetchApp is: post the batch, then
 * Atomics.wait until the worker flags the answer, then take it with receiveMessageOnPort.
 *
 * The server must not run in the calling thread: while that thread waits in Atomics.wait its event loop
 * is stopped, so a server in it could never answer. Start servers in another worker or process.
 */
export class SyncFetcher {
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private seq = 0;

  constructor(private readonly timeoutMs = 60_000) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { flag: this.flag.buffer, port: channel.port2 }, transferList: [channel.port2] });
    this.worker.unref();
    this.port.unref();
  }

  fetchAll(requests: readonly WireRequest[]): WireResponse[] {
    this.seq += 1;
    const seq = this.seq;
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ seq, requests });
    const deadline = Date.now() + this.timeoutMs;
    // A reply to an earlier, timed-out call may still arrive first: skip it and keep waiting for ours.
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`Timeout: ${requests[0]?.url ?? ''}`);
      Atomics.wait(this.flag, 0, 0, remaining);
      Atomics.store(this.flag, 0, 0);
      for (let reply = receiveMessageOnPort(this.port); reply; reply = receiveMessageOnPort(this.port)) {
        const message = reply.message as { seq: number; responses: WireResponse[] };
        if (message.seq === seq) return message.responses;
      }
    }
  }

  close(): Promise<number> {
    this.port.close();
    return this.worker.terminate();
  }
}
