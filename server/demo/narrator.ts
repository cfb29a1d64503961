import type { SyncEvent, SyncEvents } from '../sync/events';

/**
 * Demo mode's console: what the sync workers do for the demo seller, one line each, so someone watching
 * `npm start` sees orders arrive, stock go out to the other store, and held orders wait. Stock pushes of one
 * moment are gathered into one line per account.
 */
export function narrate(
  events: SyncEvents,
  sellerId: string,
  say: (line: string) => void,
  labels: ReadonlyMap<string, string>,
  /** Runs once, for the first order that arrives allocated (the console then says what to try with it). */
  onFirstAllocated?: (orderKey: string) => void,
): () => void {
  let firstAllocated = onFirstAllocated;
  let pending = new Map<string, string[]>();
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    for (const [account, parts] of pending) say(`[demo] stock    → ${account}: ${parts.join(', ')}`);
    pending = new Map();
  };
  const line = (event: SyncEvent): string | null => {
    switch (event.type) {
      case 'ingested':
        if (!event.created && event.replay) return null;
        if (event.status === 'HELD') return `[demo] held     ${event.key} (${event.reason ?? '?'})${event.reason === 'UNMAPPED' ? ': map its listing with PUT /v1/listings' : ''}`;
        return `[demo] order    ${event.key}: ${event.lines} line${event.lines === 1 ? '' : 's'} → ${event.status}${event.created ? '' : ' (updated)'}`;
      case 'confirmed':
        return event.ok ? `[demo] 발주확인  ${event.key}` : `[demo] 발주확인 failed ${event.key}: ${event.message ?? ''}`;
      case 'claim':
        return `[demo] claim    ${event.key}: ${event.claim} → ${event.status}`;
      case 'dispatch':
        return `[demo] tracking ${event.key}: ${event.tracking}${event.message ? ` (${event.message})` : ''}`;
      case 'poll-error':
        return `[demo] poll error on ${event.account}: ${event.message} (retry in ${Math.round(event.retryInMs / 100) / 10} s)`;
      case 'stock': {
        const label = labels.get(`${event.account}:${event.listingId}`) ?? event.listingId;
        pending.set(event.account, [...(pending.get(event.account) ?? []), event.ok ? `${label} ${event.quantity}` : `${label} FAILED (${event.message ?? ''})`]);
        timer ??= setTimeout(flush, 300);
        return null;
      }
      default:
        return null;
    }
  };
  const unsubscribe = events.on((event) => {
    if (event.sellerId !== sellerId) return;
    const text = line(event);
    if (text) say(text);
    if (firstAllocated && event.type === 'ingested' && event.created && event.status === 'ALLOCATED') {
      const hint = firstAllocated;
      firstAllocated = undefined;
      hint(event.key);
    }
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    flush();
  };
}
