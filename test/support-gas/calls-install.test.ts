import { afterEach, describe, expect, it } from 'vitest';
import { createGas, installGas, type GasEnvironment } from '../support/gas';

let gas: GasEnvironment | null = null;
afterEach(async () => {
  await gas?.uninstall();
  gas = null;
});

describe('fake installation and call counting', () => {
  it('puts the services on globalThis for a test and takes them away after', async () => {
    const environment = installGas();
    expect(globalThis.SpreadsheetApp).toBe(environment.SpreadsheetApp);
    await environment.uninstall();
    expect('SpreadsheetApp' in globalThis).toBe(false);
    expect('UrlFetchApp' in globalThis).toBe(false);
  });

  it('restores a global that was there before', async () => {
    const target = globalThis as Record<string, unknown>;
    target['Logger'] = 'previous';
    const environment = installGas();
    expect(target['Logger']).toBe(environment.Logger);
    await environment.uninstall();
    expect(target['Logger']).toBe('previous');
    delete target['Logger'];
  });

  it('builds fakes without touching globalThis, for a node:vm context', () => {
    const environment = createGas();
    expect('SpreadsheetApp' in globalThis).toBe(false);
    expect(Object.keys(environment.globals)).toEqual([
      'SpreadsheetApp',
      'PropertiesService',
      'LockService',
      'CacheService',
      'HtmlService',
      'ScriptApp',
      'Utilities',
      'Session',
      'Logger',
      'UrlFetchApp',
    ]);
  });

  it('counts calls per service and method, with the sheet and range of each write', () => {
    gas = installGas();
    const sheet = SpreadsheetApp.getActiveSpreadsheet()!.insertSheet('주문');
    gas.calls.reset();
    sheet.getRange('A2:C3').setValues([[1, 2, 3], [4, 5, 6]]);
    sheet.getRange(5, 1).setValue('x');
    sheet.getRange('A2:C3').getValues();
    PropertiesService.getDocumentProperties()!.getProperty('k');
    expect(gas.calls.counts()).toEqual({
      'Spreadsheet.Sheet.getRange': 3,
      'Spreadsheet.Range.setValues': 1,
      'Spreadsheet.Range.setValue': 1,
      'Spreadsheet.Range.getValues': 1,
      'Properties.PropertiesService.getDocumentProperties': 1,
      'Properties.DocumentProperties.getProperty': 1,
    });
    expect(gas.calls.filter({ kind: 'write' }).map((call) => [call.sheet, call.range])).toEqual([
      ['주문', 'A2:C3'],
      ['주문', 'A5'],
    ]);
    expect(gas.calls.count({ service: 'Spreadsheet', kind: 'read' })).toBe(1);
  });

  it('refuses spreadsheet access in AuthMode NONE but lets onOpen build a menu', () => {
    gas = installGas({ authMode: 'NONE' });
    SpreadsheetApp.getUi().createAddonMenu().addItem('Sheetship', 'showSidebar').addToUi();
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet');
    expect(gas.calls.filter({ service: 'Ui' }).map((call) => call.method)).toEqual(['Ui.createAddonMenu', 'Menu.addItem', 'Menu.addToUi']);
  });
});
