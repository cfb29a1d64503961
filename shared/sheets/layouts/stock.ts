import type { Sku } from '../../catalog';
import { statusColours } from '../colours';
import type { Layout, RenderContext } from '../layout';
import { availableColumn, safetyColumn } from './sku-columns';

export const stockStatusColours = statusColours([
  ['stock.SOLD_OUT', 'red'],
  ['stock.SHORT', 'orange'],
]);

/** SHORT: more reserved than on hand (a SHORTAGE alert is open); SOLD_OUT: nothing left to sell. */
export function stockStatus(sku: Sku, context: RenderContext): string {
  if (sku.reserved > sku.onHand) return context.label('stock.SHORT');
  if (sku.available <= 0) return context.label('stock.SOLD_OUT');
  return context.label('stock.OK');
}

/**
 * `재고`: counters per SKU. On-hand and buffer are editable; an edit becomes an adjustment that carries the
 * value the user saw (kept in the row's rendered snapshot), so a stale edit is refused as a conflict.
 */
export const stockLayout: Layout<Sku> = {
  id: 'stock',
  sheetName: '재고',
  statusRow: false,
  keyOf: (sku) => sku.sku,
  anchor: { column: 'sku', fromKey: (key) => key },
  columns: [
    { id: 'sku', header: 'sheet.col.sku', kind: 'id', width: 130, external: true, value: (s) => s.sku },
    { id: 'name', header: 'sheet.col.name', kind: 'text', width: 240, external: true, value: (s) => s.name },
    { id: 'barcode', header: 'sheet.col.barcode', kind: 'id', width: 130, external: true, value: (s) => s.barcode ?? '' },
    {
      id: 'onHand',
      header: 'sheet.col.onHand',
      kind: 'number',
      width: 70,
      editable: { type: 'number', min: 0, strict: false, help: 'sheet.help.count' },
      value: (s) => s.onHand,
    },
    { id: 'reserved', header: 'sheet.col.reserved', kind: 'number', width: 70, value: (s) => s.reserved },
    safetyColumn,
    { id: 'quarantine', header: 'sheet.col.quarantine', kind: 'number', width: 70, value: (s) => s.quarantine },
    availableColumn,
    { id: 'stockStatus', header: 'sheet.col.stockStatus', kind: 'label', width: 80, statusColors: stockStatusColours, value: stockStatus },
  ],
};
