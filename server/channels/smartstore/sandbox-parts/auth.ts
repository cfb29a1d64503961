import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hashSync } from 'bcryptjs';

/**
 * The gateway's token endpoint, as channels.md §1.1 describes it:
 *
 * - `client_secret_sign` must be base64(bcrypt(`{client_id}_{timestamp}`, salt = client secret)); it is
 *   recomputed with the account's secret, so a hash made with any other salt fails.
 * - The timestamp (ms) is valid for 5 minutes and may not lie in the gateway's future.
 * - A token lives 3 hours; asking again with ≥ 30 minutes left returns the same token, otherwise a new one,
 *   while the old one stays valid until it expires. One token per (client, type, account_id).
 */

export const TOKEN_LIFETIME_MS = 3 * 60 * 60 * 1000;
export const SAME_TOKEN_WHILE_MS = 30 * 60 * 1000;
export const TIMESTAMP_WINDOW_MS = 5 * 60 * 1000;

export interface Credentials {
  clientId: string;
  clientSecret: string;
}

interface IssuedToken {
  token: string;
  clientId: string;
  expiresAt: number;
}

export type TokenRequestResult =
  | { ok: true; accessToken: string; expiresIn: number }
  | { ok: false; status: number; code: string; message: string; invalidInputs?: { name: string; type: string; message: string }[] };

/** A bcrypt salt like Naver's client secrets (`$2a$04$` + 22 characters of bcrypt's base64). */
export function newClientSecret(): string {
  const alphabet = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(22);
  let body = '';
  for (const byte of bytes) body += alphabet[byte % 64];
  // bcrypt reads only 2 bits of the last salt character; keep it canonical so hashes echo it unchanged.
  return `$2a$04$${body.slice(0, 21)}${'.Oeu'[(bytes[21] ?? 0) % 4]}`;
}

export class SandboxAuth {
  private readonly secrets = new Map<string, string>();
  private readonly current = new Map<string, IssuedToken>();
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly now: () => number) {}

  register(credentials: Credentials): void {
    this.secrets.set(credentials.clientId, credentials.clientSecret);
  }

  issue(form: URLSearchParams): TokenRequestResult {
    const missing = ['client_id', 'timestamp', 'grant_type', 'client_secret_sign', 'type'].filter((name) => !form.get(name));
    if (form.get('type') === 'SELLER' && !form.get('account_id')) missing.push('account_id');
    if (missing.length > 0) {
      return { ok: false, status: 400, code: 'BadRequest', message: '필수 파라미터가 누락되었습니다.', invalidInputs: missing.map((name) => ({ name, type: 'NotBlank', message: '필수 값입니다.' })) };
    }
    const clientId = form.get('client_id') ?? '';
    const type = form.get('type') ?? '';
    if (form.get('grant_type') !== 'client_credentials') return invalid('grant_type', 'client_credentials 만 지원합니다.');
    if (type !== 'SELF' && type !== 'SELLER') return invalid('type', 'SELF 또는 SELLER 여야 합니다.');
    const timestamp = Number(form.get('timestamp'));
    if (!/^\d{13}$/.test(form.get('timestamp') ?? '')) return invalid('timestamp', '밀리초 단위 Unix 시간이어야 합니다.');
    const secret = this.secrets.get(clientId);
    if (!secret) return authn('등록되지 않은 client_id 입니다.');
    const now = this.now();
    if (timestamp > now) return authn('timestamp 가 미래 시각입니다.');
    if (now - timestamp > TIMESTAMP_WINDOW_MS) return authn('timestamp 가 만료되었습니다. (5분)');
    if (!signatureMatches(clientId, secret, timestamp, form.get('client_secret_sign') ?? '')) return authn('client_secret_sign 이 올바르지 않습니다.');

    const key = `${clientId}|${type}|${form.get('account_id') ?? ''}`;
    const existing = this.current.get(key);
    if (existing && existing.expiresAt - now >= SAME_TOKEN_WHILE_MS) {
      return { ok: true, accessToken: existing.token, expiresIn: Math.floor((existing.expiresAt - now) / 1000) };
    }
    const issued: IssuedToken = { token: randomBytes(24).toString('base64url'), clientId, expiresAt: now + TOKEN_LIFETIME_MS };
    this.current.set(key, issued);
    this.tokens.set(issued.token, issued);
    return { ok: true, accessToken: issued.token, expiresIn: TOKEN_LIFETIME_MS / 1000 };
  }

  /** The client id a Bearer header authenticates, or why not. */
  authenticate(authorization: string | undefined): { ok: true; clientId: string } | { ok: false; message: string } {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    if (!match?.[1]) return { ok: false, message: 'Authorization 헤더에 Bearer 토큰이 없습니다.' };
    const issued = this.tokens.get(match[1]);
    if (!issued) return { ok: false, message: '유효하지 않은 토큰입니다.' };
    if (issued.expiresAt <= this.now()) return { ok: false, message: '만료된 토큰입니다.' };
    return { ok: true, clientId: issued.clientId };
  }

  /** Test control: every token of the client (or of all clients) expires now. */
  expireTokens(clientId?: string): void {
    const now = this.now();
    for (const issued of this.tokens.values()) if (clientId === undefined || issued.clientId === clientId) issued.expiresAt = Math.min(issued.expiresAt, now);
  }

  tokenCount(clientId: string): number {
    return [...this.tokens.values()].filter((issued) => issued.clientId === clientId).length;
  }
}

function signatureMatches(clientId: string, secret: string, timestamp: number, sign: string): boolean {
  let expected: Buffer;
  try {
    expected = Buffer.from(Buffer.from(hashSync(`${clientId}_${timestamp}`, secret), 'utf8').toString('base64'), 'utf8');
  } catch {
    return false;
  }
  const given = Buffer.from(sign, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function invalid(name: string, message: string): TokenRequestResult {
  return { ok: false, status: 400, code: 'BadRequest', message: '요청 파라미터가 유효하지 않습니다.', invalidInputs: [{ name, type: 'Invalid', message }] };
}

function authn(message: string): TokenRequestResult {
  return { ok: false, status: 401, code: 'GW.AUTHN', message };
}
