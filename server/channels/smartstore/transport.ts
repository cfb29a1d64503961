import { ChannelError } from '../connector';
import { parseJsonBody, sendHttp, type FetchLike, type HttpResponse } from '../http-client';
import { GatewayErrorSchema, type GatewayError } from './wire';

/**
 * Every call to the Naver Commerce API goes through here: the Bearer token, the gateway's limits and the
 * retries (channels.md §1.7).
 *
 * - 429 GW.RATE_LIMIT: the per-second bucket is empty; back off and retry (bounded).
 * - 429 GW.QUOTA_LIMIT: the period quota is used up; that API pauses until the period resets. A short pause
 *   is waited out, a long one is raised as a 'quota' error with retryAfterMs, and calls before then fail fast.
 * - 401: refresh the token once and retry. 403 GW.IP_NOT_ALLOWED: never retried.
 * - 5xx, timeouts, lost connections, unparsable bodies: back off and retry, but only for calls that are safe to
 *   repeat. For the others (dispatch) these outcomes are ambiguous and go back to the caller, which checks the
 *   channel's state before sending again. A 429 or 401 is a refusal before anything happened, so it is
 *   retried for every call.
 */

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RetryPolicy {
  /** Tries per call, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A quota pause up to this long is waited out inside the call; a longer one is raised to the caller. */
  maxInlineWaitMs: number;
  /** Pause per GNCP-GW-Quota-Period value. Naver documents the header but not when a period resets. */
  quotaPeriodMs: Record<string, number>;
  /** Pause when the period is missing or not in quotaPeriodMs. */
  quotaFallbackMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxInlineWaitMs: 2_000,
  quotaPeriodMs: { SECONDS: 1_000 },
  quotaFallbackMs: 60_000,
};

export interface TransportOptions {
  baseUrl: string;
  fetch: FetchLike;
  clock: Clock;
  timeoutMs: number;
  retry: RetryPolicy;
  random: () => number;
}

export interface TokenSource {
  get(): Promise<string>;
  renewAfterRejection(rejected: string): Promise<string>;
}

export interface CallSpec {
  /** A short name of the API, used for quota pauses and messages. */
  api: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  /** False for calls whose repetition could act twice (dispatch): ambiguous failures are not retried. */
  repeatable: boolean;
  tokens?: TokenSource;
}

/** Kinds after which a request may or may not have been applied. */
export function isAmbiguous(error: unknown): boolean {
  return error instanceof ChannelError && (error.kind === 'timeout' || error.kind === 'server' || error.kind === 'bad_response');
}

