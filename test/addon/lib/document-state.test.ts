import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_KEYS, readDocumentState, writeDocumentState } from '../../../addon/lib/document-state';
import { installGas, type GasEnvironment } from '../../support/gas';

let gas: GasEnvironment;
afterEach(() => gas.uninstall());

describe('document state', () => {
  it('starts empty in Korean and round-trips what a refresh writes, in one call each way', () => {
    gas = installGas();
    expect(readDocumentState()).toEqual({ cursor: null, lastSyncAt: null, lastError: null, lastErrorAt: null, language: 'ko', layouts: {}, renderMemory: {} });
    gas.calls.reset();
    writeDocumentState({ cursor: '42', lastSyncAt: '2024-05-01T00:00:00.000Z', layouts: { orders: { version: 1, language: 'ko', columns: ['a'] } }, renderMemory: { alertsHash: 'ab' } });
    const state = readDocumentState();
    expect(state).toMatchObject({ cursor: '42', lastSyncAt: '2024-05-01T00:00:00.000Z', layouts: { orders: { columns: ['a'] } }, renderMemory: { alertsHash: 'ab' } });
    expect(gas.calls.filter({ service: 'Properties' }).map((call) => call.method)).toEqual([
      'PropertiesService.getDocumentProperties',
      'DocumentProperties.setProperties',
      'PropertiesService.getDocumentProperties',
      'DocumentProperties.getProperties',
    ]);
    writeDocumentState({ lastError: null, cursor: null });
    expect(readDocumentState().cursor).toBeNull();
  });

  it('treats stored JSON it cannot read as absent, so the next refresh rebuilds it', () => {
    gas = installGas();
    gas.PropertiesService.getDocumentProperties()!.setProperties({ [DOCUMENT_KEYS.layouts]: '{not json', [DOCUMENT_KEYS.renderMemory]: '{"alertsHash":5}', [DOCUMENT_KEYS.language]: 'fr' });
    expect(readDocumentState()).toMatchObject({ layouts: {}, renderMemory: {}, language: 'ko' });
  });
});
