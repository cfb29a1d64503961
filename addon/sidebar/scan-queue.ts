import type { ErrorInfo, Reply, ScanInput, ScanMode, ScanResult } from '../../shared/sidebar-contract';

export type ScanStatus = 'waiting' | 'sending' | 'ok' | 'refused' | 'error';

export interface ScanEntry {
  seq: number;
  code: string;
  mode: ScanMode;
  status: ScanStatus;
  result?: ScanResult;
  error?: ErrorInfo;
}

export interface ScanQueueOptions {
  send: (input: ScanInput) => Promise<Reply<ScanResult>>;
  onChange: (entry: ScanEntry) => void;
  /** Called when the last waiting scan has its answer. */
  onIdle?: () => void;
  maxInFlight?: number;
  station?: () => string | undefined;
}

/**
 * Scans wait here so a fast scanner loses none. They start in scan order, a few at a time. A verify scan
 * runs alone, because whether an item completes or over-fills its parcel depends on the scans before it;
 * and a code never runs beside a scan of the same code, so a double scan is refused on the second scan,
 * not the first.
 */
export class ScanQueue {
  private readonly entries: ScanEntry[] = [];
  private readonly inFlight = new Set<ScanEntry>();
  private nextSeq = 1;
  private readonly maxInFlight: number;

  constructor(private readonly options: ScanQueueOptions) {
    this.maxInFlight = options.maxInFlight ?? 3;
  }

  add(code: string, mode: ScanMode): ScanEntry {
    const entry: ScanEntry = { seq: this.nextSeq++, code, mode, status: 'waiting' };
    this.entries.push(entry);
    this.options.onChange(entry);
    this.pump();
    return entry;
  }

  tally(): { ok: number; refused: number; waiting: number } {
    let ok = 0;
    let refused = 0;
    let waiting = 0;
    for (const entry of this.entries) {
      if (entry.status === 'ok') ok += 1;
      else if (entry.status === 'refused' || entry.status === 'error') refused += 1;
      else waiting += 1;
    }
    return { ok, refused, waiting };
  }

  private pump(): void {
    for (const entry of this.entries) {
      if (entry.status !== 'waiting') continue;
      if (!this.mayStart(entry)) return;
      this.start(entry);
    }
  }

  private mayStart(entry: ScanEntry): boolean {
    if (this.inFlight.size >= this.maxInFlight) return false;
    if (entry.mode === 'verify' && this.inFlight.size > 0) return false;
    for (const running of this.inFlight) if (running.mode === 'verify' || running.code === entry.code) return false;
    return true;
  }

  private start(entry: ScanEntry): void {
    entry.status = 'sending';
    this.inFlight.add(entry);
    this.options.onChange(entry);
    const station = this.options.station?.();
    const input: ScanInput = station ? { code: entry.code, mode: entry.mode, station } : { code: entry.code, mode: entry.mode };
    void this.options.send(input).then((reply) => {
      this.inFlight.delete(entry);
      if (reply.ok) {
        entry.result = reply.value;
        entry.status = reply.value.ok ? 'ok' : 'refused';
      } else {
        entry.error = reply.error;
        entry.status = 'error';
      }
      this.options.onChange(entry);
      this.pump();
      if (this.inFlight.size === 0 && this.tally().waiting === 0) this.options.onIdle?.();
    });
  }
}
