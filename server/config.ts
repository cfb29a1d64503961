import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes from the environment, plus an optional JSON file named by SHEETSHIP_CONFIG whose keys
 * are the same variable names (the environment wins). Everything is parsed here, once.
 */

const flag = z.enum(['0', '1']);
const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const ConfigSource = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer(0, 65535).default(8080),
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL').optional(),
  /** Where npm start looks for a Redis already running on 127.0.0.1 before starting its own. */
  SHEETSHIP_LOCAL_REDIS_PORT: integer(1, 65535).default(6379),
  /** node-redis pipelines everything on one connection; more only help a saturated socket. */
  SHEETSHIP_REDIS_CONNECTIONS: integer(1, 64).default(1),
  SHEETSHIP_ADMIN_KEY: z.string().min(24, 'must be at least 24 characters').regex(/^\S+$/, 'must have no spaces').optional(),
  SHEETSHIP_MASTER_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, 'must be 32 bytes as 64 hex digits or base64')
    .optional(),
  /** 1: demo mode; 0: never; unset: demo mode while no real channel account exists. */
  SHEETSHIP_DEMO: flag.optional(),
  SHEETSHIP_VAR_DIR: z.string().min(1).default('./var'),
  /** Requests per key per window; bursts may use the whole window's allowance at once. */
  SHEETSHIP_RATE_LIMIT: integer(1, 1_000_000_000).default(600),
  SHEETSHIP_RATE_WINDOW_SECONDS: integer(1, 86_400).default(60),
  /** How long an instance spends a leased slice of a busy key's allowance, and trusts the key's record; 0: never. */
  SHEETSHIP_KEY_LEASE_MS: integer(0, 60_000).default(1000),
  SHEETSHIP_BODY_LIMIT: z
    .string()
    .regex(/^[0-9]+(b|kb|mb)$/i, 'must be a size such as 512kb or 4mb')
    .default('4mb'),
  SHEETSHIP_SHUTDOWN_TIMEOUT_SECONDS: integer(1, 600).default(10),
  /** 1 behind a reverse proxy: client addresses are read from X-Forwarded-For. */
  SHEETSHIP_TRUST_PROXY: flag.default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** CJ대한통운 DX API host; unset: production (https://dxapi.cjlogistics.com:5052). */
  SHEETSHIP_CJ_URL: z.string().regex(/^https?:\/\/\S+$/, 'must be an http or https URL').optional(),
  /** A CJ issuance's lease: longer than one CJ call; a crashed server's issuances are settled after it. */
  SHEETSHIP_ISSUE_LEASE_SECONDS: integer(1, 3600).default(60),
  /** How long a labels link opens the PDF. */
  SHEETSHIP_LABEL_LINK_SECONDS: integer(30, 86_400).default(600),
  /** How often time-based alerts are derived and abandoned CJ issuances settled. */
  SHEETSHIP_UPKEEP_SECONDS: integer(1, 3600).default(60),
  /** How often waybill voids owed to the carrier (cancelled orders, retries) are worked off. */
  SHEETSHIP_VOID_SECONDS: integer(1, 3600).default(5),
  /** Test-only: pause between CJ's RegBook answer and saving it, so a test can kill the server in between. */
  SHEETSHIP_TEST_CJ_SAVE_DELAY_MS: integer(0, 600_000).default(0),
  /** 0: this instance runs no sync workers (pollers, stock push, tracking dispatch), only the API. */
  SHEETSHIP_SYNC: flag.default('1'),
  /** Seconds between polls of a caught-up channel account; unset: 10, or 1 in demo mode. */
  SHEETSHIP_POLL_INTERVAL_SECONDS: integer(1, 3600).optional(),
  /** A poller's lease; another instance takes over this long after a holder died. */
  SHEETSHIP_SYNC_LEASE_SECONDS: integer(2, 600).default(30),
  /** Demo mode: seconds between generated orders on each sandbox account. */
  SHEETSHIP_DEMO_ORDER_SECONDS: integer(1, 3600).default(4),
  /** Ledger entries older than this are folded into per-SKU sums (the counters stay explained). */
  SHEETSHIP_LEDGER_RETENTION_DAYS: integer(1, 36_500).default(90),
  /** Outbox entries older than this are dropped, except work a consumer group has not finished. */
  SHEETSHIP_OUTBOX_RETENTION_DAYS: integer(1, 3650).default(7),
  /** Buyer data of orders shipped, delivered, returned or cancelled longer ago than this is erased; 0: never. */
  SHEETSHIP_PII_RETENTION_DAYS: integer(0, 36_500).default(90),
  /** How often retention runs (±10%). */
  SHEETSHIP_RETENTION_INTERVAL_SECONDS: integer(1, 86_400).default(3600),
});

