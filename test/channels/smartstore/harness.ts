import { onTestFinished } from 'vitest';
import { createSmartStoreConnector, type SmartStoreConnector, type SmartStoreConnectorOptions } from '../../../server/channels/smartstore/connector';
import { startSmartStoreSandbox, type SandboxAccount, type SandboxOptions, type SmartStoreSandbox } from '../../../server/channels/smartstore/sandbox';
import type { Clock } from '../../../server/channels/smartstore/transport';
import { ChannelError } from '../../../server/channels/connector';

/**
 * A sandbox and a connector sharing one fake clock. Sleeping moves the clock instead of waiting, so backoff,
 * quota pauses and token expiry run instantly and deterministically; HTTP stays real, on loopback.
 */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(public time = Date.parse('2026-03-02T10:00:00.000+09:00')) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

export interface Harness {
  sandbox: SmartStoreSandbox;
  account: SandboxAccount;
  connector: SmartStoreConnector;
  clock: FakeClock;
  connect(account: SandboxAccount, options?: Partial<SmartStoreConnectorOptions>): SmartStoreConnector;
}

export const HOUR_MS = 60 * 60 * 1000;

export interface HarnessOptions {
  sandbox?: SandboxOptions;
  connector?: Partial<SmartStoreConnectorOptions>;
  /** How far the gateway's clock is ahead of the client's (negative: behind). */
  gatewayOffsetMs?: number;
}

export async function smartStoreHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = new FakeClock();
  const offset = options.gatewayOffsetMs ?? 0;
  const sandbox = await startSmartStoreSandbox({ clock: () => clock.now() + offset, ...options.sandbox });
  onTestFinished(() => sandbox.stop());
  const connect = (account: SandboxAccount, overrides: Partial<SmartStoreConnectorOptions> = {}) =>
    createSmartStoreConnector({
      baseUrl: sandbox.url,
      clientId: account.clientId,
      clientSecret: account.clientSecret,
      account: `ss-${account.clientId.slice(-6)}`,
      clock,
      timeoutMs: 2_000,
      random: () => 0.5,
      ...options.connector,
      ...overrides,
    });
  const account = sandbox.account();
  return { sandbox, account, connector: connect(account), clock, connect };
}

/** A product with the given option stocks (and seller codes SKU-<index> unless told otherwise). */
export function productWithOptions(account: SandboxAccount, stocks: number[], codes?: (string | undefined)[]) {
  return account.createProduct({
    name: '오가닉 코튼 티셔츠',
    options: stocks.map((stock, index) => {
      const sellerManagerCode = codes ? codes[index] : `SKU-${index + 1}`;
      return { name: `옵션${index + 1}`, stock, ...(sellerManagerCode ? { sellerManagerCode } : {}) };
    }),
  });
}

/** The ChannelError a promise rejects with (fails the test if it resolves or throws something else). */
export async function channelError(promise: Promise<unknown>): Promise<ChannelError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChannelError) return error;
    throw error;
  }
  throw new Error('expected a ChannelError, but the call succeeded');
}

/** Polls until the connector says nothing more is waiting, collecting every order; returns the last cursor. */
export async function pollAll(connector: SmartStoreConnector, cursor: string | null, since: Date) {
  const orders = [];
  let next = cursor;
  for (let round = 0; round < 100; round += 1) {
    const result = await connector.pollOrders(next, since);
    orders.push(...result.orders);
    next = result.cursor;
    if (!result.more) return { orders, cursor: next };
  }
  throw new Error('pollAll: still more after 100 polls');
}
