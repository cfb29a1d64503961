import { afterEach, describe, expect, it } from 'vitest';
import { installGas, type GasEnvironment } from '../support/gas';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

describe('fake ScriptApp', () => {
  it('creates, lists and deletes the user\'s triggers for this document', () => {
    gas = installGas();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet()!;
    const clock = ScriptApp.newTrigger('refreshHourly').timeBased().everyHours(1).create();
    const edit = ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(spreadsheet).onEdit().create();
    expect(ScriptApp.getUserTriggers(spreadsheet).map((trigger) => [trigger.getHandlerFunction(), trigger.getEventType()])).toEqual([
      ['refreshHourly', 'CLOCK'],
      ['onEditInstalled', 'ON_EDIT'],
    ]);
    expect(clock.getUniqueId()).not.toBe(edit.getUniqueId());
    ScriptApp.deleteTrigger(clock);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
  });

  it('holds an add-on to one trigger of each type per document and to hourly clocks', () => {
    gas = installGas();
    ScriptApp.newTrigger('refreshHourly').timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('again').timeBased().everyHours(2).create()).toThrow('one trigger of each type');
    expect(() => ScriptApp.newTrigger('fast').timeBased().everyMinutes(30).create()).toThrow('more than once per hour');
  });

  it('keeps each user\'s triggers to that user', () => {
    gas = installGas({ userEmail: 'owner@example.com' });
    ScriptApp.newTrigger('refreshHourly').timeBased().everyHours(1).create();
    gas.runtime.userEmail = 'packer@example.com';
    expect(ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()!)).toHaveLength(0);
    ScriptApp.newTrigger('refreshHourly').timeBased().everyHours(1).create();
    expect(gas.ScriptApp.allTriggers()).toHaveLength(2);
  });

  it('needs FULL auth for triggers, and reports authorization', () => {
    gas = installGas({ authMode: 'LIMITED', authorized: false });
    expect(ScriptApp.AuthMode.LIMITED).toBe('LIMITED');
    expect(() => ScriptApp.getProjectTriggers()).toThrow('https://www.googleapis.com/auth/script.scriptapp');
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.REQUIRED);
    gas.setAuthorized(true);
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()).toBe('NOT_REQUIRED');
  });
});
