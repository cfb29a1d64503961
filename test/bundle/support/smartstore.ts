import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { CreatedProduct, PlacedOrder, PlaceOrderInput } from '../../../server/channels/smartstore/sandbox';
import { REPO_ROOT } from '../../server/support/child';
import { atFileEnd } from '../../support/cleanup';

export interface SandboxProcess {
  url: string;
  clientId: string;
  clientSecret: string;
  createProduct(name: string, options: { name: string; stock: number; sellerManagerCode?: string }[]): Promise<CreatedProduct>;
  placeOrder(input: PlaceOrderInput): Promise<PlacedOrder>;
  /** The sandbox's own record of a product order (its status, its dispatch). */
  productOrder(productOrderId: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** The SmartStore sandbox of server/channels/smartstore, in a child process with one account. */
export async function startSandboxProcess(): Promise<SandboxProcess> {
  const child: ChildProcess = fork(join(REPO_ROOT, 'test/bundle/support/smartstore-child.ts'), [], { cwd: REPO_ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout?.resume();
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  const ready = new Promise<{ url: string; clientId: string; clientSecret: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code}): ${stderr}`)));
    child.on('message', (raw) => {
      const message = raw as { ready?: boolean; id?: number; value?: unknown; error?: string; url?: string; clientId?: string; clientSecret?: string };
      if (message.ready) return resolve({ url: message.url ?? '', clientId: message.clientId ?? '', clientSecret: message.clientSecret ?? '' });
      const waiter = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiter || message.id === undefined) return;
      pending.delete(message.id);
      if (message.error !== undefined) waiter.reject(new Error(message.error));
      else waiter.resolve(message.value);
    });
  });
  const request = <T>(command: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: (value) => resolve(value as T), reject });
      child.send({ id, ...command });
    });
  const info = await ready;
  const stop = atFileEnd(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.send({ id: 0, type: 'stop' });
    // A sandbox that does not let go in time is killed: a child left running would keep the test run open.
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  });
  return {
    ...info,
    createProduct: (name, options) => request({ type: 'createProduct', name, options }),
    placeOrder: (input) => request({ type: 'placeOrder', input }),
    productOrder: (productOrderId) => request({ type: 'productOrder', productOrderId }),
    stop,
  };
}
