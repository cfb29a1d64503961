import { API } from '../../shared/api/routes';
import type { AdjustmentInput, AdjustmentResult } from '../../shared/api/inventory';
import { MAX_BATCH } from '../../shared/catalog';
import { message, type Language } from '../../shared/messages';
import type { ApiClient } from '../api/client';
import { chunks } from '../lib/chunks';
import { parseCount, refused, refuseUntrusted, sendBatch } from './common';
import { setOutcome, type Outcomes } from './outcome';
import type { EditedRow } from './region';

/** An edited counter cell: on-hand (a count) or the safety buffer. */
export interface CounterEdit {
  row: EditedRow;
  columnId: string;
  kind: 'set' | 'safety';
}

interface Pending {
  edit: CounterEdit;
  typed: number;
  expected: number;
}

/**
 * Counter edits as one batch of adjustments, each carrying the value the user saw (`expected`), so an edit
 * made on a stale number is refused as a conflict instead of overwriting someone else's change.
 */
export function applyCounterEdits(edits: readonly CounterEdit[], client: ApiClient, language: Language, outcomes: Outcomes): void {
  const pendings: Pending[] = [];
  for (const edit of edits) {
    const { row, columnId } = edit;
    const expected = row.rendered?.[columnId];
    if (typeof expected !== 'number') {
      refuseUntrusted(outcomes, { ...row, edited: [columnId] }, language);
      continue;
    }
    const typed = parseCount(row.value(columnId));
    if (typed === null) setOutcome(outcomes, row.row, columnId, refused(language, 'addon.edit.notCount', {}, expected));
    else if (typed === expected) setOutcome(outcomes, row.row, columnId, { kind: 'applied', rendered: expected });
    else pendings.push({ edit, typed, expected });
  }
  for (const batch of chunks(pendings, MAX_BATCH)) {
    const adjustments: AdjustmentInput[] = batch.map(({ edit, typed, expected }) => ({ sku: edit.row.key, kind: edit.kind, quantity: typed, expected }));
    const { results, failure } = sendBatch(() => client.call(API.adjust, { body: { adjustments } }).results, batch.length, language);
    batch.forEach((pending, index) => setOutcome(outcomes, pending.edit.row.row, pending.edit.columnId, counterOutcome(pending, results[index] ?? null, failure, language)));
  }
}

function counterOutcome(pending: Pending, result: AdjustmentResult | null, failure: string | null, language: Language) {
  if (!result) return refused(language, 'addon.text', { text: failure ?? message('addon.error.INVALID_RESPONSE', language, { what: 'adjust' }) }, pending.expected);
  switch (result.result) {
    case 'applied':
      return { kind: 'applied' as const, rendered: pending.typed };
    case 'conflict':
      // The server already holds exactly what was typed (another user's edit trigger sent this same edit).
      if (result.current === pending.typed) return { kind: 'applied' as const, rendered: pending.typed };
      return {
        kind: 'refused' as const,
        note: message('addon.edit.conflict', language, { current: result.current, attempted: pending.typed }),
        restore: result.current,
        rendered: result.current,
      };
    case 'error':
      return refused(language, 'addon.text', { text: result.error.message }, pending.expected);
  }
}
