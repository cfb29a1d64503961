import { afterEach, describe, expect, it } from 'vitest';
import { DocumentBusyError, withDocumentLock } from '../../../addon/lib/lock';
import { installGas, type GasEnvironment } from '../../support/gas';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

describe('withDocumentLock', () => {
  it('holds the document lock while working, flushes, then releases even when the work throws', () => {
    gas = installGas();
    const other = gas.otherExecution();
    expect(withDocumentLock(() => other.run(() => gas.LockService.getDocumentLock()!.tryLock(0)))).toBe(false);
    expect(() =>
      withDocumentLock(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    const methods = gas.calls.filter({ service: 'Spreadsheet' }).map((call) => call.method);
    expect(methods).toEqual(['SpreadsheetApp.flush', 'SpreadsheetApp.flush']);
    expect(gas.calls.filter({ service: 'Lock' }).map((call) => call.method).slice(-2)).toEqual(['Lock.tryLock', 'Lock.releaseLock']);
    expect(other.run(() => gas.LockService.getDocumentLock()!.tryLock(0))).toBe(true);
  });

  it('reports a busy document instead of waiting forever', () => {
    gas = installGas();
    gas.otherExecution().run(() => gas.LockService.getDocumentLock()!.waitLock(10));
    let ran = false;
    expect(() => withDocumentLock(() => (ran = true))).toThrow(DocumentBusyError);
    expect(ran).toBe(false);
  });
});
