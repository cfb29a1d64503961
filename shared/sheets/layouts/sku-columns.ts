import type { Sku } from '../../catalog';
import type { Column } from '../layout';

/** Columns `상품` and `재고` show alike; the buffer is editable on both, as a count that carries the value seen. */
export const safetyColumn: Column<Sku> = {
  id: 'safety',
  header: 'sheet.col.safety',
  kind: 'number',
  width: 70,
  editable: { type: 'number', min: 0, strict: false, help: 'sheet.help.count' },
  value: (s) => s.safety,
};

export const availableColumn: Column<Sku> = { id: 'available', header: 'sheet.col.available', kind: 'number', width: 80, value: (s) => s.available };
