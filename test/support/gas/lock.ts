import { MODES, SCOPES, type GasRuntime } from './runtime';

interface LockSlot {
  holder: string | null;
}

/**
 * A lock handle. Locks are held per execution: the fake runs one execution at a time, so another
 * execution is simulated by switching the runtime's execution id (see GasEnvironment.otherExecution).
 * waitLock cannot wait for a release that would need another thread, so it fails at once when another
 * execution holds the lock, with Apps Script's message.
 */
export class FakeLock {
  constructor(
    private readonly runtime: GasRuntime,
    private readonly slot: LockSlot,
    private readonly label: string,
  ) {}

  private call(method: string): void {
    this.runtime.call('Lock', `Lock.${method}`, 'other', MODES.document, SCOPES.spreadsheet);
  }

  private acquire(): boolean {
    if (this.slot.holder === null || this.slot.holder === this.runtime.executionId) {
      this.slot.holder = this.runtime.executionId;
      return true;
    }
    return false;
  }

  tryLock(timeoutInMillis: number): boolean {
    void timeoutInMillis;
    this.call('tryLock');
    return this.acquire();
  }
  waitLock(timeoutInMillis: number): void {
    void timeoutInMillis;
    this.call('waitLock');
    if (!this.acquire()) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  hasLock(): boolean {
    this.call('hasLock');
    return this.slot.holder === this.runtime.executionId;
  }
  releaseLock(): void {
    this.call('releaseLock');
    if (this.slot.holder === this.runtime.executionId) this.slot.holder = null;
  }

  /** Test inspection: which execution holds it. */
  holder(): string | null {
    void this.label;
    return this.slot.holder;
  }
}

/** LockService: the document lock (null outside a document), the script lock and the user lock. */
export class FakeLockService {
  private readonly scriptSlot: LockSlot = { holder: null };
  private readonly documentSlots = new Map<string, LockSlot>();
  private readonly userSlots = new Map<string, LockSlot>();

  constructor(
    private readonly runtime: GasRuntime,
    private readonly documentId: () => string | null,
  ) {}

  private call(method: string): void {
    this.runtime.call('Lock', `LockService.${method}`, 'other', MODES.document, SCOPES.spreadsheet);
  }

  private slot(slots: Map<string, LockSlot>, id: string): LockSlot {
    let slot = slots.get(id);
    if (!slot) {
      slot = { holder: null };
      slots.set(id, slot);
    }
    return slot;
  }

  getDocumentLock(): FakeLock | null {
    this.call('getDocumentLock');
    const id = this.documentId();
    return id === null ? null : new FakeLock(this.runtime, this.slot(this.documentSlots, id), 'document');
  }
  getScriptLock(): FakeLock {
    this.call('getScriptLock');
    return new FakeLock(this.runtime, this.scriptSlot, 'script');
  }
  getUserLock(): FakeLock {
    this.call('getUserLock');
    return new FakeLock(this.runtime, this.slot(this.userSlots, this.runtime.userEmail), 'user');
  }

  /** Everything an execution held is released when it ends, as in Apps Script. */
  releaseAllOf(executionId: string): void {
    for (const slot of [this.scriptSlot, ...this.documentSlots.values(), ...this.userSlots.values()]) {
      if (slot.holder === executionId) slot.holder = null;
    }
  }
}
