import { randomUUID } from 'node:crypto';
import type { AppContext, AppDeps, AppMiddleware } from '../context';
import { errorDetail, HttpError, toHttpError } from '../errors';
import { languageOf } from '../language';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function routeOf(ctx: AppContext): string {
  const matched = ctx._matchedRoute;
  return typeof matched === 'string' ? matched : 'unmatched';
}

/** An empty answer the router left (no route, wrong method) becomes a JSON error like every other. */
function unanswered(ctx: AppContext): HttpError | null {
  if (ctx.body !== undefined && ctx.body !== null) return null;
  // The router answers 501 for methods it never routes (PROPFIND, …): to a client that is the same mistake.
  if (ctx.status === 405 || ctx.status === 501) return new HttpError(405, 'METHOD_NOT_ALLOWED', { method: ctx.method, path: ctx.path });
  if (ctx.status === 404) return new HttpError(404, 'ROUTE_NOT_FOUND', { method: ctx.method, path: ctx.path });
  return null;
}

/**
 * The outermost middleware: request id, language, the JSON error shape for anything thrown, the access log
 * and the request metrics. Logged fields are chosen one by one: never bodies, queries or headers, so no key
 * and no buyer data can reach the log.
 */
export function envelope(deps: AppDeps): AppMiddleware {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    const incoming = ctx.get('x-request-id');
    ctx.state.requestId = REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.language = languageOf(ctx);
    ctx.set('X-Request-Id', ctx.state.requestId);
    let failure: unknown = null;
    try {
      await next();
      const empty = unanswered(ctx);
      if (empty) throw empty;
    } catch (error) {
      failure = error;
      const answer = toHttpError(error, ctx.params?.key ? { key: ctx.params.key } : ctx.params?.id ? { id: ctx.params.id } : {});
      ctx.status = answer.status;
      for (const [name, value] of Object.entries(answer.headers)) ctx.set(name, value);
      ctx.body = { error: errorDetail(answer, ctx.state.language, ctx.state.requestId) };
    }
    if (deps.shuttingDown()) ctx.set('Connection', 'close');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = routeOf(ctx);
    deps.metrics.requests.inc({ method: ctx.method, route, status: String(ctx.status) });
    deps.metrics.duration.observe({ method: ctx.method, route }, seconds);
    const entry = {
      reqId: ctx.state.requestId,
      method: ctx.method,
      route,
      status: ctx.status,
      ms: Math.round(seconds * 10_000) / 10,
      sellerId: ctx.state.principal?.sellerId,
      keyId: ctx.state.principal?.keyId,
    };
    if (ctx.status >= 500) deps.logger.error({ ...entry, err: failure }, 'request failed');
    else deps.logger.info(entry, 'request');
  };
}
