import { afterEach, describe, expect, it } from 'vitest';
import { installGas, type GasEnvironment } from '../support/gas';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

describe('fake PropertiesService', () => {
  it('keeps script, user and document stores apart', () => {
    gas = installGas();
    PropertiesService.getScriptProperties().setProperty('k', 'script');
    PropertiesService.getUserProperties().setProperty('k', 'user');
    PropertiesService.getDocumentProperties()?.setProperties({ k: 'document', cursor: '42' });
    expect(PropertiesService.getScriptProperties().getProperty('k')).toBe('script');
    expect(PropertiesService.getUserProperties().getProperty('k')).toBe('user');
    expect(PropertiesService.getDocumentProperties()?.getProperties()).toEqual({ k: 'document', cursor: '42' });
    expect(PropertiesService.getDocumentProperties()?.getProperty('missing')).toBeNull();
  });

  it('refuses a value over 9 KB and a store over 500 KB, changing nothing', () => {
    gas = installGas();
    const store = PropertiesService.getDocumentProperties()!;
    expect(() => store.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    store.setProperty('fits', 'x'.repeat(9 * 1024));
    const many: Record<string, string> = {};
    for (let index = 0; index < 60; index += 1) many[`k${index}`] = 'y'.repeat(9000);
    expect(() => store.setProperties(many)).toThrow('exceeded the property storage quota');
    expect(store.getKeys()).toEqual(['fits']);
    store.setProperties({ only: '1' }, true);
    expect(store.getKeys()).toEqual(['only']);
  });

  it('has no document store outside a document, and no properties at all in AuthMode NONE', () => {
    gas = installGas({ spreadsheet: false });
    expect(PropertiesService.getDocumentProperties()).toBeNull();
    gas.runtime.authMode = 'NONE';
    expect(() => PropertiesService.getUserProperties()).toThrow('You do not have permission to call PropertiesService.getUserProperties');
  });
});
