import { createHash, createHmac, randomUUID } from 'node:crypto';
import { MODES, SCOPES, type GasRuntime } from './runtime';
import { formatDatePattern } from './time';

export const DigestAlgorithm = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' } as const;
export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

/** Apps Script byte arrays are signed (Java bytes). */
function signedBytes(buffer: Buffer): number[] {
  return [...buffer].map((byte) => (byte > 127 ? byte - 256 : byte));
}

function toBuffer(value: string | readonly number[]): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value.map((byte) => byte & 0xff));
}

export class FakeUtilities {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;

  constructor(private readonly runtime: GasRuntime) {}

  private call(method: string): void {
    this.runtime.call('Utilities', `Utilities.${method}`, 'other', MODES.any, SCOPES.spreadsheet);
  }

  /** Java SimpleDateFormat patterns in any IANA time zone. */
  formatDate(date: Date, timeZone: string, format: string): string {
    this.call('formatDate');
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
    return formatDatePattern(date, timeZone, format);
  }
  /** Blocks the thread, like Apps Script; at most 5 minutes there too. */
  sleep(milliseconds: number): void {
    this.call('sleep');
    if (milliseconds > 300_000) throw new Error('Invalid argument: milliseconds');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, milliseconds));
  }
  getUuid(): string {
    this.call('getUuid');
    return randomUUID();
  }
  base64Encode(data: string | readonly number[]): string {
    this.call('base64Encode');
    return toBuffer(data).toString('base64');
  }
  base64EncodeWebSafe(data: string | readonly number[]): string {
    this.call('base64EncodeWebSafe');
    return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    this.call('base64Decode');
    return signedBytes(Buffer.from(encoded, 'base64'));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    this.call('base64DecodeWebSafe');
    return signedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  computeDigest(algorithm: string, value: string | readonly number[]): number[] {
    this.call('computeDigest');
    return signedBytes(createHash(algorithm).update(toBuffer(value)).digest());
  }
  computeHmacSha256Signature(value: string | readonly number[], key: string | readonly number[]): number[] {
    this.call('computeHmacSha256Signature');
    return signedBytes(createHmac('sha256', toBuffer(key)).update(toBuffer(value)).digest());
  }
}

export class FakeSession {
  constructor(private readonly runtime: GasRuntime) {}

  private call(method: string): void {
    this.runtime.call('Session', `Session.${method}`, 'other', MODES.any, SCOPES.spreadsheet);
  }

  getActiveUser(): { getEmail(): string } {
    this.call('getActiveUser');
    const email = this.runtime.userEmail;
    return { getEmail: () => email };
  }
  getEffectiveUser(): { getEmail(): string } {
    this.call('getEffectiveUser');
    const email = this.runtime.userEmail;
    return { getEmail: () => email };
  }
  getScriptTimeZone(): string {
    this.call('getScriptTimeZone');
    return this.runtime.timeZone;
  }
  getActiveUserLocale(): string {
    this.call('getActiveUserLocale');
    return this.runtime.locale;
  }
  getTemporaryActiveUserKey(): string {
    this.call('getTemporaryActiveUserKey');
    return createHash('sha256').update(this.runtime.userEmail).digest('base64url').slice(0, 24);
  }
}

/** Logger keeps what was logged, for assertions; `%s` placeholders are filled like Apps Script's. */
export class FakeLogger {
  private lines: string[] = [];

  constructor(private readonly runtime: GasRuntime) {}

  log(format: unknown, ...values: unknown[]): this {
    this.runtime.call('Logger', 'Logger.log', 'other', MODES.any, SCOPES.spreadsheet);
    let index = 0;
    const text = typeof format === 'string' && values.length > 0 ? format.replace(/%s/g, () => String(values[index++])) : String(format);
    this.lines.push(text);
    return this;
  }
  getLog(): string {
    return this.lines.join('\n');
  }
  clear(): void {
    this.lines = [];
  }
}
