import { z } from 'zod';

/** Every error answer, top level or inside a batch item. `code` is stable English; `message` follows Accept-Language. */
export const ErrorDetailSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown(),
});
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

export const ErrorBodySchema = z.object({ error: ErrorDetailSchema });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** One entry of `details.issues` on a VALIDATION error: where, which field, and what is wrong with it. */
export const ValidationIssueSchema = z.object({
  location: z.enum(['body', 'query', 'params']),
  path: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

/** Query values arrive as text; a whole number is checked as text first so the message names the field. */
export function wholeNumberQuery(min: number, max: number) {
  return z
    .string()
    .regex(/^[0-9]{1,15}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.int().min(min).max(max));
}

export const MAX_PAGE = 1000;
export const DEFAULT_PAGE = 100;

/** `?limit=` of a paged read: 1 to 1,000, 100 when absent. */
export const LimitQuerySchema = wholeNumberQuery(1, MAX_PAGE).optional();

/** A cursor handed out by an earlier page. Opaque to clients. */
export const CursorQuerySchema = z.string().min(1).max(400).optional();

/** Batch items answer with one of these outcomes (DESIGN.md, batch rule). */
export const ITEM_RESULTS = ['applied', 'conflict', 'error'] as const;

export const ItemErrorSchema = z.object({ result: z.literal('error'), error: ErrorDetailSchema });
