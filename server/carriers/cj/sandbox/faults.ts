import type { CjEndpoint } from '../spec';

/**
 * Faults a test queues; each matching request takes the next one.
 * - `http5xx`: answers the status (default 503) without applying anything.
 * - `timeout`: never answers; the request is not applied.
 * - `malformed`: HTTP 200 with a body that is not JSON; not applied.
 * - `slow`: waits `delayMs`, then handles the request normally.
 * - `appliedThenLost`: handles the request (it takes effect), then drops the connection without an answer.
 */
export type CjFaultKind = 'http5xx' | 'timeout' | 'malformed' | 'slow' | 'appliedThenLost';

export interface CjFault {
  kind: CjFaultKind;
  /** Only requests to this endpoint; default: any. */
  endpoint?: CjEndpoint;
  /** How many matching requests it hits; default 1. */
  times?: number;
  status?: number;
  delayMs?: number;
}

export class FaultQueue {
  private readonly queued: { fault: CjFault; left: number }[] = [];

  push(fault: CjFault): void {
    this.queued.push({ fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.queued.length = 0;
  }

  get pending(): number {
    return this.queued.reduce((sum, entry) => sum + entry.left, 0);
  }

  take(endpoint: CjEndpoint): CjFault | null {
    const index = this.queued.findIndex((entry) => entry.fault.endpoint === undefined || entry.fault.endpoint === endpoint);
    const entry = this.queued[index];
    if (!entry) return null;
    entry.left -= 1;
    if (entry.left <= 0) this.queued.splice(index, 1);
    return entry.fault;
  }
}
