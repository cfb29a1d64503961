import type { LayoutId } from '../../shared/sheets/layout';
import { layoutBySheetName } from '../../shared/sheets/layouts';
import type { Language } from '../../shared/messages';
import { ApiClient } from '../api/client';
import { readConnection } from '../api/connection';
import { notConfigured } from '../api/errors';
import { readableError, serverSource } from '../api/session';
import { readDocumentState } from '../lib/document-state';
import { withDocumentLock } from '../lib/lock';
import { refreshSheets } from '../sheets/refresh';
import { refused, refuseRow } from './common';
import { applyMappingEdits } from './mappings';
import { applyOrderEdits } from './orders';
import type { Outcomes } from './outcome';
import { readEditRegion, type EditRegion } from './region';
import { applySkuEdits } from './skus';
import { applyStockEdits } from './stock';
import { writeOutcomes } from './write-back';

type Editor = (region: EditRegion, client: ApiClient, language: Language) => Outcomes;

const EDITORS: Partial<Record<LayoutId, Editor>> = {
  stock: applyStockEdits,
  skus: applySkuEdits,
  mappings: applyMappingEdits,
  orders: applyOrderEdits,
};

/** Every edited cell refused for one reason (no connection, an unexpected failure), back to what the user saw. */
function refuseAll(region: EditRegion, reason: string, language: Language): Outcomes {
  const outcomes: Outcomes = new Map();
  for (const row of region.rows) if (row.key) refuseRow(outcomes, row, row.edited, (restore) => refused(language, 'addon.text', { text: reason }, restore));
  return outcomes;
}

/** Whether the server took a change (not just an edit that typed the same value again). */
function anyChange(region: EditRegion, outcomes: Outcomes): boolean {
  return region.rows.some((row) =>
    [...(outcomes.get(row.row)?.entries() ?? [])].some(([columnId, outcome]) => outcome.kind === 'applied' && (!row.key || row.rendered?.[columnId] !== outcome.rendered)),
  );
}

/**
 * The installable onEdit (FULL mode, so it may call the server; a simple onEdit may not). Edits of
 * Sheetship's editable cells become server requests, one batch per kind however many cells were pasted;
 * requests run outside the document lock, the sheet writes under it. Afterwards an incremental refresh
 * brings the derived cells (available, sellable, order states) up to date. It never throws: a trigger's
 * failure would reach nobody.
 */
export function handleSheetEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = event.range;
  const layout = layoutBySheetName(range.getSheet().getName());
  const editor = layout ? EDITORS[layout.id] : undefined;
  if (!layout || !editor) return;
  const region = readEditRegion(range, layout);
  if (!region) return;
  const language = readDocumentState().language;
  const connection = readConnection();
  let outcomes: Outcomes;
  try {
    if (!connection) throw notConfigured();
    outcomes = editor(region, new ApiClient(connection), language);
  } catch (error) {
    outcomes = refuseAll(region, readableError(error, language), language);
  }
  try {
    withDocumentLock(() => writeOutcomes(region, outcomes));
  } catch {
    // The sheet stayed busy: the next refresh rewrites these rows from the server anyway.
    return;
  }
  if (connection && anyChange(region, outcomes)) refreshSheets(serverSource(language));
}
