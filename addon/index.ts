// The only file that exposes Apps Script globals. The build appends a top-level forwarder for each export.
// Nothing here may call an Apps Script service at module top level: onOpen runs in AuthMode NONE or LIMITED.

export function onOpen(): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Sheetship', 'showSidebar').addToUi();
}

export function onInstall(): void {
  onOpen();
}
