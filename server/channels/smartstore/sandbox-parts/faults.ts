/**
 * Fault injection and call counters of the sandbox, under test control.
 *
 * Faults before the request is applied (the gateway refuses or never answers): rate_limit, quota, server,
 * timeout, ip_not_allowed, unauthorized (401 GW.AUTHN whatever the token). Faults after it is applied (the work is done, the answer goes wrong): slow,
 * malformed, applied_then_lost. Without the second group, "exactly once" would prove nothing.
 */

export const ENDPOINTS = [
  'token',
  'last-changed-statuses',
  'product-orders/query',
  'product-orders/confirm',
  'product-orders/dispatch',
  'origin-products/get',
  'origin-products/option-stock',
  'origin-products/multi-update',
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export const FAULT_KINDS = ['rate_limit', 'quota', 'server', 'timeout', 'ip_not_allowed', 'unauthorized', 'slow', 'malformed', 'applied_then_lost'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const AFTER_APPLY: ReadonlySet<FaultKind> = new Set(['slow', 'malformed', 'applied_then_lost']);

export interface FaultRule {
  kind: FaultKind;
  /** One endpoint, or every endpoint when absent. */
  endpoint?: Endpoint;
  /** How many matching requests it hits; 1 when absent. */
  times?: number;
  /** slow: the delay; timeout: how long the request is held before the connection is closed. */
  delayMs?: number;
  /** quota: the GNCP-GW-Quota-Period header (SECONDS, ROUND, …). */
  quotaPeriod?: string;
}

export interface RandomFaults {
  /** Share of requests that fail, 0..1. */
  rate: number;
  kinds: FaultKind[];
  endpoints?: Endpoint[];
  seed?: number;
  delayMs?: number;
  quotaPeriod?: string;
}

export interface Fault {
  kind: FaultKind;
  delayMs: number;
  quotaPeriod: string;
}

interface EndpointCounters {
  requests: number;
  faults: Partial<Record<FaultKind, number>>;
}

/** mulberry32: a seeded generator, so a failing fault mix can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultPlan {
  private rules: (FaultRule & { left: number })[] = [];
  private random: (RandomFaults & { next: () => number }) | null = null;
  private readonly counters = new Map<Endpoint, EndpointCounters>();

  inject(rule: FaultRule): void {
    this.rules.push({ ...rule, left: rule.times ?? 1 });
  }

  randomly(faults: RandomFaults | null): void {
    this.random = faults ? { ...faults, next: seededRandom(faults.seed ?? 1) } : null;
  }

  clear(): void {
    this.rules = [];
    this.random = null;
  }

  /** Counts the request and picks its fault, if any. */
  draw(endpoint: Endpoint): Fault | null {
    const counters = this.countersOf(endpoint);
    counters.requests += 1;
    const fault = this.pick(endpoint);
    if (fault) counters.faults[fault.kind] = (counters.faults[fault.kind] ?? 0) + 1;
    return fault;
  }

  requests(endpoint?: Endpoint): number {
    if (endpoint) return this.countersOf(endpoint).requests;
    return [...this.counters.values()].reduce((sum, counters) => sum + counters.requests, 0);
  }

  faults(endpoint?: Endpoint, kind?: FaultKind): number {
    const list = endpoint ? [this.countersOf(endpoint)] : [...this.counters.values()];
    return list.reduce((sum, counters) => sum + Object.entries(counters.faults).reduce((inner, [k, n]) => inner + (kind === undefined || k === kind ? (n ?? 0) : 0), 0), 0);
  }

  resetCounters(): void {
    this.counters.clear();
  }

  private pick(endpoint: Endpoint): Fault | null {
    const rule = this.rules.find((candidate) => candidate.left > 0 && (candidate.endpoint === undefined || candidate.endpoint === endpoint));
    if (rule) {
      rule.left -= 1;
      return { kind: rule.kind, delayMs: rule.delayMs ?? defaultDelay(rule.kind), quotaPeriod: rule.quotaPeriod ?? 'SECONDS' };
    }
    const random = this.random;
    if (!random || random.kinds.length === 0) return null;
    if (random.endpoints && !random.endpoints.includes(endpoint)) return null;
    if (random.next() >= random.rate) return null;
    const kind = random.kinds[Math.floor(random.next() * random.kinds.length)] ?? random.kinds[0];
    if (!kind) return null;
    return { kind, delayMs: random.delayMs ?? defaultDelay(kind), quotaPeriod: random.quotaPeriod ?? 'SECONDS' };
  }

  private countersOf(endpoint: Endpoint): EndpointCounters {
    let counters = this.counters.get(endpoint);
    if (!counters) {
      counters = { requests: 0, faults: {} };
      this.counters.set(endpoint, counters);
    }
    return counters;
  }
}

function defaultDelay(kind: FaultKind): number {
  return kind === 'timeout' ? 30_000 : 200;
}
