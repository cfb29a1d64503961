import { neutralize, type CellValue } from './cells';
import { type Layout, type RenderContext } from './layout';
import { encodeRendered } from './rendered';

/** One row as written: its key, and the cells from the key column (B) to the last column. */
export interface RenderedRow {
  key: string;
  cells: CellValue[];
}

/**
 * Builds a row: key, rendered snapshot of the editable cells, then the data columns. Buyer- and
 * channel-originated strings are neutralised; the snapshot keeps the values as the user reads them.
 */
export function renderRow<T>(layout: Layout<T>, item: T, context: RenderContext): RenderedRow {
  const key = layout.keyOf(item);
  const cells: CellValue[] = [neutralize(key), ''];
  const editable: Record<string, CellValue> = {};
  for (const column of layout.columns) {
    const value = column.value(item, context);
    if (column.editable) editable[column.id] = value;
    cells.push(column.external && typeof value === 'string' ? neutralize(value) : value);
  }
  if (layout.columns.some((column) => column.editable)) cells[1] = encodeRendered({ key, values: editable });
  return { key, cells };
}

export function renderRows<T>(layout: Layout<T>, items: readonly T[], context: RenderContext): RenderedRow[] {
  return items.map((item) => renderRow(layout, item, context));
}
