import { afterEach, describe, expect, it } from 'vitest';
import { installGas, type GasEnvironment } from '../support/gas';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

describe('fake Utilities, Session and Logger', () => {
  it('formats dates in any time zone with Java patterns', () => {
    gas = installGas();
    const instant = new Date('2024-12-31T15:04:05.007Z');
    expect(Utilities.formatDate(instant, 'Asia/Seoul', 'yyyy-MM-dd HH:mm')).toBe('2025-01-01 00:04');
    expect(Utilities.formatDate(instant, 'America/New_York', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2024-12-31T10:04:05.007-05:00');
    expect(Utilities.formatDate(instant, 'UTC', 'yy/M/d h:mm a EEE Z')).toBe('24/12/31 3:04 PM Tue +0000');
  });

  it('sleeps by blocking, and computes digests and base64 like Apps Script (signed bytes)', () => {
    gas = installGas();
    const started = Date.now();
    Utilities.sleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
    expect(digest).toHaveLength(32);
    expect(digest.some((byte) => byte < 0)).toBe(true);
    expect(Utilities.base64Encode('송장')).toBe(Buffer.from('송장').toString('base64'));
  });

  it('tells who the user is and keeps the log', () => {
    gas = installGas({ userEmail: 'packer@example.com' });
    expect(Session.getActiveUser().getEmail()).toBe('packer@example.com');
    expect(Session.getScriptTimeZone()).toBe('Asia/Seoul');
    Logger.log('refreshed %s rows', 12);
    expect(gas.Logger.getLog()).toBe('refreshed 12 rows');
  });
});
