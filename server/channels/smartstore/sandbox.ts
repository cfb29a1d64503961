import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxAccount } from './sandbox-parts/account';
import { newClientSecret, SandboxAuth, type Credentials } from './sandbox-parts/auth';
import type { OptionStockOmission } from './sandbox-parts/catalog';
import { AFTER_APPLY, FaultPlan, type Endpoint, type Fault } from './sandbox-parts/faults';
import { IdSource } from './sandbox-parts/ids';
import { errorBody, ROUTES, type Reply } from './sandbox-parts/routes';

/**
 * A protocol-faithful fake of the Naver Commerce API on loopback, written from channels.md §1: the same paths
 * under `{url}` (like `https://api.commerce.naver.com/external`), the gateway's bcrypt-signed tokens, its
 * error codes and limits, paging, per-option stock and an order lifecycle, with faults under test control.
 * Several seller accounts (client ids) share one server; each sees only its own products and orders.
 */

export interface SandboxOptions {
  port?: number;
  /** The sandbox's time, shared with a test's fake clock; Date.now by default. */
  clock?: () => number;
  /** What option-stock does to options left out of a request. Default 'zero', the dangerous reading. */
  optionStockOmission?: OptionStockOmission;
  /** Accounts to create; one with generated credentials when absent. */
  accounts?: Partial<Credentials>[];
}

/** One request as the sandbox received it, for tests that check what the client sent. */
export interface SandboxRequest {
  endpoint: Endpoint;
  method: string;
  path: string;
  query: URLSearchParams;
  /** The raw query string, before any decoding. */
  rawQuery: string;
}

export interface SmartStoreSandbox {
  /** The base URL to give the client, ending in /external. */
  readonly url: string;
  readonly accounts: SandboxAccount[];
  readonly faults: FaultPlan;
  readonly auth: SandboxAuth;
  /** Every routed request, oldest first (the last 5,000). */
  readonly requests: SandboxRequest[];
  optionStockOmission: OptionStockOmission;
  /** The account of a client id, or the first one. */
  account(clientId?: string): SandboxAccount;
  addAccount(credentials?: Partial<Credentials>): SandboxAccount;
  stop(): Promise<void>;
}

const BASE_PATH = '/external';
const MAX_BODY_BYTES = 1024 * 1024;