export interface Config {
  host: string;
  port: number;
  redisUrl: string | undefined;
  localRedisPort: number;
  redisConnections: number;
  adminKey: string | undefined;
  masterKey: string | undefined;
  demo: 'on' | 'off' | 'auto';
  varDir: string;
  rateLimit: { limit: number; windowSeconds: number; leaseMs: number };
  bodyLimit: string;
  shutdownTimeoutMs: number;
  trustProxy: boolean;
  logLevel: z.infer<typeof ConfigSource>['LOG_LEVEL'];
  shipping: { cjUrl: string | undefined; issueLeaseMs: number; labelLinkMs: number; upkeepIntervalMs: number; voidIntervalMs: number; cjSaveDelayMs: number };
  sync: { enabled: boolean; pollIntervalMs: number | undefined; leaseMs: number };
  demoOrderIntervalMs: number;
  /** piiMs null: never erase. */
  retention: { ledgerMs: number; outboxMs: number; piiMs: number | null; intervalMs: number };
}

const DAY_MS = 24 * 3_600_000;

/** Start-up stops on this with its one line. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const KNOWN = new Set(Object.keys(ConfigSource.shape));

function readFile(path: string): Record<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`SHEETSHIP_CONFIG: cannot read ${path} as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).safeParse(raw);
  if (!parsed.success) throw new ConfigError(`SHEETSHIP_CONFIG: ${path} must be a JSON object of variable names to strings or numbers`);
  const unknown = Object.keys(parsed.data).find((name) => !KNOWN.has(name));
  if (unknown) throw new ConfigError(`SHEETSHIP_CONFIG: ${path} sets ${unknown}, which is not a Sheetship setting`);
  return Object.fromEntries(Object.entries(parsed.data).map(([name, value]) => [name, typeof value === 'boolean' ? (value ? '1' : '0') : String(value)]));
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): Config {
  const file = env.SHEETSHIP_CONFIG ? readFile(resolve(cwd, env.SHEETSHIP_CONFIG)) : {};
  const fromEnv = Object.fromEntries([...KNOWN].flatMap((name) => (env[name] !== undefined && env[name] !== '' ? [[name, env[name]]] : [])));
  const merged: Record<string, string> = { ...file, ...fromEnv };
  const result = ConfigSource.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? 'config');
    const where = name in fromEnv ? 'environment' : env.SHEETSHIP_CONFIG ? env.SHEETSHIP_CONFIG : 'defaults';
    throw new ConfigError(`${name} ${issue?.message ?? 'is invalid'} (from ${where})`);
  }
  const c = result.data;
  return {
    host: c.HOST,
    port: c.PORT,
    redisUrl: c.REDIS_URL,
    localRedisPort: c.SHEETSHIP_LOCAL_REDIS_PORT,
    redisConnections: c.SHEETSHIP_REDIS_CONNECTIONS,
    adminKey: c.SHEETSHIP_ADMIN_KEY,
    masterKey: c.SHEETSHIP_MASTER_KEY,
    demo: c.SHEETSHIP_DEMO === '1' ? 'on' : c.SHEETSHIP_DEMO === '0' ? 'off' : 'auto',
    varDir: resolve(cwd, c.SHEETSHIP_VAR_DIR),
    rateLimit: { limit: c.SHEETSHIP_RATE_LIMIT, windowSeconds: c.SHEETSHIP_RATE_WINDOW_SECONDS, leaseMs: c.SHEETSHIP_KEY_LEASE_MS },
    bodyLimit: c.SHEETSHIP_BODY_LIMIT.toLowerCase(),
    shutdownTimeoutMs: c.SHEETSHIP_SHUTDOWN_TIMEOUT_SECONDS * 1000,
    trustProxy: c.SHEETSHIP_TRUST_PROXY === '1',
    logLevel: c.LOG_LEVEL,
    shipping: {
      cjUrl: c.SHEETSHIP_CJ_URL,
      issueLeaseMs: c.SHEETSHIP_ISSUE_LEASE_SECONDS * 1000,
      labelLinkMs: c.SHEETSHIP_LABEL_LINK_SECONDS * 1000,
      upkeepIntervalMs: c.SHEETSHIP_UPKEEP_SECONDS * 1000,
      voidIntervalMs: c.SHEETSHIP_VOID_SECONDS * 1000,
      cjSaveDelayMs: c.SHEETSHIP_TEST_CJ_SAVE_DELAY_MS,
    },
    sync: {
      enabled: c.SHEETSHIP_SYNC === '1',
      pollIntervalMs: c.SHEETSHIP_POLL_INTERVAL_SECONDS === undefined ? undefined : c.SHEETSHIP_POLL_INTERVAL_SECONDS * 1000,
      leaseMs: c.SHEETSHIP_SYNC_LEASE_SECONDS * 1000,
    },
    demoOrderIntervalMs: c.SHEETSHIP_DEMO_ORDER_SECONDS * 1000,
    retention: {
      ledgerMs: c.SHEETSHIP_LEDGER_RETENTION_DAYS * DAY_MS,
      outboxMs: c.SHEETSHIP_OUTBOX_RETENTION_DAYS * DAY_MS,
      piiMs: c.SHEETSHIP_PII_RETENTION_DAYS === 0 ? null : c.SHEETSHIP_PII_RETENTION_DAYS * DAY_MS,
      intervalMs: c.SHEETSHIP_RETENTION_INTERVAL_SECONDS * 1000,
    },
  };
}
