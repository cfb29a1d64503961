/** Thrown when another execution (a trigger, another user's refresh) keeps the document busy. */
export class DocumentBusyError extends Error {
  constructor() {
    super('another execution holds the document lock');
    this.name = 'DocumentBusyError';
  }
}

/**
 * Runs `work` holding the document lock, so a refresh, a trigger and a bulk action in the same spreadsheet
 * never interleave their writes. The script lock would serialise every customer of the add-on, so it is
 * not used. Pending writes are flushed before the release, while the lock is still held.
 */
export function withDocumentLock<T>(work: () => T, timeoutMs = 30_000): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error('no document lock: this code must run inside a spreadsheet');
  if (!lock.tryLock(timeoutMs)) throw new DocumentBusyError();
  try {
    return work();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
