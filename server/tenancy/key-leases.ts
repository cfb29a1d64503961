import type { KeyCheck, KeyRecord } from './key-checks';

/** How long an instance may answer for a key from what Redis last told it, unless configured otherwise. */
export const DEFAULT_KEY_LEASE_MS = 1_000;
/** The most units of a key's allowance one instance holds at once, and at most this share of the limit. */
const MAX_LEASE_UNITS = 64;
const MAX_LEASE_SHARE = 10;

interface Lease {
  record: KeyRecord;
  /** Units of the allowance charged in Redis and not yet spent here. */
  units: number;
  /** What Redis said was left of the allowance when it granted them (the units not counted). */
  remaining: number;
  /** After this (ms, the clock's), nothing here is trusted: the record is read again and unspent units go back. */
  expiresAt: number;
  /** Units to ask for at the next renewal: doubles while requests outrun the lease, halves when it expires unused. */
  size: number;
}

/** What a renewal should ask Redis for: units beyond the requests it charges, and unspent units to give back. */
export interface LeaseTerms {
  extra: number;
  giveBack: number;
}

/**
 * Leases of keys' rate-limit allowances, so that most requests need no round trip to Redis. An instance takes
 * a small slice of a busy key's allowance from Redis atomically (authenticate.lua charges it exactly like as
 * many requests) and spends it here; a request it cannot cover goes to Redis as before, which alone answers
 * 429. Every request served was charged in Redis first, so all instances together never exceed the limit.
 * The key's record comes with every lease, so a key revoked elsewhere stops working here within `leaseMs`
 * (at once when revoked through this instance). A slice is at most MAX_LEASE_UNITS and a tenth of the limit
 * (none below a limit of 10), so a slice idling on one instance never takes much from the others, and unspent
 * units go back to Redis when the lease lapses.
 */
export class KeyLeases {
  private readonly leases = new Map<string, Lease>();
  private readonly cap: number;

  constructor(
    limit: number,
    private readonly leaseMs: number,
    private readonly now: () => number,
  ) {
    this.cap = leaseMs > 0 ? Math.min(MAX_LEASE_UNITS, Math.floor(limit / MAX_LEASE_SHARE)) : 0;
  }

  /** A request answered from a live lease (one unit spent), or undefined: ask Redis. */
  take(keyId: string): KeyCheck | undefined {
    const lease = this.leases.get(keyId);
    if (!lease || this.now() >= lease.expiresAt) return undefined;
    if (lease.record.revoked) return { found: true, record: lease.record, allowed: false, retryAfterUs: 0, remaining: 0 };
    if (lease.units === 0) return undefined;
    lease.units -= 1;
    return { found: true, record: lease.record, allowed: true, retryAfterUs: 0, remaining: lease.remaining + lease.units };
  }

  /** The terms of a renewal about to be sent; units it gives back are no longer spent here. */
  renew(keyId: string): LeaseTerms {
    const lease = this.leases.get(keyId);
    if (this.cap === 0) return { extra: 0, giveBack: 0 };
    if (!lease) return { extra: 0, giveBack: 0 };
    if (this.now() < lease.expiresAt) {
      // Spent before it lapsed: the key is busier than the lease.
      lease.size = Math.min(this.cap, Math.max(1, lease.size * 2));
      return { extra: lease.size, giveBack: 0 };
    }
    const giveBack = lease.units;
    lease.units = 0;
    if (giveBack > 0) lease.size = Math.floor(lease.size / 2);
    return { extra: lease.size, giveBack };
  }

  /** Redis's answer to a renewal: the record as it is now, and the units granted beyond the requests charged. */
  granted(keyId: string, record: KeyRecord, units: number, remaining: number): void {
    if (this.cap === 0) return;
    const lease = this.leases.get(keyId);
    const expiresAt = this.now() + this.leaseMs;
    if (lease) {
      lease.record = record;
      lease.units = record.revoked ? 0 : lease.units + units;
      lease.remaining = remaining;
      lease.expiresAt = expiresAt;
      return;
    }
    this.leases.set(keyId, { record, units: record.revoked ? 0 : units, remaining, expiresAt, size: units });
  }

  /** Forgets a key at once (revoked through this instance); its unspent units need not go back. */
  drop(keyId: string): void {
    this.leases.delete(keyId);
  }

  /** Forgets lapsed leases, and hands back what they had not spent: key id and units, for Redis. */
  sweep(): { keyId: string; units: number }[] {
    const now = this.now();
    const returned: { keyId: string; units: number }[] = [];
    for (const [keyId, lease] of this.leases) {
      if (now < lease.expiresAt) continue;
      this.leases.delete(keyId);
      if (lease.units > 0 && !lease.record.revoked) returned.push({ keyId, units: lease.units });
    }
    return returned;
  }

  /** Leases held (for tests and metrics). */
  get size(): number {
    return this.leases.size;
  }
}
