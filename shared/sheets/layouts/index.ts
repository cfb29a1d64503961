import type { LayoutId, LayoutShape } from '../layout';
import { alertsLayout } from './alerts';
import { mappingsLayout } from './mappings';
import { ordersLayout } from './orders';
import { skusLayout } from './skus';
import { stockLayout } from './stock';

export { alertsLayout, alertText } from './alerts';
export { mappingFromListing, mappingsFromAlerts, mappingsLayout, type MappingItem } from './mappings';
export { ordersLayout } from './orders';
export { skusLayout } from './skus';
export { stockLayout, stockStatus } from './stock';

export const LAYOUTS: Readonly<Record<LayoutId, LayoutShape>> = {
  orders: ordersLayout,
  stock: stockLayout,
  skus: skusLayout,
  mappings: mappingsLayout,
  alerts: alertsLayout,
};

/** The layout of a sheet, by its (Korean) tab name; null for sheets Sheetship does not own. */
export function layoutBySheetName(sheetName: string): LayoutShape | null {
  return Object.values(LAYOUTS).find((layout) => layout.sheetName === sheetName) ?? null;
}
