import { message, type Language } from '../../shared/messages';
import type { CellValue } from '../../shared/sheets/cells';
import { readableError } from '../api/session';
import type { EditedRow } from './region';
import { setOutcome, type CellOutcome, type Outcomes } from './outcome';

/** A count as people type it: 12, "12", "1,200". Anything else (negative, fractional, text) is null. */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 99_999_999 ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.replace(/,/g, '').trim();
  if (!/^\d{1,8}$/.test(text)) return null;
  return Number(text);
}

/** What a refused cell goes back to: what the user saw before, when known. */
export function seen(row: EditedRow, columnId: string): CellValue | null {
  return row.rendered?.[columnId] ?? null;
}

export function refused(language: Language, code: string, params: Record<string, string | number> = {}, restore: CellValue | null = null): CellOutcome {
  return { kind: 'refused', note: message('addon.edit.refused', language, { reason: message(code, language, params) }), restore };
}

export function pending(language: Language, code: string, params: Record<string, string | number> = {}): CellOutcome {
  return { kind: 'pending', note: message(code, language, params) };
}

/** Every edited cell of the row refused for one reason, each going back to what the user saw. */
export function refuseRow(outcomes: Outcomes, row: EditedRow, columnIds: readonly string[], outcome: (restore: CellValue | null) => CellOutcome): void {
  for (const columnId of columnIds) setOutcome(outcomes, row.row, columnId, outcome(seen(row, columnId)));
}

/** A row whose snapshot cannot be trusted (never rendered, or its cells were sorted apart): nothing is sent. */
export function refuseUntrusted(outcomes: Outcomes, row: EditedRow, language: Language): void {
  refuseRow(outcomes, row, row.edited, () => refused(language, 'addon.edit.untrusted'));
}

/**
 * Sends one batch request; when the request as a whole fails (server down, key revoked), every item gets
 * the readable reason instead of a result.
 */
export function sendBatch<R>(send: () => R[], count: number, language: Language): { results: (R | null)[]; failure: string | null } {
  try {
    const results = send();
    return { results: Array.from({ length: count }, (_, index) => results[index] ?? null), failure: null };
  } catch (error) {
    return { results: Array.from({ length: count }, () => null), failure: readableError(error, language) };
  }
}

/** An edit that became one item of a batch request, answering for some edited cells of its row. */
export interface BatchEdit<I> {
  row: EditedRow;
  columns: readonly string[];
  input: I;
}

type ItemResult = { result: 'applied' } | { result: 'error'; error: { message: string } } | { result: string };

/**
 * Sends the edits in batches of `max` and records each cell's outcome: applied cells now show what the user
 * typed; refused ones go back to what the user saw (new rows keep the typed text) with the reason.
 */
export function applyBatchEdits<I, R extends ItemResult>(edits: readonly BatchEdit<I>[], max: number, send: (inputs: I[]) => R[], language: Language, outcomes: Outcomes): void {
  for (let start = 0; start < edits.length; start += max) {
    const batch = edits.slice(start, start + max);
    const { results, failure } = sendBatch(() => send(batch.map((edit) => edit.input)), batch.length, language);
    batch.forEach((edit, index) => {
      const result = results[index] ?? null;
      for (const columnId of edit.columns) {
        if (result?.result === 'applied') {
          setOutcome(outcomes, edit.row.row, columnId, { kind: 'applied', rendered: edit.row.text(columnId) });
          continue;
        }
        const reason = result && 'error' in result ? result.error.message : (failure ?? message('addon.error.INVALID_RESPONSE', language, { what: 'results' }));
        setOutcome(outcomes, edit.row.row, columnId, refused(language, 'addon.text', { text: reason }, edit.row.key ? seen(edit.row, columnId) : null));
      }
    });
  }
}
