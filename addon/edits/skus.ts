import { API } from '../../shared/api/routes';
import { MAX_BATCH, type SkuInput } from '../../shared/catalog';
import { SkuCodeSchema } from '../../shared/ids';
import type { Language } from '../../shared/messages';
import type { ApiClient } from '../api/client';
import { applyCounterEdits, type CounterEdit } from './adjustments';
import { applyBatchEdits, parseCount, pending, refused, refuseRow, refuseUntrusted, seen, type BatchEdit } from './common';
import { setOutcome, setOutcomes, type Outcomes } from './outcome';
import type { EditedRow, EditRegion } from './region';

type Upsert = BatchEdit<SkuInput>;

/** A keyed row: name and barcode edits become an update; the code itself is the row's identity. */
function keyedRow(row: EditedRow, language: Language, outcomes: Outcomes, upserts: Upsert[], counters: CounterEdit[]): void {
  if (!row.rendered) return refuseUntrusted(outcomes, row, language);
  const fields = row.edited.filter((id) => id === 'name' || id === 'barcode');
  for (const columnId of row.edited) {
    if (columnId === 'safety') counters.push({ row, columnId, kind: 'safety' });
    if (columnId === 'sku' && row.text('sku') !== row.key) setOutcome(outcomes, row.row, 'sku', refused(language, 'addon.edit.identity', {}, seen(row, 'sku')));
    if (columnId === 'sku' && row.text('sku') === row.key) setOutcome(outcomes, row.row, 'sku', { kind: 'applied', rendered: row.key });
  }
  if (fields.length === 0) return;
  const name = row.text('name');
  const barcode = row.text('barcode');
  // The upsert keeps a barcode it is not given, so emptying one cannot be sent; neither can an empty name.
  const cleared = fields.filter((id) => (id === 'name' && !name) || (id === 'barcode' && !barcode && seen(row, 'barcode') !== ''));
  if (cleared.length > 0) return refuseRow(outcomes, row, fields, (restore) => refused(language, 'addon.edit.cannotClear', {}, restore));
  if (name === seen(row, 'name') && barcode === seen(row, 'barcode')) return setOutcomes(outcomes, row.row, fields, (id) => ({ kind: 'applied', rendered: row.text(id) }));
  upserts.push({ row, columns: fields, input: { sku: row.key, name, ...(barcode ? { barcode } : {}) } });
}

/** A row typed by hand: a code and a name create the SKU; until both are there, the row waits. */
function newRow(row: EditedRow, language: Language, outcomes: Outcomes, upserts: Upsert[]): void {
  const code = row.text('sku');
  const name = row.text('name');
  if (!code && !name) return;
  const parsed = SkuCodeSchema.safeParse(code);
  if (code && !parsed.success) return setOutcomes(outcomes, row.row, row.edited, () => pending(language, 'addon.edit.badSku', { problem: parsed.error.issues[0]?.message ?? '' }));
  if (!code || !name) return setOutcomes(outcomes, row.row, row.edited, () => pending(language, 'addon.edit.needsName'));
  const barcode = row.text('barcode');
  const safety = parseCount(row.value('safety'));
  upserts.push({ row, columns: row.edited, input: { sku: code, name, ...(barcode ? { barcode } : {}), ...(safety !== null ? { safety } : {}) } });
}

/** 상품: names and barcodes become SKU upserts, buffers become safety adjustments, new rows create SKUs. */
export function applySkuEdits(region: EditRegion, client: ApiClient, language: Language): Outcomes {
  const outcomes: Outcomes = new Map();
  const upserts: Upsert[] = [];
  const counters: CounterEdit[] = [];
  for (const row of region.rows) {
    if (row.key) keyedRow(row, language, outcomes, upserts, counters);
    else newRow(row, language, outcomes, upserts);
  }
  applyBatchEdits(upserts, MAX_BATCH, (skus) => client.call(API.putSkus, { body: { skus } }).results, language, outcomes);
  applyCounterEdits(counters, client, language, outcomes);
  return outcomes;
}
