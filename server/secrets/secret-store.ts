import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { sellerPrefix } from '../store/keys';
import type { RedisPool } from '../store/redis';
import { deriveKey } from './master-key';

const VERSION = 'v1';
const IV_BYTES = 12;

export class SecretDecryptError extends Error {
  constructor(
    readonly sellerId: string,
    readonly secretName: string,
  ) {
    super(`secret ${secretName} of seller ${sellerId} cannot be decrypted (wrong master key, or the value was altered)`);
    this.name = 'SecretDecryptError';
  }
}

/**
 * Channel credentials and other secrets of a seller, encrypted at rest in the seller's Redis hash tag with
 * AES-256-GCM. The seller id and the secret's name are bound in as associated data, so a ciphertext copied
 * to another seller or another name fails to decrypt instead of leaking.
 */
export class SecretStore {
  private readonly key: Buffer;

  constructor(
    private readonly pool: RedisPool,
    master: Buffer,
  ) {
    this.key = deriveKey(master, 'secret-store');
  }

  private hashKey(sellerId: string): string {
    return `${sellerPrefix(sellerId)}secrets`;
  }

  encrypt(sellerId: string, name: string, plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(`${sellerId}\u0000${name}`));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  decrypt(sellerId: string, name: string, stored: string): string {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new SecretDecryptError(sellerId, name);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      decipher.setAAD(Buffer.from(`${sellerId}\u0000${name}`));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretDecryptError(sellerId, name);
    }
  }

  async put(sellerId: string, name: string, plaintext: string): Promise<void> {
    await this.pool.pick().hSet(this.hashKey(sellerId), name, this.encrypt(sellerId, name, plaintext));
  }

  async get(sellerId: string, name: string): Promise<string | null> {
    const stored = await this.pool.pick().hGet(this.hashKey(sellerId), name);
    return stored ? this.decrypt(sellerId, name, stored) : null;
  }

  async delete(sellerId: string, name: string): Promise<boolean> {
    return (await this.pool.pick().hDel(this.hashKey(sellerId), name)) > 0;
  }

  async names(sellerId: string): Promise<string[]> {
    return (await this.pool.pick().hKeys(this.hashKey(sellerId))).sort();
  }
}
