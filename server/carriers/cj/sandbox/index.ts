import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CJ_API_KEY_HEADER, CJ_ENDPOINTS, type CjEndpoint } from '../spec';
import { FaultQueue, type CjFault } from './faults';
import { CjSandboxState, type BookingRow, type CjSandboxStateOptions, type SandboxReply } from './state';

export type { CjFault, CjFaultKind } from './faults';
export type { BookingRow } from './state';

/**
 * A loopback fake of CJ's DX API, written from carriers.md §2.2: the `{"DATA": …}` wrapper, the token in both
 * the header and the body, 24 h tokens that come back unchanged when asked for again early, a block on token
 * bursts, refinement codes, one number per ReqInvcNo, bookings keyed by CJ's composite key (duplicates fail with
 * ORA-00001; a cancel is a second row), and no cancel after pickup. Tests steer it through `control` and read it
 * through `state`.
 */
export interface CjSandboxOptions extends Partial<CjSandboxStateOptions> {
  port?: number;
  /** Serve the endpoints under this prefix (the client's `pathPrefix`); default root. */
  pathPrefix?: string;
}

export interface CjRequestRecord {
  endpoint: CjEndpoint;
  headerToken: string | undefined;
  data: Record<string, unknown> | null;
  status: number | null;
  resultCode: string | null;
  fault: CjFault['kind'] | null;
}

export interface CjSandbox {
  url: string;
  stop(): Promise<void>;
  control: {
    addCustomer(customerId: string, businessNumber: string): void;
    addUndeliverable(fragment: string): void;
    addUnparseable(fragment: string): void;
    addDelayProne(fragment: string): void;
    expireContract(customerId: string): void;
    /** Moves the sandbox clock (token expiry, burst spacing) forward. */
    advanceTime(ms: number): void;
    /** Invalidates every token issued so far. */
    revokeTokens(): void;
    /** The driver scanned the parcel: its booking can no longer be cancelled. Returns how many bookings matched. */
    markPickedUp(match: { invoiceNo?: string; custUseNo?: string }): number;
    setMaxUnusedInvoices(limit: number): void;
    inject(fault: CjFault): void;
    clearFaults(): void;
  };
  state: {
    now(): number;
    requests(endpoint?: CjEndpoint): CjRequestRecord[];
    tokenRequests(): number;
    issuedInvoices(): string[];
    unusedInvoices(): number;
    liveBookings(): BookingRow[];
    liveBookingCount(invoiceNo: string): number;
    bookingRows(): BookingRow[];
    pendingFaults(): number;
  };
}

/** The customer a sandbox started without `customers` knows (demo mode seeds the demo seller's contract with it). */
export const CJ_SANDBOX_DEFAULT_CUSTOMER = { customerId: '30586154', businessNumber: '1234567890' };
const DEFAULT_CUSTOMERS = [CJ_SANDBOX_DEFAULT_CUSTOMER];
const MAX_BODY_BYTES = 1_000_000;
const ENDPOINTS = new Set<string>(Object.values(CJ_ENDPOINTS));

function send(response: ServerResponse, result: SandboxReply): void {
  response.writeHead(result.status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(result.body));
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const envelope = (status: number, detail: string): SandboxReply => ({ status, body: { RESULT_CD: 'E', RESULT_DETAIL: detail } });

/** The `DATA` object of a request body, or the refusal CJ gives for a body without one. */
function unwrap(raw: string): { data: Record<string, unknown> } | { refusal: SandboxReply } {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { refusal: envelope(400, '요청 본문이 올바른 JSON이 아닙니다.') };
  }
  const data = body !== null && typeof body === 'object' ? (body as { DATA?: unknown }).DATA : undefined;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { refusal: envelope(400, 'DATA 항목이 없습니다. 요청은 {"DATA": {...}} 형식이어야 합니다.') };
  }
  return { data: data as Record<string, unknown> };
}

