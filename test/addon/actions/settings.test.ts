import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as addon from '../../../addon/index';
import { freePort } from '../../../server/redis/launch';
import { headerCells } from '../../../shared/sheets/layout';
import { ordersLayout } from '../../../shared/sheets/layouts';
import type { TestSeller } from '../../http/support/harness';
import type { GasEnvironment } from '../../support/gas';
import { connectedGas } from '../support/addon-env';
import { startServerProcess, type ServerProcess } from '../support/server-process';

let server: ServerProcess;
let seller: TestSeller;
let gas: GasEnvironment;

beforeAll(async () => {
  server = await startServerProcess();
  seller = await server.seller('바다상점');
});
afterEach(() => gas.uninstall());

const pages = { Sidebar: '<html>sidebar</html>', Settings: '<html>settings</html>' };

describe('the settings dialog, server side', () => {
  it('keeps the URL and key in the user properties only, and shows only the key hint', () => {
    gas = connectedGas(null, null, { htmlFiles: pages });
    expect(addon.getConnectionSettings({})).toEqual({ ok: true, value: { language: 'ko' } });
    const saved = addon.saveConnectionSettings({ serverUrl: server.url, apiKey: seller.key, language: 'ko' });
    expect(saved).toEqual({ ok: true, value: { serverUrl: server.url, keyHint: `••••${seller.key.slice(-4)}`, language: 'ko' } });
    expect(JSON.stringify(gas.PropertiesService.getDocumentProperties()?.getProperties())).not.toContain(seller.key);
    expect(gas.spreadsheet!.getSheets().some((sheet) => JSON.stringify(sheet.snapshot()).includes(seller.key))).toBe(false);
    // Another person in the same spreadsheet sees nothing of it.
    gas.runtime.userEmail = 'packer@example.com';
    expect(addon.getConnectionSettings({})).toEqual({ ok: true, value: { language: 'ko' } });
  });

  it('saving without a key keeps the stored one', () => {
    gas = connectedGas(server, seller);
    addon.saveConnectionSettings({ serverUrl: `${server.url}/`, language: 'ko' });
    expect(addon.testConnection({})).toEqual({ ok: true, value: { sellerName: '바다상점', keyLabel: 'owner' } });
  });

  it('연결 테스트 tries the typed values, and explains a wrong key or an unreachable server', async () => {
    gas = connectedGas(null, null);
    expect(addon.testConnection({ serverUrl: server.url, apiKey: seller.key })).toEqual({ ok: true, value: { sellerName: '바다상점', keyLabel: 'owner' } });
    expect(addon.testConnection({ serverUrl: server.url, apiKey: 'ssk_0000000000000000_nope' })).toEqual({ ok: false, error: { code: 'error.UNAUTHORIZED', params: {} } });
    const closed = await freePort();
    const unreachable = addon.testConnection({ serverUrl: `http://127.0.0.1:${closed}`, apiKey: seller.key });
    expect(unreachable).toMatchObject({ ok: false, error: { code: 'sidebar.error.UNREACHABLE' } });
    expect(addon.testConnection({})).toEqual({ ok: false, error: { code: 'sidebar.error.NOT_CONFIGURED', params: {} } });
    expect(addon.testConnection({ serverUrl: 'ftp://x' })).toMatchObject({ ok: false, error: { code: 'error.VALIDATION', params: { field: 'serverUrl' } } });
  });

  it('English sets the sheets up again in English at the next refresh', () => {
    gas = connectedGas(server, seller);
    addon.refresh({});
    const header = () => gas.spreadsheet!.sheet('주문').getRange(1, 1, 1, 8).getValues()[0];
    expect(header()).toEqual(headerCells(ordersLayout, 'ko').slice(0, 8));
    addon.saveConnectionSettings({ serverUrl: server.url, language: 'en' });
    const refreshed = addon.refresh({});
    expect(refreshed.ok && refreshed.value.state.language).toBe('en');
    expect(header()).toEqual(headerCells(ordersLayout, 'en').slice(0, 8));
  });

  it('opens the sidebar and the settings dialog from their files', () => {
    gas = connectedGas(server, seller, { htmlFiles: pages });
    addon.showSidebar();
    expect(gas.ui.sidebars.map((page) => [page.getTitle(), page.getContent()])).toEqual([['Sheetship', pages.Sidebar]]);
    expect(addon.openSettings({})).toEqual({ ok: true, value: {} });
    expect(gas.ui.dialogs.map((dialog) => [dialog.title, dialog.modal, dialog.html.getWidth(), dialog.html.getHeight()])).toEqual([['Sheetship 연결 설정', true, 460, 440]]);
  });
});
