import type { CjToken } from './wire';

/** Where a token may be shared between server instances (e.g. Redis), so they do not each ask CJ for one. */
export interface CjTokenStore {
  load(): Promise<CjToken | null>;
  save(token: CjToken): Promise<void>;
}

export interface CjTokenKeeperOptions {
  /** Performs one ReqOneDayToken call. */
  request: () => Promise<CjToken>;
  /** Wall-clock ms, for expiry. */
  now: () => number;
  /** Minimum gap between the end of one token request and the start of the next. */
  minSpacingMs: number;
  /** Renew this long before expiry. */
  renewMarginMs: number;
  store?: CjTokenStore;
}

/** A token within this of its expiry is not used: a call sent with it would arrive expired. */
const EXPIRY_SKEW_MS = 5_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Holds the one-day token: cached until shortly before expiry, one request in flight at a time (concurrent
 * callers share it), and token requests spaced apart, because CJ blocks customers that ask in bursts.
 */
export class CjTokenKeeper {
  private current: (CjToken & { renewalFutile: boolean }) | null = null;
  private inflight: Promise<CjToken> | null = null;
  /** Monotonic time the last token request settled; spacing is measured from there, so CJ sees the gap too. */
  private lastSettled = Number.NEGATIVE_INFINITY;
  private requests = 0;

  constructor(private readonly options: CjTokenKeeperOptions) {}

  /** Token requests this keeper sent. */
  get requestCount(): number {
    return this.requests;
  }

  async get(): Promise<string> {
    if (!this.current && this.options.store) this.adopt(await this.options.store.load());
    const held = this.current;
    const now = this.options.now();
    if (held && now < held.expiresAt - EXPIRY_SKEW_MS) {
      if (held.renewalFutile || now < held.expiresAt - this.options.renewMarginMs) return held.token;
    }
    return (await this.fetch()).token;
  }

  /**
   * After CJ refused `failed`: fetch a new token unless someone already replaced it. Returns null when CJ hands
   * back the token it just refused, so the caller does not loop.
   */
  async refreshAfterAuthFailure(failed: string): Promise<string | null> {
    if (this.current && this.current.token !== failed) return this.current.token;
    this.current = null;
    const fresh = await this.fetch();
    return fresh.token === failed ? null : fresh.token;
  }

  private adopt(token: CjToken | null): void {
    if (token && (!this.current || token.expiresAt > this.current.expiresAt)) this.current = { ...token, renewalFutile: false };
  }

  private fetch(): Promise<CjToken> {
    this.inflight ??= this.fetchSpaced().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async fetchSpaced(): Promise<CjToken> {
    const wait = this.lastSettled + this.options.minSpacingMs - performance.now();
    if (wait > 0) await sleep(wait);
    const previous = this.current;
    this.requests += 1;
    try {
      const token = await this.options.request();
      // [V2] Asking again before expiry returns the same token and expiry; renewing it early is then futile.
      const renewalFutile = previous !== null && previous.token === token.token && previous.expiresAt === token.expiresAt;
      this.current = { ...token, renewalFutile };
      await this.options.store?.save(token);
      return token;
    } finally {
      this.lastSettled = performance.now();
    }
  }
}
