import type { z } from 'zod';
import type { ValidationIssue } from '../../shared/api/common';
import type { Endpoint } from '../../shared/api/endpoint';
import type { Language } from '../../shared/messages';
import type { SellerStore } from '../store';
import type { Principal } from '../tenancy/tenants';
import type { AppContext, AppDeps } from './context';
import { HttpError, RequestValidationError, validationIssues } from './errors';
import { localeFor } from './zod-locale';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

interface SellerScope {
  seller: SellerStore;
  principal: Principal;
}

export type RouteInput<E extends Endpoint> = {
  params: Parsed<E['params']>;
  query: Parsed<E['query']>;
  body: Parsed<E['body']>;
  deps: AppDeps;
  ctx: AppContext;
  language: Language;
  requestId: string;
} & (E['auth'] extends 'seller' ? SellerScope : unknown);

export type RouteHandler<E extends Endpoint> = (input: RouteInput<E>) => Promise<z.input<E['response']>>;

/** A handler bound to its contract entry; the app mounts it behind the endpoint's auth. */
export interface BoundRoute {
  endpoint: Endpoint;
  handle(ctx: AppContext, deps: AppDeps): Promise<void>;
}

function parsePart(
  schema: z.ZodType | undefined,
  value: () => unknown,
  location: ValidationIssue['location'],
  language: Language,
  issues: ValidationIssue[],
  fast?: (value: unknown) => unknown,
): unknown {
  if (!schema) return undefined;
  const input = value();
  const accepted = fast?.(input);
  if (accepted !== undefined) return accepted;
  // A parse with an error map costs twice one without, and only a failure needs its texts: parse plainly first.
  const plain = schema.safeParse(input);
  if (plain.success) return plain.data;
  const result = schema.safeParse(input, { error: localeFor(language) });
  if (result.success) return result.data;
  issues.push(...validationIssues(location, result.error));
  return undefined;
}

/** Params, query and body are all checked before anything runs, and every issue is reported at once. */
export function route<E extends Endpoint>(endpoint: E, handler: RouteHandler<E>): BoundRoute {
  return {
    endpoint,
    async handle(ctx, deps) {
      const { language, requestId } = ctx.state;
      const issues: ValidationIssue[] = [];
      const params = parsePart(endpoint.params, () => ({ ...ctx.params }), 'params', language, issues);
      const query = parsePart(endpoint.query, () => ({ ...ctx.query }), 'query', language, issues);
      // No body at all reads as {}; a JSON null or number is a body of the wrong shape.
      const body = parsePart(endpoint.body, () => (ctx.request.body === undefined || (ctx.request.rawBody ?? '').trim() === '' ? {} : ctx.request.body), 'body', language, issues, endpoint.fastBody);
      if (issues.length > 0) throw new RequestValidationError(issues);
      const scope = endpoint.auth === 'seller' ? sellerScope(ctx) : {};
      const input = { params, query, body, deps, ctx, language, requestId, ...scope } as RouteInput<E>;
      const answer = await handler(input);
      ctx.status = endpoint.status ?? 200;
      ctx.body = answer;
    },
  };
}

function sellerScope(ctx: AppContext): SellerScope {
  const { seller, principal } = ctx.state;
  if (!seller || !principal) throw new HttpError(401, 'UNAUTHORIZED');
  return { seller, principal };
}
