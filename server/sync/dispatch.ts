import { CarrierIdSchema, carrierCode, type CarrierCodeChannel } from '../../shared/carriers';
import { isFileChannel, parseOrderKey } from '../../shared/ids';
import { openQuantity, type Order, type TrackingLine } from '../../shared/order';
import { ChannelError, type Connector, type LineOutcome } from '../channels/connector';
import type { SellerStore } from '../store';
import type { SyncContext } from './context';
import { sellerRetryQueue, type RetryQueue } from './retry-queue';
import type { SyncStatusBook } from './status';
import { blocksAccount, raiseChannelError } from './poller';
import { ConnectorUnavailableError } from './stock-push';

/**
 * Tracking dispatch (발송처리): when an order ships (or at waybill issuance for sellers who pre-register), its
 * tracking number goes to the channel, and each line's answer is kept on the order's `tracking`. The
 * connector reads the channel before sending, so a retry after a lost answer never dispatches twice.
 *
 * An answer that says nothing yet (timeout, 5xx, rate limit) leaves tracking `pending`; a refusal makes it
 * `rejected` with the channel's own text. Both are retried with backoff (`sync:dispatch-retry`). A refusal that
 * persists for `alertAfterAttempts`, or tracking still not accepted after the seller's grace period, raises
 * TRACKING_MISSING (송장 누락); acceptance closes it.
 */

/** Failure codes that say the channel's answer is unknown or temporary, not a refusal of the data. */
const TRANSIENT = new Set(['timeout', 'server', 'bad_response', 'rate_limit', 'quota', 'auth', 'ip_not_allowed', 'NO_RESULT', 'UNKNOWN']);

function isTransient(code: string): boolean {
  return TRANSIENT.has(code) || code.startsWith('GW.');
}

export class TrackingDispatcher {
  constructor(
    private readonly ctx: SyncContext,
    private readonly status: SyncStatusBook,
  ) {}

  private retries(sellerId: string): RetryQueue {
    return sellerRetryQueue(this.ctx.store.pool, sellerId, 'dispatch', this.ctx.options.dispatch);
  }

  async dispatchOrders(sellerId: string, orderKeys: readonly string[]): Promise<void> {
    const seller = this.ctx.store.forSeller(sellerId, 'sync');
    for (const key of new Set(orderKeys)) await this.dispatchOne(seller, key);
  }

  async retryDue(sellerId: string): Promise<number> {
    const due = await this.retries(sellerId).due();
    if (due.length > 0) await this.dispatchOrders(sellerId, due);
    return due.length;
  }

