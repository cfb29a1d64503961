import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

function configError(env: Record<string, string>, cwd?: string): string {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('has working defaults', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      redisUrl: undefined,
      localRedisPort: 6379,
      demo: 'auto',
      varDir: '/srv/app/var',
      rateLimit: { limit: 600, windowSeconds: 60, leaseMs: 1000 },
      bodyLimit: '4mb',
      shutdownTimeoutMs: 10_000,
      trustProxy: false,
      retention: { ledgerMs: 90 * 86_400_000, outboxMs: 7 * 86_400_000, piiMs: 90 * 86_400_000, intervalMs: 3_600_000 },
    });
  });

  it('reads the retention periods; 0 days of buyer data retention means never erase', () => {
    const config = loadConfig({ SHEETSHIP_LEDGER_RETENTION_DAYS: '30', SHEETSHIP_OUTBOX_RETENTION_DAYS: '2', SHEETSHIP_PII_RETENTION_DAYS: '0', SHEETSHIP_RETENTION_INTERVAL_SECONDS: '60' });
    expect(config.retention).toEqual({ ledgerMs: 30 * 86_400_000, outboxMs: 2 * 86_400_000, piiMs: null, intervalMs: 60_000 });
    expect(configError({ SHEETSHIP_LEDGER_RETENTION_DAYS: '0' })).toBe('SHEETSHIP_LEDGER_RETENTION_DAYS must be at least 1 (from environment)');
    expect(configError({ SHEETSHIP_OUTBOX_RETENTION_DAYS: 'a week' })).toBe('SHEETSHIP_OUTBOX_RETENTION_DAYS must be a whole number from 1 to 3650 (from environment)');
    expect(configError({ SHEETSHIP_PII_RETENTION_DAYS: '-1' })).toMatch(/^SHEETSHIP_PII_RETENTION_DAYS must be a whole number from 0 to 36500/);
    expect(configError({ SHEETSHIP_RETENTION_INTERVAL_SECONDS: '0' })).toMatch(/^SHEETSHIP_RETENTION_INTERVAL_SECONDS must be at least 1/);
  });

  it('stops on a bad value with one line naming the variable', () => {
    expect(configError({ PORT: 'eighty' })).toBe('PORT must be a whole number from 0 to 65535 (from environment)');
    expect(configError({ PORT: '70000' })).toMatch(/^PORT must be at most 65535/);
    expect(configError({ REDIS_URL: 'localhost:6379' })).toMatch(/^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(configError({ SHEETSHIP_ADMIN_KEY: 'short' })).toMatch(/^SHEETSHIP_ADMIN_KEY must be at least 24 characters/);
    expect(configError({ SHEETSHIP_MASTER_KEY: 'abc' })).toMatch(/^SHEETSHIP_MASTER_KEY must be 32 bytes/);
    expect(configError({ SHEETSHIP_DEMO: 'yes' })).toMatch(/^SHEETSHIP_DEMO /);
    expect(configError({ SHEETSHIP_RATE_LIMIT: '0' })).toMatch(/^SHEETSHIP_RATE_LIMIT must be at least 1/);
    expect(configError({ SHEETSHIP_BODY_LIMIT: 'lots' })).toMatch(/^SHEETSHIP_BODY_LIMIT must be a size/);
    expect(configError({ SHEETSHIP_KEY_LEASE_MS: '60001' })).toMatch(/^SHEETSHIP_KEY_LEASE_MS must be at most 60000/);
    expect(loadConfig({ SHEETSHIP_KEY_LEASE_MS: '0' }).rateLimit.leaseMs).toBe(0);
  });

  it('reads a JSON file named by SHEETSHIP_CONFIG, which the environment overrides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheetship-config-'));
    writeFileSync(join(dir, 'sheetship.json'), JSON.stringify({ PORT: 9090, HOST: '0.0.0.0', SHEETSHIP_RATE_LIMIT: 50, SHEETSHIP_TRUST_PROXY: true }));
    const config = loadConfig({ SHEETSHIP_CONFIG: 'sheetship.json', HOST: '127.0.0.2' }, dir);
    expect(config).toMatchObject({ port: 9090, host: '127.0.0.2', rateLimit: { limit: 50, windowSeconds: 60 }, trustProxy: true });

    writeFileSync(join(dir, 'typo.json'), JSON.stringify({ PROT: 1 }));
    expect(configError({ SHEETSHIP_CONFIG: 'typo.json' }, dir)).toMatch(/sets PROT, which is not a Sheetship setting/);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ PORT: 'x' }));
    expect(configError({ SHEETSHIP_CONFIG: 'bad.json' }, dir)).toBe('PORT must be a whole number from 0 to 65535 (from bad.json)');
    expect(configError({ SHEETSHIP_CONFIG: 'missing.json' }, dir)).toMatch(/^SHEETSHIP_CONFIG: cannot read .*missing\.json as JSON/);
  });
});
