import { EventEmitter } from 'node:events';
import type { OrderState } from '../../shared/state-machine';

/**
 * What the sync workers did, for logs, demo mode's console and tests. Emitting never blocks a worker: a
 * listener that throws is reported once and the worker goes on.
 */
export type SyncEvent =
  | { type: 'lease'; sellerId: string; account: string; state: 'acquired' | 'lost' | 'released'; token: number }
  | { type: 'cursor'; sellerId: string; account: string; token: number; first: boolean }
  | { type: 'ingested'; sellerId: string; account: string; key: string; status: OrderState; reason: string | null; created: boolean; replay: boolean; lines: number }
  | { type: 'claim'; sellerId: string; key: string; lineId: string; claim: string; applied: boolean; status: OrderState }
  | { type: 'confirmed'; sellerId: string; account: string; key: string; ok: boolean; message?: string }
  | { type: 'stock'; sellerId: string; account: string; listingId: string; quantity: number; ok: boolean; message?: string }
  | { type: 'dispatch'; sellerId: string; key: string; tracking: 'accepted' | 'rejected' | 'pending'; message?: string }
  | { type: 'poll-error'; sellerId: string; account: string; kind: string; message: string; retryInMs: number };

export type SyncEventType = SyncEvent['type'];

export class SyncEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  emit(event: SyncEvent): void {
    for (const listener of this.emitter.listeners('event')) {
      try {
        (listener as (event: SyncEvent) => void)(event);
      } catch {
        // A listener's bug must not stop a worker; the listener owns its own reporting.
      }
    }
  }

  /** Returns the unsubscribe function. */
  on(listener: (event: SyncEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
