import bcrypt from 'bcryptjs';

/**
 * Naver's client-credentials token (channels.md §1.1): `client_secret_sign` is the bcrypt hash of
 * `{client_id}_{timestamp}` with the client secret as the salt, base64-encoded; the timestamp is in ms and
 * valid for 5 minutes. A token lives 3 hours, and asking again with 30 minutes or more left returns the same
 * one, so the cache keeps a token until 30 minutes before it expires.
 */

export const REFRESH_BEFORE_EXPIRY_MS = 30 * 60 * 1000;
/** Used when a token arrives with less than the refresh margin left: spend it almost to the end. */
const LAST_MINUTE_MS = 60 * 1000;

export function clientSecretSign(clientId: string, clientSecret: string, timestampMs: number): string {
  const hashed = bcrypt.hashSync(`${clientId}_${timestampMs}`, clientSecret);
  return Buffer.from(hashed, 'utf8').toString('base64');
}

export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

interface CachedToken {
  accessToken: string;
  expiresAt: number;
  refreshAt: number;
}

/** One account's token: cached, refreshed ahead of expiry, and fetched by one request however many callers wait. */
export class TokenCache {
  private cached: CachedToken | null = null;
  private inFlight: Promise<string> | null = null;

  constructor(
    private readonly fetchToken: () => Promise<IssuedToken>,
    private readonly now: () => number,
  ) {}

  async get(): Promise<string> {
    const cached = this.cached;
    if (cached && this.now() < cached.refreshAt) return cached.accessToken;
    return this.refresh();
  }

  /**
   * After a 401 with this token: forget it and fetch a new one, unless another caller already replaced it,
   * in which case that newer token is the answer (one refresh per expiry, not one per failed request).
   */
  async renewAfterRejection(rejectedToken: string): Promise<string> {
    if (this.cached && this.cached.accessToken !== rejectedToken) return this.cached.accessToken;
    this.cached = null;
    return this.refresh();
  }

  private refresh(): Promise<string> {
    if (!this.inFlight) {
      this.inFlight = this.fetchToken()
        .then((issued) => {
          const now = this.now();
          const expiresAt = now + issued.expiresInSeconds * 1000;
          const refreshAt = expiresAt - REFRESH_BEFORE_EXPIRY_MS > now ? expiresAt - REFRESH_BEFORE_EXPIRY_MS : expiresAt - LAST_MINUTE_MS;
          this.cached = { accessToken: issued.accessToken, expiresAt, refreshAt };
          return issued.accessToken;
        })
        .finally(() => {
          this.inFlight = null;
        });
    }
    return this.inFlight;
  }
}
