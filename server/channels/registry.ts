import type { z } from 'zod';
import { SmartStoreCredentialsSchema, type ChannelAccountSettings, type ConnectedChannel } from '../../shared/api/channels';
import { CONNECTED_CHANNELS } from '../../shared/api/channels';
import type { Channel } from '../../shared/ids';
import type { Connector } from './connector';
import type { FetchLike } from './http-client';
import { NAVER_BASE_URL } from './smartstore/client';
import { createSmartStoreConnector } from './smartstore/connector';

/**
 * One driver per channel that has a connector: how to check its credentials and how to build a connector for
 * one account. Adding Coupang or Cafe24 is one more entry here (and in shared/api/channels.ts).
 */

/** Transport knobs the server leaves at their defaults; tests and the bench shorten them. */
export interface ConnectorTuning {
  fetch?: FetchLike;
  timeoutMs?: number;
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  random?: () => number;
}

export interface ConnectInput {
  /** Sheetship's account id: the `account` part of order keys and listings. */
  account: string;
  baseUrl: string;
  credentials: unknown;
  settings: ChannelAccountSettings;
  tuning: ConnectorTuning;
}

export interface ChannelDriver {
  channel: ConnectedChannel;
  /** The real API; an account without a baseUrl talks to it. */
  defaultBaseUrl: string;
  /** Short prefix of generated account ids (ss-3f9a1c2b). */
  idPrefix: string;
  credentialsSchema: z.ZodType<Record<string, string | undefined>>;
  connect(input: ConnectInput): Connector;
}

const smartstore: ChannelDriver = {
  channel: 'smartstore',
  defaultBaseUrl: NAVER_BASE_URL,
  idPrefix: 'ss',
  credentialsSchema: SmartStoreCredentialsSchema,
  connect(input) {
    const credentials = SmartStoreCredentialsSchema.parse(input.credentials);
    const { tuning } = input;
    return createSmartStoreConnector({
      account: input.account,
      baseUrl: input.baseUrl,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      ...(credentials.accountId ? { accountId: credentials.accountId } : {}),
      ...(tuning.fetch ? { fetch: tuning.fetch } : {}),
      ...(tuning.timeoutMs ? { timeoutMs: tuning.timeoutMs } : {}),
      ...(tuning.retry ? { retry: tuning.retry } : {}),
      ...(tuning.random ? { random: tuning.random } : {}),
      stock: { optionStockOmission: input.settings.optionStockOmission ?? 'unknown' },
    });
  },
};

const DRIVERS: Record<ConnectedChannel, ChannelDriver> = { smartstore };

export function isConnectedChannel(channel: Channel): channel is ConnectedChannel {
  return (CONNECTED_CHANNELS as readonly string[]).includes(channel);
}

/** The driver of a channel, or null for channels without a connector (file channels, ones not built yet). */
export function driverFor(channel: Channel): ChannelDriver | null {
  return isConnectedChannel(channel) ? DRIVERS[channel] : null;
}