export async function startSmartStoreSandbox(options: SandboxOptions = {}): Promise<SmartStoreSandbox> {
  const now = options.clock ?? (() => Date.now());
  const ids = new IdSource();
  const auth = new SandboxAuth(now);
  const faults = new FaultPlan();
  const accounts: SandboxAccount[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const requests: SandboxRequest[] = [];

  const addAccount = (credentials: Partial<Credentials> = {}): SandboxAccount => {
    const full: Credentials = {
      clientId: credentials.clientId ?? `sandbox-${randomBytes(6).toString('hex')}`,
      clientSecret: credentials.clientSecret ?? newClientSecret(),
    };
    if (accounts.some((account) => account.clientId === full.clientId)) throw new Error(`sandbox: client id ${full.clientId} exists`);
    const account = new SandboxAccount(full, ids, now);
    auth.register(full);
    accounts.push(account);
    return account;
  };
  for (const credentials of options.accounts ?? [{}]) addAccount(credentials);

  const sandbox: SmartStoreSandbox = {
    url: '',
    accounts,
    faults,
    auth,
    requests,
    optionStockOmission: options.optionStockOmission ?? 'zero',
    account(clientId?: string) {
      const account = clientId === undefined ? accounts[0] : accounts.find((candidate) => candidate.clientId === clientId);
      if (!account) throw new Error(`sandbox: no account ${clientId ?? '(first)'}`);
      return account;
    },
    addAccount,
    stop: async () => {},
  };

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const server = createServer((request, response) => {
    readBody(request)
      .then((raw) => handle(request, response, raw))
      .catch(() => {
        if (!response.headersSent) send(response, 400, errorBody('BadRequest', '요청 본문을 읽을 수 없습니다.', now(), traceId()));
      });
  });

  function handle(request: IncomingMessage, response: ServerResponse, raw: string): void {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const trace = traceId();
    if (!url.pathname.startsWith(`${BASE_PATH}/`)) return send(response, 404, errorBody('GW.NOT_FOUND', '경로를 찾을 수 없습니다.', now(), trace));
    const path = url.pathname.slice(BASE_PATH.length);
    const isToken = request.method === 'POST' && path === '/v1/oauth2/token';
    const route = isToken ? null : ROUTES.find((candidate) => candidate.method === request.method && candidate.pattern.test(path));
    if (!isToken && !route) return send(response, 404, errorBody('GW.NOT_FOUND', '경로를 찾을 수 없습니다.', now(), trace));
    const endpoint: Endpoint = route ? route.endpoint : 'token';
    requests.push({ endpoint, method: request.method ?? '', path, query: url.searchParams, rawQuery: (request.url ?? '').split('?')[1] ?? '' });
    if (requests.length > 5_000) requests.splice(0, requests.length - 5_000);
    const fault = faults.draw(endpoint);
    if (fault && !AFTER_APPLY.has(fault.kind)) return refuseWithFault(response, fault, trace);

    let reply: Reply;
    if (isToken) {
      reply = tokenReply(request, raw, trace);
    } else {
      const who = auth.authenticate(request.headers.authorization);
      if (!who.ok) return send(response, 401, errorBody('GW.AUTHN', who.message, now(), trace));
      const account = sandbox.account(who.clientId);
      if (account.ipBlocked) return send(response, 403, errorBody('GW.IP_NOT_ALLOWED', '허용되지 않은 IP 입니다.', now(), trace));
      let body: unknown = null;
      if (raw !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          return send(response, 400, errorBody('BadRequest', '요청 본문이 JSON 이 아닙니다.', now(), trace));
        }
      }
      const match = route?.pattern.exec(path);
      reply = route
        ? route.handle({ account, query: url.searchParams, body, params: match ? match.slice(1) : [], now: now(), traceId: trace, optionStockOmission: sandbox.optionStockOmission })
        : { status: 404, body: errorBody('GW.NOT_FOUND', '경로를 찾을 수 없습니다.', now(), trace) };
    }
    if (!fault) return send(response, reply.status, reply.body);
    if (fault.kind === 'slow') return later(fault.delayMs, () => send(response, reply.status, reply.body));
    if (fault.kind === 'malformed') {
      const text = JSON.stringify(reply.body);
      return sendRaw(response, 200, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    }
    response.socket?.destroy();
  }

  function tokenReply(request: IncomingMessage, raw: string, trace: string): Reply {
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return { status: 400, body: errorBody('BadRequest', 'application/x-www-form-urlencoded 로 요청하세요.', now(), trace) };
    }
    const form = new URLSearchParams(raw);
    const blocked = accounts.find((account) => account.clientId === form.get('client_id'))?.ipBlocked;
    if (blocked) return { status: 403, body: errorBody('GW.IP_NOT_ALLOWED', '허용되지 않은 IP 입니다.', now(), trace) };
    const result = auth.issue(form);
    if (!result.ok) return { status: result.status, body: errorBody(result.code, result.message, now(), trace, result.invalidInputs) };
    return { status: 200, body: { access_token: result.accessToken, expires_in: result.expiresIn, token_type: 'Bearer' } };
  }

  function refuseWithFault(response: ServerResponse, fault: Fault, trace: string): void {
    switch (fault.kind) {
      case 'rate_limit':
        return send(response, 429, errorBody('GW.RATE_LIMIT', '요청이 너무 많습니다.', now(), trace), { 'GNCP-GW-RateLimit-Remaining': '0' });
      case 'quota':
        return send(response, 429, errorBody('GW.QUOTA_LIMIT', '할당량을 초과했습니다.', now(), trace), {
          'GNCP-GW-Quota-Limit': '1000',
          'GNCP-GW-Quota-Remaining': '0',
          'GNCP-GW-Quota-Period': fault.quotaPeriod,
        });
      case 'server':
        return send(response, 503, errorBody('GW.INTERNAL_SERVER_ERROR', '일시적인 오류입니다.', now(), trace));
      case 'ip_not_allowed':
        return send(response, 403, errorBody('GW.IP_NOT_ALLOWED', '허용되지 않은 IP 입니다.', now(), trace));
      case 'unauthorized':
        return send(response, 401, errorBody('GW.AUTHN', '인증에 실패했습니다.', now(), trace));
      default:
        // timeout: hold the request without answering, then drop it (the client has usually given up by then).
        return later(fault.delayMs, () => response.socket?.destroy());
    }
  }

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    sendRaw(response, status, JSON.stringify(body), headers);
  }

  function sendRaw(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
    if (response.destroyed || response.headersSent) return;
    response.writeHead(status, {
      'content-type': 'application/json;charset=UTF-8',
      'GNCP-GW-Trace-ID': traceId(),
      'GNCP-GW-RateLimit-Replenish-Rate': '20',
      'GNCP-GW-RateLimit-Burst-Capacity': '20',
      date: new Date(now()).toUTCString(),
      ...headers,
    });
    response.end(text);
  }

  function traceId(): string {
    return `sandbox-${ids.next('trace')}`;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  Object.assign(sandbox, {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const account of accounts) account.stopGenerators();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
  return sandbox;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export type { CreatedProduct, DispatchRecord, GeneratorOptions, SandboxAccount } from './sandbox-parts/account';
export type { NewProduct, OptionStockOmission } from './sandbox-parts/catalog';
export type { ClaimOptions, PlacedOrder, PlaceOrderInput } from './sandbox-parts/orders';
export type { FaultKind, FaultRule, RandomFaults, Endpoint as SandboxEndpoint } from './sandbox-parts/faults';
export { FAULT_KINDS, seededRandom } from './sandbox-parts/faults';
export { SandboxError } from './sandbox-parts/model';
