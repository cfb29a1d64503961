import { z } from 'zod';
import { CJ_LIMITS } from '../spec';

/** Request shapes of the small calls [V2 field tables]; RegBook/CnclBook use CjBookingSchema. */
export const TokenRequestSchema = z.object({
  CUST_ID: z.string().min(1).max(CJ_LIMITS.CUST_ID),
  BIZ_REG_NUM: z.string().regex(/^\d{10}$/, 'must be 10 digits').max(CJ_LIMITS.BIZ_REG_NUM),
  USER_ID: z.string().max(20).optional(),
});

export const RefineRequestSchema = z.object({
  CLNTNUM: z.string().min(1).max(CJ_LIMITS.CUST_ID),
  CLNTMGMCUSTCD: z.string().max(CJ_LIMITS.CUST_ID).optional(),
  USER_ID: z.string().max(20).optional(),
  ADDRESS: z.string().regex(/\S/, 'must not be blank').max(CJ_LIMITS.ADDRESS),
});

export const InvoiceRequestSchema = z.object({
  CLNTNUM: z.string().min(1).max(CJ_LIMITS.CUST_ID),
  USER_ID: z.string().max(20).optional(),
});

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A RESULT_DETAIL for the first problem, in the style of CJ's Korean messages (their exact texts are unknown [?]). */
export function shapeProblem(error: z.ZodError, data: unknown): string {
  const issue = error.issues[0];
  if (!issue) return '요청 값이 올바르지 않습니다';
  const field = issue.path.map(String).join('.') || 'DATA';
  const value = valueAt(data, issue.path);
  if (value === undefined || value === null || value === '') return `필수 항목 누락: ${field}`;
  if (issue.code === 'too_big') return `길이 초과: ${field} (최대 ${String(issue.maximum)})`;
  return `형식 오류: ${field} (${issue.message})`;
}
