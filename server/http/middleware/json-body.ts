import { bodyParser } from '@koa/bodyparser';
import type { AppMiddleware } from '../context';
import { HttpError } from '../errors';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * JSON only, up to `limit`: a larger body is a 413, another media type a 415, broken JSON a 400. Any JSON
 * value is accepted here (not only objects), so a body of the wrong shape is named by its schema instead.
 */
export function jsonBody(limit: string): AppMiddleware[] {
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: limit, jsonStrict: false, encoding: 'utf-8' });
  const mediaType: AppMiddleware = async (ctx, next) => {
    // An empty body (Content-Length: 0, as fetch sends for a bare POST) needs no type; any other must be JSON.
    const empty = ctx.request.length === 0 || ctx.is() === null;
    if (WITH_BODY.has(ctx.method) && !empty && ctx.is('json', '+json') === false) throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE');
    await next();
  };
  return [mediaType, (ctx, next) => parse(ctx, next)];
}
