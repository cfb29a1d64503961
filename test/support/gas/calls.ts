/**
 * Every call made on a fake Apps Script service, so tests and the bench can assert on batching ("one
 * setValues per sheet") and on what a LIMITED-mode onOpen touched. Spreadsheet calls carry the sheet and
 * the A1 range, so a test can assert exactly which rows were written.
 */
export type CallKind = 'read' | 'write' | 'other';

export interface CallRecord {
  service: string;
  /** `Class.method`, e.g. `Range.setValues`. */
  method: string;
  kind: CallKind;
  sheet?: string;
  range?: string;
}

export class CallLog {
  private records: CallRecord[] = [];

  record(service: string, method: string, kind: CallKind, where: { sheet?: string; range?: string } = {}): void {
    this.records.push({ service, method, kind, ...where });
  }

  get all(): readonly CallRecord[] {
    return this.records;
  }

  /** Calls matching every given field. */
  filter(match: Partial<CallRecord> = {}): CallRecord[] {
    return this.records.filter((record) =>
      (Object.keys(match) as (keyof CallRecord)[]).every((field) => match[field] === undefined || record[field] === match[field]),
    );
  }

  count(match: Partial<CallRecord> = {}): number {
    return this.filter(match).length;
  }

  /** `service.method` → number of calls. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const record of this.records) {
      const name = `${record.service}.${record.method}`;
      counts[name] = (counts[name] ?? 0) + 1;
    }
    return counts;
  }

  reset(): void {
    this.records = [];
  }
}
