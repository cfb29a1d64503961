import { z } from 'zod';
import { AlertSchema } from '../alerts';
import { ListingSchema, SkuSchema } from '../catalog';
import type { Language } from '../messages';
import { OrderSchema } from '../order';
import { contentHash } from './hash';
import { renderContext, type LayoutShape } from './layout';
import { alertsLayout, mappingFromListing, mappingsFromAlerts, mappingsLayout, ordersLayout, skusLayout, stockLayout } from './layouts';
import { renderRows, type RenderedRow } from './rows';

/**
 * What a refresh renders: whatever produced it (the add-on's HTTP client, the server's own store) hands
 * over these lists. `complete` says whether they are everything (a full refresh) or only what changed
 * since the cursor; alerts are always the complete open list.
 */
export const SheetDataSchema = z.object({
  complete: z.boolean(),
  orders: z.array(OrderSchema),
  skus: z.array(SkuSchema),
  listings: z.array(ListingSchema),
  alerts: z.array(AlertSchema),
  /** The `updatedSince` value for the next incremental refresh. */
  cursor: z.string().nullable(),
});
export type SheetData = z.infer<typeof SheetDataSchema>;

/** What a writer remembers between refreshes to skip unchanged derived sheets without reading them back. */
export interface RenderMemory {
  alertsHash?: string;
  unmappedHash?: string;
}

export interface SheetWrite {
  layout: LayoutShape;
  mode: 'full' | 'incremental';
  rows: RenderedRow[];
}

function hashRows(language: Language, rows: readonly RenderedRow[]): string {
  return contentHash(`${language}\n${JSON.stringify(rows)}`);
}

/**
 * Decides which sheets a refresh writes and renders their rows. Unchanged lists in an incremental refresh
 * write nothing; the alerts sheet is rewritten only when its content changed.
 */
export function planSheetWrites(data: SheetData, language: Language, memory: RenderMemory): { writes: SheetWrite[]; memory: RenderMemory } {
  const context = renderContext(language);
  const writes: SheetWrite[] = [];
  const mode = data.complete ? 'full' : 'incremental';

  if (data.complete || data.orders.length > 0) writes.push({ layout: ordersLayout, mode, rows: renderRows(ordersLayout, data.orders, context) });
  if (data.complete || data.skus.length > 0) {
    writes.push({ layout: stockLayout, mode, rows: renderRows(stockLayout, data.skus, context) });
    writes.push({ layout: skusLayout, mode, rows: renderRows(skusLayout, data.skus, context) });
  }

  const listed = data.listings.map(mappingFromListing);
  const listedKeys = new Set(listed.map((item) => mappingsLayout.keyOf(item)));
  const unmapped = mappingsFromAlerts(data.alerts).filter((item) => !listedKeys.has(mappingsLayout.keyOf(item)));
  const unmappedRows = renderRows(mappingsLayout, unmapped, context);
  const unmappedHash = hashRows(language, unmappedRows);
  const unmappedChanged = unmappedHash !== memory.unmappedHash;
  const mappingRows = [...unmappedRows.filter(() => data.complete || unmappedChanged), ...renderRows(mappingsLayout, listed, context)];
  if (data.complete || mappingRows.length > 0) writes.push({ layout: mappingsLayout, mode, rows: mappingRows });

  const alertRows = renderRows(alertsLayout, data.alerts, context);
  const alertsHash = hashRows(language, alertRows);
  if (data.complete || alertsHash !== memory.alertsHash) writes.push({ layout: alertsLayout, mode: 'full', rows: alertRows });

  return { writes, memory: { alertsHash, unmappedHash } };
}
