import type { Sku } from '../../catalog';
import { SkuCodeSchema } from '../../ids';
import { restoreNeutralized } from '../cells';
import type { Layout } from '../layout';
import { availableColumn, safetyColumn } from './sku-columns';

/**
 * `상품`: the SKU master. People edit names, barcodes and buffers, and create SKUs by typing a code and a
 * name on an empty row; the next refresh adopts that row by its code instead of appending a copy.
 */
export const skusLayout: Layout<Sku> = {
  id: 'skus',
  sheetName: '상품',
  statusRow: false,
  keyOf: (sku) => sku.sku,
  anchor: { column: 'sku', fromKey: (key) => key },
  identity: {
    columns: ['sku'],
    key: ([code]) => {
      const parsed = SkuCodeSchema.safeParse(restoreNeutralized(code ?? '').trim());
      return parsed.success ? parsed.data : null;
    },
  },
  columns: [
    {
      id: 'sku',
      header: 'sheet.col.sku',
      kind: 'id',
      width: 130,
      external: true,
      editable: { type: 'pattern', pattern: '^\\S{1,64}$', help: 'sheet.help.sku' },
      value: (s) => s.sku,
    },
    { id: 'name', header: 'sheet.col.name', kind: 'text', width: 240, external: true, editable: { type: 'text', maxLength: 200, help: 'sheet.help.name' }, value: (s) => s.name },
    {
      id: 'barcode',
      header: 'sheet.col.barcode',
      kind: 'id',
      width: 130,
      external: true,
      editable: { type: 'text', maxLength: 64, help: 'sheet.help.barcode' },
      value: (s) => s.barcode ?? '',
    },
    safetyColumn,
    { id: 'onHand', header: 'sheet.col.onHand', kind: 'number', width: 70, value: (s) => s.onHand },
    availableColumn,
  ],
};
