import { hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The master key (SHEETSHIP_MASTER_KEY, 32 bytes) never encrypts or signs anything itself. Each use gets its
 * own subkey by HKDF-SHA256, so a leak of one subkey (or a change to one use) never touches the others.
 */
export type KeyPurpose = 'api-key-hash' | 'secret-store' | 'label-link';

export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32) throw new Error('the master key must be 32 bytes, as 64 hex digits or base64');
  return bytes;
}

export function deriveKey(master: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', master, 'sheetship', `sheetship ${purpose} v1`, 32));
}

/** Reads a generated secret kept under the var directory, or creates it once (readable by the owner only). */
export function keptSecret(path: string, generate: () => string): { value: string; created: boolean } {
  if (existsSync(path)) return { value: readFileSync(path, 'utf8').trim(), created: false };
  mkdirSync(dirname(path), { recursive: true });
  const value = generate();
  writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { value, created: true };
}

export function newMasterKeyText(): string {
  return randomBytes(32).toString('hex');
}

export class MasterKeyMissingError extends Error {
  constructor() {
    super('SHEETSHIP_MASTER_KEY is required outside demo mode: set it to 32 random bytes, e.g. `openssl rand -hex 32`');
    this.name = 'MasterKeyMissingError';
  }
}

/**
 * SHEETSHIP_MASTER_KEY when set. In demo mode it is generated once and kept under the var directory, so
 * the server and the seller CLI hash keys the same way on every start.
 */
export function resolveMasterKey(configured: string | undefined, varDir: string, demo: boolean): Buffer {
  if (configured) return parseMasterKey(configured);
  if (!demo) throw new MasterKeyMissingError();
  return parseMasterKey(keptSecret(join(varDir, 'master-key'), newMasterKeyText).value);
}
