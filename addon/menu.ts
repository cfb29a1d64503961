import { message } from '../shared/messages';

/** Menu items and the exported functions they call (addon/index.ts exports every one of them). */
export const MENU_ITEMS = [
  { code: 'addon.menu.sidebar', handler: 'showSidebar' },
  { code: 'addon.menu.refresh', handler: 'menuRefresh' },
  { code: 'addon.menu.fullRefresh', handler: 'menuFullRefresh' },
  null,
  { code: 'addon.menu.ohouseImport', handler: 'ohouseImportOrders' },
  { code: 'addon.menu.ohouseTracking', handler: 'ohouseExportTracking' },
  { code: 'addon.menu.ohouseStock', handler: 'ohouseExportStock' },
  { code: 'addon.menu.ohouseUploaded', handler: 'ohouseMarkUploaded' },
  null,
  { code: 'addon.menu.settings', handler: 'openSettings' },
] as const;

/**
 * The add-on menu. onOpen may run in AuthMode NONE, where even properties are off limits, so it reads
 * nothing and the menu is in Korean (the first language) whatever the setting.
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(message(item.code, 'ko'), item.handler);
    else menu.addSeparator();
  }
  menu.addToUi();
}
