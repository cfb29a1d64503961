import { bodyParser } from '@koa/bodyparser';
import type { IncomingMessage } from 'node:http';
import type { AppContext, AppMiddleware } from '../context';
import { HttpError } from '../errors';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** '512kb', '4mb' → bytes, as the body parser's `bytes` reads them. */
export function byteLimit(limit: string): number {
  const match = /^([0-9]+)(b|kb|mb)$/i.exec(limit);
  const unit = match?.[2] ? UNITS[match[2].toLowerCase()] : undefined;
  if (!match?.[1] || unit === undefined) throw new Error(`a body limit must read like 512kb or 4mb, not ${JSON.stringify(limit)}`);
  return Number(match[1]) * unit;
}

/** A failure of the body itself, shaped as the body parser's: errors.ts answers it by its status. */
function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, type });
}

/**
 * The body as text, refusing more than `limit` bytes before or while reading it. After a refusal the rest is
 * still read (and dropped), so the connection can carry the answer. The listeners are inline and stay until
 * the request is gone: this runs for every request, and named closures or removing listeners cost more.
 */
function readText(req: IncomingMessage, limit: number): Promise<string> {
  const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
  if (declared !== null && declared > limit) return Promise.reject(bodyError(413, 'entity.too.large', 'request entity too large'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      received += chunk.length;
      if (received <= limit) chunks.push(chunk);
      else {
        done = true;
        reject(bodyError(413, 'entity.too.large', 'request entity too large'));
      }
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      if (declared !== null && received !== declared) {
        reject(bodyError(400, 'request.size.invalid', 'request size did not match content length'));
        return;
      }
      const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
      // The body parser's decoder drops a byte order mark; JSON.parse would not.
      resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    });
    req.on('error', (error: Error) => {
      if (done) return;
      done = true;
      reject(bodyError(400, 'request.aborted', error.message));
    });
    req.on('aborted', () => {
      if (done) return;
      done = true;
      reject(bodyError(400, 'request.aborted', 'request aborted'));
    });
  });
}

// A key that would reach Object.prototype, possibly written with escapes (as @hapi/bourne finds it).
const SUSPECT_PROTO = /"(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])"\s*:/;

function hasProtoKey(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return true;
  return Object.values(value).some(hasProtoKey);
}

/** Any JSON value; broken JSON or a `__proto__` key is a 400 (errors.ts names the key). */
function parseJson(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    // Such a key starts with two underscores, written as they are or escaped: no underscore, nothing to look for.
    const underscores = text.includes('_') || text.includes('\\u005');
    if (underscores && SUSPECT_PROTO.test(text) && hasProtoKey(value)) throw new SyntaxError('Object contains forbidden prototype property');
    return value;
  } catch (error) {
    throw bodyError(400, 'entity.parse.failed', error instanceof Error ? error.message : String(error));
  }
}

/** Whether a request has a body, as type-is decides it (Koa's `ctx.is()` answers null without one). */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || !Number.isNaN(Number(req.headers['content-length'] ?? NaN));
}

/** JSON by Koa's rules (type-is), without asking it for the type nearly every client sends. */
function isJson(ctx: AppContext): boolean {
  const type = ctx.req.headers['content-type'];
  if (type === 'application/json' || type === 'application/json; charset=utf-8') return true;
  return ctx.is('json', '+json') !== false;
}

/**
 * JSON only, up to `limit`: a larger body is a 413, another media type a 415, broken JSON a 400. Any JSON
 * value is accepted here (not only objects), so a body of the wrong shape is named by its schema instead.
 * The body is read and parsed here directly, which costs a fraction of the general body parser; a body with
 * a Content-Encoding (gzip) still goes to that parser, which inflates it.
 */
export function jsonBody(limit: string): AppMiddleware[] {
  const maxBytes = byteLimit(limit);
  const encoded = bodyParser({ enableTypes: ['json'], jsonLimit: limit, jsonStrict: false, encoding: 'utf-8' });
  const parse: AppMiddleware = async (ctx: AppContext, next) => {
    if (!WITH_BODY.has(ctx.method)) return next();
    // An empty body (Content-Length: 0, as fetch sends for a bare POST) needs no type; any other must be JSON.
    const empty = ctx.request.length === 0 || !hasBody(ctx.req);
    if (!empty && !isJson(ctx)) throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE');
    if (ctx.request.body !== undefined) return next();
    const encoding = ctx.req.headers['content-encoding'];
    if (encoding !== undefined && encoding !== '' && encoding.toLowerCase() !== 'identity') return encoded(ctx, next);
    if (empty) {
      ctx.request.body = {};
      return next();
    }
    const text = await readText(ctx.req, maxBytes);
    ctx.request.rawBody = text;
    ctx.request.body = text === '' ? text : parseJson(text);
    return next();
  };
  return [parse];
}
