import type { z } from 'zod';
import { StoreValidationError, type ValidationIssue } from './errors';

/** `['lines', 0, 'quantity']` → `lines[0].quantity`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Parses caller data at the store boundary; a failure throws StoreValidationError and nothing is written. */
export function validated<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
  throw new StoreValidationError(issues);
}
