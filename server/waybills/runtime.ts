import type { CarrierContract } from '../../shared/settings';
import type { SecretStore } from '../secrets/secret-store';
import type { SellerStore, Store } from '../store';
import { CjClients } from './cj-clients';
import { CjIssuer } from './cj-issuer';
import { RedisCjTokenStore } from './cj-token-store';
import { WaybillStore } from './waybill-store';

export interface ShippingOptions {
  /** CJ DX API base URL (CJ_HOSTS.prod, CJ_HOSTS.dev or a sandbox). */
  cjBaseUrl: string;
  /** A CJ issuance's lease; every save renews it, so it only has to outlast one carrier call. */
  issueLeaseMs: number;
  /** How long an issue call waits for a concurrent call's CJ issuance of the same orders. */
  issueWaitMs: number;
  /** Test-only: a pause between CJ's RegBook answer and saving it (the crash-safety test kills the server there). */
  cjSaveDelayMs: number;
  /** How long a labels link works. */
  labelUrlTtlMs: number;
  /** A failed carrier void is retried after this, doubling per attempt up to voidRetryMaxMs. */
  voidRetryBaseMs: number;
  voidRetryMaxMs: number;
  /** Failed attempts of a void before WAYBILL_VOID_FAILED opens (at once for a parcel already picked up). */
  voidAlertAfter: number;
}

export const DEFAULT_SHIPPING_OPTIONS: Omit<ShippingOptions, 'cjBaseUrl'> = {
  issueLeaseMs: 60_000,
  issueWaitMs: 30_000,
  cjSaveDelayMs: 0,
  labelUrlTtlMs: 10 * 60_000,
  voidRetryBaseMs: 5_000,
  voidRetryMaxMs: 10 * 60_000,
  voidAlertAfter: 3,
};

/** What the waybill and shipping services share across requests: the options, the CJ clients and the clock. */
export class ShippingRuntime {
  readonly cjClients: CjClients;

  constructor(
    readonly store: Store,
    readonly options: ShippingOptions,
    /** HMAC key of labels links, derived from the master key. */
    readonly labelKey: Buffer,
    readonly now: () => number = Date.now,
    /** Given, CJ tokens are shared with the other server instances through Redis, sealed with these secrets' key. */
    tokenSecrets?: SecretStore,
  ) {
    this.cjClients = new CjClients(options.cjBaseUrl, tokenSecrets && ((contract) => new RedisCjTokenStore(store.pool, tokenSecrets, contract)));
  }

  waybills(sellerId: string, actor: string): WaybillStore {
    return new WaybillStore(this.store.sellerContext(sellerId, actor));
  }

  cjIssuer(seller: SellerStore, waybills: WaybillStore, contract: CarrierContract | undefined): CjIssuer {
    return new CjIssuer(seller.sellerId, waybills, seller, this.cjClients.for(contract), {
      leaseMs: this.options.issueLeaseMs,
      waitMs: this.options.issueWaitMs,
      saveDelayMs: this.options.cjSaveDelayMs,
      now: this.now,
    });
  }
}
