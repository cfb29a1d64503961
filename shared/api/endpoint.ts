import type { z } from 'zod';

export type Auth = 'none' | 'admin' | 'seller';
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One route of the HTTP API: the server binds a handler to it and validates against its schemas, the
 * OpenAPI document is generated from it, and clients parse answers with `response`.
 */
export interface Endpoint {
  operationId: string;
  method: Method;
  /** Koa style, `:name` for a path parameter. */
  path: string;
  auth: Auth;
  tag: string;
  summary: string;
  /** Success status; 200 when absent. */
  status?: number;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * Optional: a hand-written check that returns what `body` returns for the common well-formed body, and
   * undefined for anything else, which `body` then decides (with its own messages). Only for hot routes, and
   * only with a property test holding it against `body`.
   */
  fastBody?: (value: unknown) => unknown;
  response: z.ZodType;
  /** Media type of a success answer; application/json when absent. */
  produces?: string;
}

export function endpoint<const E extends Endpoint>(spec: E): E {
  return spec;
}
