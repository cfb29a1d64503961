import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CjToken, CjTokenStore } from '../carriers/cj';
import type { SecretStore } from '../secrets/secret-store';
import type { RedisPool } from '../store/redis';

/** The scope a shared CJ token is sealed under: it belongs to a CJ contract, not to one seller. */
const SCOPE = 'carrier:cj';

const StoredTokenSchema = z.object({ token: z.string().min(1), expiresAt: z.number(), notice: z.string().nullable() });

export interface CjContractIdentity {
  customerCode: string;
  businessNumber: string;
}

/** A stable id of the contract that names no customer code or business number in Redis. */
export function cjContractId(contract: CjContractIdentity): string {
  return createHash('sha256').update(`${contract.customerCode}\u0000${contract.businessNumber.replace(/[\s-]/g, '')}`).digest('hex').slice(0, 24);
}

/** Both keys of a contract share a hash tag, so they stay on one Redis Cluster shard. */
export function cjTokenKeys(contractId: string) {
  return {
    token: `sheetship:cj-token:{${contractId}}`,
    request: `sheetship:cj-token-request:{${contractId}}`,
  };
}

/**
 * The one-day CJ token of a contract, shared by every server instance through Redis, so that they neither each
 * ask CJ for one nor ask in a burst (CJ blocks a customer whose token requests come faster than one a second,
 * whichever instance sends them). The token is a credential: it is stored sealed with the master key, and it
 * expires from Redis when CJ's validity ends.
 *
 * The request slot is a key set with NX for the time one token call may take; ending it keeps it for the
 * spacing instead, so the next request of any instance starts that long after this one ended. It is not
 * fenced: a holder stalled past its hold could shorten a later holder's slot to the spacing, which still keeps
 * requests that far apart.
 */
export class RedisCjTokenStore implements CjTokenStore {
  private readonly keys: ReturnType<typeof cjTokenKeys>;
  private readonly name: string;

  constructor(
    private readonly pool: RedisPool,
    private readonly secrets: SecretStore,
    contract: CjContractIdentity,
  ) {
    const id = cjContractId(contract);
    this.keys = cjTokenKeys(id);
    this.name = `token:${id}`;
  }

  /** The stored token; null when there is none, or when it cannot be read (another master key): then CJ is asked. */
  async load(): Promise<CjToken | null> {
    const sealed = await this.pool.pick().get(this.keys.token);
    if (!sealed) return null;
    try {
      const parsed = StoredTokenSchema.safeParse(JSON.parse(this.secrets.decrypt(SCOPE, this.name, sealed)));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async save(token: CjToken): Promise<void> {
    // The CJ clients this store serves keep expiry by the wall clock.
    const ttlMs = Math.floor(token.expiresAt - Date.now());
    if (ttlMs <= 0) return;
    const sealed = this.secrets.encrypt(SCOPE, this.name, JSON.stringify({ token: token.token, expiresAt: token.expiresAt, notice: token.notice }));
    await this.pool.pick().set(this.keys.token, sealed, { PX: ttlMs });
  }

  async claimRequest(holdMs: number): Promise<boolean> {
    return (await this.pool.pick().set(this.keys.request, 'asking', { NX: true, PX: Math.max(1, Math.ceil(holdMs)) })) === 'OK';
  }

  async endRequest(spacingMs: number): Promise<void> {
    if (spacingMs <= 0) {
      await this.pool.pick().del(this.keys.request);
      return;
    }
    await this.pool.pick().set(this.keys.request, 'spacing', { PX: Math.ceil(spacingMs) });
  }
}