export class Transport {
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly options: TransportOptions) {}

  async call(spec: CallSpec): Promise<unknown> {
    const { retry, clock } = this.options;
    let attempt = 0;
    let renewedToken = false;
    for (;;) {
      attempt += 1;
      await this.waitOutPause(spec.api);
      const token = spec.tokens ? await spec.tokens.get() : undefined;
      let failure: ChannelError;
      try {
        const response = await sendHttp(this.options.fetch, this.buildRequest(spec, token));
        if (response.status >= 200 && response.status < 300) return parseJsonBody(response, `${spec.api} (HTTP ${response.status})`);
        failure = this.classify(spec, response);
        if (failure.kind === 'auth' && spec.tokens && token !== undefined && !renewedToken && response.status === 401) {
          renewedToken = true;
          await spec.tokens.renewAfterRejection(token);
          attempt -= 1;
          continue;
        }
      } catch (error) {
        if (!(error instanceof ChannelError)) throw error;
        failure = error;
      }
      if (!this.retryable(spec, failure) || attempt >= retry.maxAttempts) throw failure;
      if (failure.kind === 'quota') {
        const wait = Math.max(0, (this.pausedUntil.get(spec.api) ?? 0) - clock.now());
        if (wait > retry.maxInlineWaitMs) throw failure;
        continue;
      }
      await clock.sleep(Math.max(failure.retryAfterMs ?? 0, this.backoffMs(attempt)));
    }
  }

  private retryable(spec: CallSpec, failure: ChannelError): boolean {
    switch (failure.kind) {
      case 'rate_limit':
      case 'quota':
        return true;
      case 'server':
      case 'timeout':
      case 'bad_response':
        return spec.repeatable;
      default:
        return false;
    }
  }

  private backoffMs(attempt: number): number {
    const { baseDelayMs, maxDelayMs } = this.options.retry;
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling * (0.5 + this.options.random() / 2));
  }

  /** Fails fast while a quota pause for this API is running, unless it ends soon enough to wait. */
  private async waitOutPause(api: string): Promise<void> {
    const until = this.pausedUntil.get(api);
    if (until === undefined) return;
    const wait = until - this.options.clock.now();
    if (wait <= 0) {
      this.pausedUntil.delete(api);
      return;
    }
    if (wait > this.options.retry.maxInlineWaitMs) throw new ChannelError('quota', `${api}: paused by GW.QUOTA_LIMIT for another ${wait} ms`, wait, 'GW.QUOTA_LIMIT');
    await this.options.clock.sleep(wait);
    this.pausedUntil.delete(api);
  }

  private buildRequest(spec: CallSpec, token: string | undefined) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (spec.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(spec.form).toString();
    } else if (spec.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(spec.json);
    }
    return { method: spec.method, url: this.url(spec.path, spec.query), headers, ...(body === undefined ? {} : { body }), timeoutMs: this.options.timeoutMs };
  }

  /** URLSearchParams writes '+' as %2B, which Naver needs for the +09:00 offset (a bare '+' reads as a space). */
  private url(path: string, query: CallSpec['query']): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) params.append(name, value);
    const search = params.toString();
    return `${this.options.baseUrl.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
  }

  private classify(spec: CallSpec, response: HttpResponse): ChannelError {
    const body = readGatewayError(response);
    const code = body.code ?? `HTTP_${response.status}`;
    const text = `${spec.api}: HTTP ${response.status} ${describeGatewayError(body)}`;
    if (response.status === 429) {
      if (code === 'GW.QUOTA_LIMIT') {
        const pause = this.quotaPauseMs(response.headers);
        this.pausedUntil.set(spec.api, this.options.clock.now() + pause);
        return new ChannelError('quota', text, pause, code);
      }
      return new ChannelError('rate_limit', text, replenishWaitMs(response.headers), code);
    }
    if (response.status === 401) return new ChannelError('auth', text, undefined, code);
    if (response.status === 403 && code === 'GW.IP_NOT_ALLOWED') return new ChannelError('ip_not_allowed', text, undefined, code);
    if (response.status >= 500) return new ChannelError('server', text, undefined, code);
    return new ChannelError('rejected', text, undefined, code);
  }

  private quotaPauseMs(headers: Headers): number {
    const retryAfter = Number(headers.get('retry-after'));
    if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
    const period = headers.get('gncp-gw-quota-period')?.trim().toUpperCase();
    return (period ? this.options.retry.quotaPeriodMs[period] : undefined) ?? this.options.retry.quotaFallbackMs;
  }
}

function readGatewayError(response: HttpResponse): GatewayError {
  try {
    const parsed = GatewayErrorSchema.safeParse(JSON.parse(response.text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** `GW.AUTHN: message [productOrderIds: size must be ≤ 30] (trace t-1)` */
export function describeGatewayError(body: GatewayError): string {
  const inputs = (body.invalidInputs ?? []).map((input) => `${input.name ?? '?'}: ${input.message ?? input.type ?? 'invalid'}`);
  return [
    `${body.code ?? 'no code'}: ${body.message ?? 'no message'}`,
    inputs.length > 0 ? `[${inputs.join('; ')}]` : '',
    body.traceId ? `(trace ${body.traceId})` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** One token's worth of time at the replenish rate, when the gateway says what the rate is. */
function replenishWaitMs(headers: Headers): number | undefined {
  const rate = Number(headers.get('gncp-gw-ratelimit-replenish-rate'));
  return Number.isFinite(rate) && rate > 0 ? Math.ceil(1000 / rate) : undefined;
}
