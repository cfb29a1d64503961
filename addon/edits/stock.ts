import type { Language } from '../../shared/messages';
import type { ApiClient } from '../api/client';
import { applyCounterEdits, type CounterEdit } from './adjustments';
import { refuseUntrusted } from './common';
import type { Outcomes } from './outcome';
import type { EditRegion } from './region';

/** 재고: on-hand edits become counts, buffer edits safety changes, all in one batch of adjustments. */
export function applyStockEdits(region: EditRegion, client: ApiClient, language: Language): Outcomes {
  const outcomes: Outcomes = new Map();
  const edits: CounterEdit[] = [];
  for (const row of region.rows) {
    if (!row.key) continue;
    if (!row.rendered) {
      refuseUntrusted(outcomes, row, language);
      continue;
    }
    for (const columnId of row.edited) edits.push({ row, columnId, kind: columnId === 'onHand' ? 'set' : 'safety' });
  }
  applyCounterEdits(edits, client, language, outcomes);
  return outcomes;
}
