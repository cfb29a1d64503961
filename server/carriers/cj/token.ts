import type { CjToken } from './wire';

/** Where a token may be shared between server instances (e.g. Redis), so they do not each ask CJ for one. */
export interface CjTokenStore {
  load(): Promise<CjToken | null>;
  save(token: CjToken): Promise<void>;
  /**
   * For a store shared by several instances: the right to ask CJ for a token now, for at most `holdMs`. False
   * while another instance asks, or asked less than the spacing ago; CJ blocks a customer whose token requests
   * come in bursts, whichever instance sends them.
   */
  claimRequest?(holdMs: number): Promise<boolean>;
  /** After asking: no instance asks again for `spacingMs` from now. */
  endRequest?(spacingMs: number): Promise<void>;
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
  /** How long a claimed token request may take at most (the call's timeout and some); default 30 s. */
  requestHoldMs?: number;
}

/** A token within this of its expiry is not used: a call sent with it would arrive expired. */
const EXPIRY_SKEW_MS = 5_000;
/** While another instance holds the token request, how often the shared store is read for its token. */
const CLAIM_POLL_MS = 100;

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
  /** The token CJ last refused: a copy of it in the shared store is not taken again. */
  private refused: string | null = null;

  constructor(private readonly options: CjTokenKeeperOptions) {}

  /** Token requests this keeper sent. */
  get requestCount(): number {
    return this.requests;
  }

  async get(): Promise<string> {
    const held = this.usableToken();
    if (held) return held;
    // Another instance may have fetched or renewed it already.
    await this.loadShared();
    return this.usableToken() ?? (await this.fetch()).token;
  }

  /** The held token if it is live and not yet due for renewal (or renewing it is futile). */
  private usableToken(): string | null {
    const held = this.current;
    const now = this.options.now();
    if (!held || now >= held.expiresAt - EXPIRY_SKEW_MS) return null;
    return held.renewalFutile || now < held.expiresAt - this.options.renewMarginMs ? held.token : null;
  }

  /**
   * After CJ refused `failed`: fetch a new token unless someone already replaced it. Returns null when CJ hands
   * back the token it just refused, so the caller does not loop.
   */
  async refreshAfterAuthFailure(failed: string): Promise<string | null> {
    this.refused = failed;
    if (this.current && this.current.token !== failed) return this.current.token;
    this.current = null;
    // Another instance may have met the refusal first and stored a new token.
    const shared = await this.loadShared();
    if (shared) return shared.token;
    const fresh = await this.fetch();
    return fresh.token === failed ? null : fresh.token;
  }

  /** The shared store's token, held from now on, if it is live, not the one CJ last refused, and newer than the one held. */
  private async loadShared(): Promise<CjToken | null> {
    const token = this.options.store ? await this.options.store.load() : null;
    if (!token || token.token === this.refused || this.options.now() >= token.expiresAt - EXPIRY_SKEW_MS) return null;
    if (this.current && token.expiresAt <= this.current.expiresAt) return null;
    this.current = { ...token, renewalFutile: false };
    return token;
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
    const shared = await this.claimOrShared();
    if (shared) return shared;
    this.requests += 1;
    try {
      const token = await this.options.request();
      // [V2] Asking again before expiry returns the same token and expiry; renewing it early is then futile.
      const renewalFutile = previous !== null && previous.token === token.token && previous.expiresAt === token.expiresAt;
      this.current = { ...token, renewalFutile };
      this.refused = null;
      await this.options.store?.save(token);
      return token;
    } finally {
      this.lastSettled = performance.now();
      // A claim that cannot be ended runs out by itself (requestHoldMs), so a failure here changes nothing.
      await this.options.store?.endRequest?.(this.options.minSpacingMs).catch(() => undefined);
    }
  }

  /**
   * With a shared store: waits until this instance may ask CJ (null), or until the instance that is asking has
   * stored a token newer than the one held, which is then used instead of asking too.
   */
  private async claimOrShared(): Promise<CjToken | null> {
    const store = this.options.store;
    if (!store?.claimRequest) return null;
    while (!(await store.claimRequest(this.options.requestHoldMs ?? 30_000))) {
      await sleep(CLAIM_POLL_MS);
      const shared = await this.loadShared();
      if (shared) return shared;
    }
    // The store was last read before the wait for the spacing; another instance may have stored one since.
    const shared = await this.loadShared();
    if (shared) await store.endRequest?.(0).catch(() => undefined);
    return shared;
  }
}
