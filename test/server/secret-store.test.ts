import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretDecryptError, SecretStore } from '../../server/secrets/secret-store';
import { sellerPrefix } from '../../server/store/keys';
import { openTestStore, testSellerId } from '../support/store';

const store = await openTestStore();

describe('secret store', () => {
  it('keeps only AES-256-GCM ciphertext in Redis and gives the plaintext back', async () => {
    const secrets = new SecretStore(store.pool, randomBytes(32));
    const seller = testSellerId('secret');
    const credential = JSON.stringify({ clientId: 'naver-app', clientSecret: '$2a$04$abcdefghijklmnopqrstuv' });
    await secrets.put(seller, 'smartstore:main', credential);
    const raw = await store.pool.pick().hGet(`${sellerPrefix(seller)}secrets`, 'smartstore:main');
    expect(raw).toMatch(/^v1\./);
    expect(raw).not.toContain('naver-app');
    expect(await secrets.get(seller, 'smartstore:main')).toBe(credential);
    expect(await secrets.names(seller)).toEqual(['smartstore:main']);
    // The same plaintext encrypts differently each time (a fresh IV).
    expect(secrets.encrypt(seller, 'x', 'same')).not.toBe(secrets.encrypt(seller, 'x', 'same'));
    expect(await secrets.delete(seller, 'smartstore:main')).toBe(true);
    expect(await secrets.get(seller, 'smartstore:main')).toBeNull();
  });

  it('refuses a ciphertext moved to another seller or name, altered, or read with another master key', async () => {
    const master = randomBytes(32);
    const secrets = new SecretStore(store.pool, master);
    const sealed = secrets.encrypt('seller_a', 'coupang:1', 'secret-value');
    expect(() => secrets.decrypt('seller_b', 'coupang:1', sealed)).toThrow(SecretDecryptError);
    expect(() => secrets.decrypt('seller_a', 'coupang:2', sealed)).toThrow(SecretDecryptError);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64');
    body[0] = (body[0] ?? 0) ^ 1;
    expect(() => secrets.decrypt('seller_a', 'coupang:1', [parts[0], parts[1], parts[2], body.toString('base64')].join('.'))).toThrow(SecretDecryptError);
    expect(() => new SecretStore(store.pool, randomBytes(32)).decrypt('seller_a', 'coupang:1', sealed)).toThrow(SecretDecryptError);
    expect(secrets.decrypt('seller_a', 'coupang:1', sealed)).toBe('secret-value');
  });
});
