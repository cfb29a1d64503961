import { bearerToken, sameSecret } from '../../tenancy/api-key';
import type { AppDeps, AppMiddleware } from '../context';
import { HttpError } from '../errors';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer' };

function unauthorized(): HttpError {
  return new HttpError(401, 'UNAUTHORIZED', {}, null, CHALLENGE);
}

/** The admin key, compared in constant time. A seller key here is simply not the admin key. */
export function requireAdmin(deps: AppDeps): AppMiddleware {
  return async (ctx, next) => {
    const token = bearerToken(ctx.get('authorization') || undefined);
    if (!token || !sameSecret(token, deps.adminKey)) throw unauthorized();
    await next();
  };
}

/**
 * A seller key: the request runs for that key's seller only, acting as the key's label, after one unit of
 * the key's rate limit is charged.
 */
export function requireSeller(deps: AppDeps): AppMiddleware {
  return async (ctx, next) => {
    const token = bearerToken(ctx.get('authorization') || undefined);
    if (!token) throw unauthorized();
    const auth = await deps.tenants.authenticate(token);
    if (auth.outcome === 'unauthorized') throw unauthorized();
    if (auth.outcome === 'limited') {
      throw new HttpError(429, 'RATE_LIMITED', { seconds: auth.retryAfterSeconds }, { retryAfterSeconds: auth.retryAfterSeconds }, {
        'Retry-After': String(auth.retryAfterSeconds),
        'RateLimit-Limit': String(auth.limit),
        'RateLimit-Remaining': '0',
      });
    }
    ctx.set('RateLimit-Limit', String(auth.limit));
    ctx.set('RateLimit-Remaining', String(auth.remaining));
    ctx.state.principal = auth.principal;
    ctx.state.seller = deps.store.forSeller(auth.principal.sellerId, auth.principal.label);
    await next();
  };
}