  private async dispatchOne(seller: SellerStore, key: string): Promise<void> {
    const retries = this.retries(seller.sellerId);
    const order = await seller.orders.get(key);
    const parts = parseOrderKey(key);
    const waiting = order && (order.tracking.status === 'pending' || order.tracking.status === 'rejected') && order.state !== 'CANCELLED';
    if (!order || !waiting || !parts || isFileChannel(parts.channel)) return void (await retries.forget([key]));
    const record = await this.ctx.accounts.get(seller.sellerId, order.account);
    // An order posted by hand for an account Sheetship is not connected to: nobody here can register it.
    if (!record || record.channel !== order.channel || (record.demo && !this.ctx.options.demoAccounts)) return void (await retries.forget([key]));
    let connector: Connector;
    try {
      connector = await this.ctx.connectors.forRecord(seller.sellerId, record);
    } catch (error) {
      throw new ConnectorUnavailableError(record.id, error);
    }

    const lines = order.lines.filter((line) => openQuantity(line) > 0);
    if (lines.length === 0) return void (await retries.forget([key]));
    const problem = await this.shipmentProblem(seller, order);
    const outcomes: LineOutcome[] = problem
      ? lines.map((line) => ({ lineId: line.lineId, ok: false, code: 'NO_CARRIER_CODE', message: problem }))
      : await this.send(seller, connector, order, lines.map((line) => line.lineId));

    const trackingLines: TrackingLine[] = outcomes.map((outcome) =>
      outcome.ok ? { lineId: outcome.lineId, status: 'accepted' } : { lineId: outcome.lineId, status: isTransient(outcome.code) ? 'pending' : 'rejected', message: outcome.message.slice(0, 1000) },
    );
    const failures = outcomes.filter((outcome): outcome is Extract<LineOutcome, { ok: false }> => !outcome.ok);
    await this.status.touched(seller.sellerId, record.id, 'lastDispatchAt');
    if (failures.length === 0) {
      await seller.orders.setFlags(key, { tracking: { status: 'accepted', lines: trackingLines } });
      await retries.succeeded(key);
      this.ctx.events.emit({ type: 'dispatch', sellerId: seller.sellerId, key, tracking: 'accepted' });
      return;
    }
    const refused = failures.some((failure) => !isTransient(failure.code));
    const message = failures.map((failure) => (failures.length > 1 ? `${failure.lineId}: ${failure.message}` : failure.message)).join('; ').slice(0, 1000);
    await seller.orders.setFlags(key, { tracking: { status: refused ? 'rejected' : 'pending', message, lines: trackingLines } });
    const firstFailure = failures[0];
    // Refused for the account itself (credentials, Naver's IP allow-list): the seller has to act, as the poller
    // says with CHANNEL_ERROR; asking again every few seconds would change nothing, so wait as the poller does.
    const blocking = failures.find((failure) => failure.kind !== undefined && blocksAccount(failure.kind));
    const attempts = await retries.failed(key, firstFailure?.code ?? 'FAILED', message, blocking ? this.ctx.options.blockedRetryMs : 0);
    if (blocking?.kind) await raiseChannelError(seller, record, blocking.kind, message, attempts.attempts);
    const settings = await seller.settings.get();
    const since = Date.parse(order.shippedAt ?? order.tracking.at ?? attempts.since);
    const overdue = Date.now() - since >= settings.alerts.trackingGraceMinutes * 60_000;
    if ((refused && attempts.attempts >= this.ctx.options.dispatch.alertAfterAttempts) || overdue) {
      await seller.alerts.raise('TRACKING_MISSING', 'critical', key, { orderKey: key, message, code: firstFailure?.code ?? '', attempts: attempts.attempts });
    }
    this.ctx.events.emit({ type: 'dispatch', sellerId: seller.sellerId, key, tracking: refused ? 'rejected' : 'pending', message });
  }

  /** Why the order cannot be sent as it stands (no carrier, no number, no code for this channel), or null. */
  private async shipmentProblem(seller: SellerStore, order: Order): Promise<string | null> {
    const carrier = CarrierIdSchema.safeParse(order.tracking.carrier);
    if (!carrier.success) return `the order's waybill names no known carrier (${order.tracking.carrier ?? 'none'})`;
    if (!order.tracking.trackingNumber) return 'the order has no tracking number';
    const settings = await seller.settings.get();
    const code = carrierCode(carrier.data, order.channel as CarrierCodeChannel, settings.channelCarrierCodes);
    if (!code) return `no ${order.channel} carrier code for ${carrier.data}; set one in settings.channelCarrierCodes`;
    return null;
  }

  /** Confirms first when the order is not confirmed yet (the channel refuses to dispatch before 발주확인), then dispatches. */
  private async send(seller: SellerStore, connector: Connector, order: Order, lineIds: string[]): Promise<LineOutcome[]> {
    const carrier = CarrierIdSchema.parse(order.tracking.carrier);
    const settings = await seller.settings.get();
    const code = carrierCode(carrier, order.channel as CarrierCodeChannel, settings.channelCarrierCodes) ?? '';
    try {
      if (!order.confirmed) {
        const confirmed = await connector.confirm(lineIds);
        if (confirmed.every((outcome) => outcome.ok)) await seller.orders.setFlags(order.key, { confirmed: true });
      }
      return await connector.dispatch(
        lineIds.map((lineId) => ({ lineId, carrier, carrierCode: code, trackingNumber: order.tracking.trackingNumber ?? '', dispatchedAt: order.shippedAt ?? new Date().toISOString() })),
      );
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      return lineIds.map((lineId) => ({ lineId, ok: false, code: error.channelCode && !error.channelCode.startsWith('GW.') ? error.channelCode : error.kind, message: error.message, kind: error.kind }));
    }
  }
}
