import { describe, expect, it } from 'vitest';
import { apiKeyHint, errorSummary, handleSidebarCall, replySchema, SidebarFailure, type SidebarState } from '../../shared/sidebar-contract';

const state: SidebarState = {
  language: 'ko',
  connection: { status: 'ok', sellerName: '하늘상점', keyLabel: 'packer-1' },
  counts: { HELD: 1, ALLOCATED: 2, WAYBILL_ISSUED: 3, SHIPPED: 4, DELIVERED: 5, CANCELLED: 0, RETURNED: 0 },
  alerts: [],
  carriers: [{ id: 'cj', name: 'CJ대한통운' }],
};

describe('handleSidebarCall', () => {
  it('parses the argument and checks the result', () => {
    expect(handleSidebarCall('scan', { code: '600000000101', mode: 'ship' }, (input) => ({ ok: true, reason: 'OK', orderKeys: [input.code] }))).toEqual({
      ok: true,
      value: { ok: true, reason: 'OK', orderKeys: ['600000000101'] },
    });
  });

  it('takes a missing argument as an empty one for calls without parameters', () => {
    expect(handleSidebarCall('getSidebarState', undefined, () => state)).toEqual({ ok: true, value: state });
  });

  it('answers a bad argument with a validation error naming the field and the problem', () => {
    const handler = () => {
      throw new Error('must not run');
    };
    expect(handleSidebarCall('scan', { code: '', mode: 'ship' }, handler)).toEqual({ ok: false, error: { code: 'error.VALIDATION', params: { field: 'code', problem: 'must be at least 1 characters' } } });
    expect(handleSidebarCall('scan', { code: 'x', mode: 'fast' }, handler)).toEqual({ ok: false, error: { code: 'error.VALIDATION', params: { field: 'mode', problem: 'must be one of ship, verify' } } });
    expect(handleSidebarCall('issueWaybills', { carrier: 'cj', rows: [2] }, handler)).toEqual({ ok: false, error: { code: 'error.VALIDATION', params: { field: 'input', problem: 'has unknown field rows' } } });
    expect(handleSidebarCall('saveConnectionSettings', { serverUrl: 'ftp://x.example.com/', language: 'ko' }, handler)).toEqual({
      ok: false,
      error: { code: 'error.VALIDATION', params: { field: 'serverUrl', problem: 'must be an http or https URL' } },
    });
  });

  it('turns a SidebarFailure into its error reply', () => {
    const reply = handleSidebarCall('bulkShip', {}, () => {
      throw new SidebarFailure('sidebar.error.NO_ROWS_CHECKED');
    });
    expect(reply).toEqual({ ok: false, error: { code: 'sidebar.error.NO_ROWS_CHECKED', params: {} } });
  });

  it('reports an unexpected error by its first line only', () => {
    const reply = handleSidebarCall('refresh', {}, () => {
      throw new Error('Exception: Service invoked too many times\n    at refresh (Code:10:3)');
    });
    expect(reply).toEqual({ ok: false, error: { code: 'sidebar.error.UNEXPECTED', params: { detail: 'Exception: Service invoked too many times' } } });
  });

  it('refuses a result google.script.run could not carry or the browser should not open', () => {
    const withDate = { ...state, lastSyncAt: new Date() } as unknown as SidebarState;
    expect(handleSidebarCall('getSidebarState', {}, () => withDate)).toEqual({ ok: false, error: { code: 'sidebar.error.INVALID_REPLY', params: { call: 'getSidebarState', field: 'lastSyncAt' } } });
    const script = { url: 'javascript:alert(1)', expiresAt: '2025-11-26T10:00:00+09:00', labels: 1, issued: [] };
    expect(handleSidebarCall('printLabels', { carrier: 'cj' }, () => script)).toEqual({ ok: false, error: { code: 'sidebar.error.INVALID_REPLY', params: { call: 'printLabels', field: 'url' } } });
  });
});

describe('the reply schema', () => {
  it('accepts a result or an error, and nothing else', () => {
    expect(replySchema('ackAlert').safeParse({ ok: true, value: { id: 'SHORTAGE:A' } }).success).toBe(true);
    expect(replySchema('ackAlert').safeParse({ ok: false, error: { code: 'error.NOT_FOUND', params: { what: 'A' } } }).success).toBe(true);
    expect(replySchema('ackAlert').safeParse({ ok: true, value: {} }).success).toBe(false);
    expect(replySchema('ackAlert').safeParse({ id: 'SHORTAGE:A' }).success).toBe(false);
  });
});

describe('texts for people', () => {
  it('shortens an error to one line of at most 160 characters', () => {
    expect(errorSummary(new Error(`${'x'.repeat(200)}\nat stack`))).toBe(`${'x'.repeat(157)}...`);
    expect(errorSummary('plain')).toBe('plain');
    expect(errorSummary(42)).toBe('unknown error');
  });

  it('hints at a key by its last four characters', () => {
    expect(apiKeyHint('ss_live_abcdef1234')).toBe('••••1234');
  });
});
