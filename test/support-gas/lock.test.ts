import { afterEach, describe, expect, it } from 'vitest';
import { installGas, type GasEnvironment } from '../support/gas';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

describe('fake LockService', () => {
  it('gives the document lock to one execution at a time', () => {
    gas = installGas();
    const other = gas.otherExecution();
    expect(other.run(() => LockService.getDocumentLock()!.tryLock(1000))).toBe(true);
    const mine = LockService.getDocumentLock()!;
    expect(mine.tryLock(1000)).toBe(false);
    expect(() => mine.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(mine.hasLock()).toBe(false);
    other.end();
    mine.waitLock(1000);
    expect(mine.hasLock()).toBe(true);
    expect(other.run(() => LockService.getDocumentLock()!.tryLock(0))).toBe(false);
    mine.releaseLock();
    expect(other.run(() => LockService.getDocumentLock()!.tryLock(0))).toBe(true);
  });

  it('keeps document, script and user locks separate, and has no document lock outside a document', async () => {
    gas = installGas();
    const other = gas.otherExecution();
    other.run(() => LockService.getScriptLock().waitLock(10));
    expect(LockService.getDocumentLock()!.tryLock(10)).toBe(true);
    expect(LockService.getScriptLock().tryLock(10)).toBe(false);
    expect(LockService.getUserLock().tryLock(10)).toBe(true);
    await gas.uninstall();
    gas = installGas({ spreadsheet: false });
    expect(LockService.getDocumentLock()).toBeNull();
  });
});