export async function startCjSandbox(options: CjSandboxOptions = {}): Promise<CjSandbox> {
  const state = new CjSandboxState({ ...options, customers: options.customers ?? DEFAULT_CUSTOMERS });
  const faults = new FaultQueue();
  const log: CjRequestRecord[] = [];
  const prefix = (options.pathPrefix ?? '').replace(/^\/*/, '/').replace(/\/+$/, '');

  function handle(endpoint: CjEndpoint, headerToken: string | undefined, data: Record<string, unknown>): SandboxReply {
    if (endpoint === CJ_ENDPOINTS.token) return state.issueToken(data);
    const auth = state.authorize(headerToken, data);
    if ('status' in auth) return auth;
    switch (endpoint) {
      case CJ_ENDPOINTS.refine:
        return state.refine(auth.customerId, data);
      case CJ_ENDPOINTS.invoice:
        return state.issueInvoice(data);
      case CJ_ENDPOINTS.book:
        return state.book(data);
      case CJ_ENDPOINTS.cancel:
        return state.cancel(data);
    }
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const name = prefix === '/' ? path.slice(1) : path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : '';
    if (!ENDPOINTS.has(name)) return send(response, envelope(404, `알 수 없는 API입니다: ${path}`));
    const endpoint = name as CjEndpoint;
    if (request.method !== 'POST') return send(response, envelope(405, 'POST만 허용됩니다.'));
    const header = request.headers[CJ_API_KEY_HEADER.toLowerCase()];
    const headerToken = Array.isArray(header) ? header[0] : header;
    const record: CjRequestRecord = { endpoint, headerToken, data: null, status: null, resultCode: null, fault: null };
    log.push(record);
    const raw = await readBody(request);
    if (raw === null) return send(response, envelope(413, '요청 본문이 너무 큽니다.'));
    const fault = faults.take(endpoint);
    record.fault = fault?.kind ?? null;
    if (fault?.kind === 'timeout') return; // Never answered; stop() closes the socket.
    if (fault?.kind === 'http5xx') return send(response, envelope(fault.status ?? 503, 'Service Unavailable'));
    if (fault?.kind === 'malformed') {
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end('{"RESULT_CD": "S", "DATA": {"INVC');
      return;
    }
    if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 1_000);
    if (!(request.headers['content-type'] ?? '').includes('application/json')) {
      return send(response, envelope(400, 'Content-Type은 application/json이어야 합니다.'));
    }
    const unwrapped = unwrap(raw);
    if ('refusal' in unwrapped) return send(response, unwrapped.refusal);
    record.data = unwrapped.data;
    const result = handle(endpoint, headerToken, unwrapped.data);
    record.status = result.status;
    record.resultCode = result.body.RESULT_CD;
    if (fault?.kind === 'appliedThenLost') {
      request.socket.destroy();
      return;
    }
    send(response, result);
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, envelope(500, `sandbox error: ${String(error)}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    control: {
      addCustomer: (customerId, businessNumber) => void state.customers.set(customerId, businessNumber),
      addUndeliverable: (fragment) => void state.rules.undeliverable.push(fragment),
      addUnparseable: (fragment) => void state.rules.unparseable.push(fragment),
      addDelayProne: (fragment) => void state.rules.delayProne.push(fragment),
      expireContract: (customerId) => void state.expiredContracts.add(customerId),
      advanceTime: (ms) => state.advance(ms),
      revokeTokens: () => state.revokeTokens(),
      markPickedUp: (match) => state.markPickedUp(match),
      setMaxUnusedInvoices: (limit) => {
        state.maxUnusedInvoices = limit;
      },
      inject: (fault) => faults.push(fault),
      clearFaults: () => faults.clear(),
    },
    state: {
      now: () => state.now(),
      requests: (endpoint) => log.filter((entry) => endpoint === undefined || entry.endpoint === endpoint),
      tokenRequests: () => log.filter((entry) => entry.endpoint === CJ_ENDPOINTS.token).length,
      issuedInvoices: () => [...state.invoices],
      unusedInvoices: () => state.unusedInvoices(),
      liveBookings: () => state.liveBookings(),
      liveBookingCount: (invoiceNo) => state.liveBookings().filter((row) => row.booking.INVC_NO === invoiceNo).length,
      bookingRows: () => state.bookingRows(),
      pendingFaults: () => faults.pending,
    },
  };
}
