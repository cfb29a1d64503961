import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENU_ITEMS } from '../../addon/menu';
import { TRIGGER_HANDLERS } from '../../addon/triggers/install';
import { SIDEBAR_CALL_NAMES } from '../../shared/sidebar-contract';
import { buildAddonBundle, loadBundle } from './support/bundle';

let built: { dir: string; remove(): void };
beforeAll(async () => {
  built = await buildAddonBundle();
});
afterAll(() => built.remove());

describe('the built add-on bundle in an Apps Script-like V8 context', () => {
  it('has only Apps Script globals to work with', () => {
    const { context } = loadBundle(built.dir, { authMode: 'NONE' });
    for (const name of ['require', 'process', 'Buffer', 'setTimeout', 'fetch', 'module', 'URL', 'TextEncoder']) {
      expect(runInContext(`typeof ${name}`, context), name).toBe('undefined');
    }
    expect(runInContext('typeof SpreadsheetApp', context)).toBe('object');
  });

  it('calls no service while it loads, even in AuthMode NONE', () => {
    const { gas } = loadBundle(built.dir, { authMode: 'NONE' });
    expect(gas.calls.all).toEqual([]);
  });

  it('onOpen in a LIMITED-mode event builds the menu and calls no other service', () => {
    const bundle = loadBundle(built.dir, { authMode: 'LIMITED' });
    bundle.call('onOpen', { authMode: 'LIMITED', source: bundle.gas.spreadsheet, user: {} });
    const methods = new Set(bundle.gas.calls.all.map((call) => call.method));
    // SpreadsheetApp.getUi is how a menu is reached; everything else is the menu itself.
    expect([...methods].sort()).toEqual(['Menu.addItem', 'Menu.addSeparator', 'Menu.addToUi', 'SpreadsheetApp.getUi', 'Ui.createAddonMenu']);
    const [menu] = bundle.gas.ui.menus;
    expect(menu?.addon).toBe(true);
    expect(menu?.entries.filter((entry) => entry.type === 'item').map((entry) => (entry.type === 'item' ? entry.caption : ''))).toEqual([
      '사이드바 열기',
      '새로고침',
      '전체 새로고침',
      '오늘의집 주문 가져오기',
      '오늘의집 송장 내보내기',
      '오늘의집 재고 내보내기',
      '오늘의집 송장 업로드 완료',
      '설정',
    ]);
  });

  it('onOpen works in AuthMode NONE too (an add-on installed but not enabled in this file)', () => {
    const bundle = loadBundle(built.dir, { authMode: 'NONE' });
    bundle.call('onOpen', { authMode: 'NONE' });
    expect(bundle.gas.ui.menus).toHaveLength(1);
  });

  it('every menu item, trigger and google.script.run call names a top-level function', () => {
    const bundle = loadBundle(built.dir);
    const names = [...MENU_ITEMS.flatMap((item) => (item ? [item.handler] : [])), ...Object.values(TRIGGER_HANDLERS), ...SIDEBAR_CALL_NAMES, 'onOpen', 'onInstall'];
    expect(names.filter((name) => !bundle.has(name))).toEqual([]);
    // The installable edit trigger is not named onEdit, which would also run as a simple trigger (LIMITED, no UrlFetch).
    expect(bundle.has('onEdit')).toBe(false);
  });

  it('a sidebar call in the bundle answers in the contract shape, never with a thrown error', () => {
    const bundle = loadBundle(built.dir);
    expect(bundle.call('getConnectionSettings', {})).toEqual({ ok: true, value: { language: 'ko' } });
    expect(bundle.call('issueWaybills', { carrier: 'dhl' })).toMatchObject({ ok: false, error: { code: 'error.VALIDATION', params: { field: 'carrier' } } });
    expect(bundle.call('bulkShip', {})).toEqual({ ok: false, error: { code: 'sidebar.error.NOT_CONFIGURED', params: {} } });
  });

  it('ships the manifest with V8, Seoul time, the narrowest scopes and an allowlist placeholder', () => {
    const manifest = JSON.parse(readFileSync(join(built.dir, 'appsscript.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Asia/Seoul' });
    expect(manifest['oauthScopes']).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/script.scriptapp',
    ]);
    // A versioned deployment needs https, a full domain and a non-empty path for each prefix.
    for (const prefix of manifest['urlFetchWhitelist'] as string[]) expect(prefix).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\/.*$/);
  });

  it('serves the sidebar and the settings dialog as self-contained files', () => {
    for (const page of ['Sidebar.html', 'Settings.html']) {
      const html = readFileSync(join(built.dir, page), 'utf8');
      expect(html, page).not.toMatch(/<script[^>]+src=|<link[^>]+href=/i);
      expect(html, page).toContain('<script>');
    }
  });
});
