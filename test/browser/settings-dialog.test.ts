import { describe, expect, it } from 'vitest';
import { RecordingBackend } from './support/backend';
import { DEMO_KEY, DEMO_URL, demoSeller } from './support/demo-seller';
import { skipBrowserSuite, useBrowserHarness } from './support/harness';
import { eventually, settle, textOf } from './support/page-helpers';
import { SellerBackend } from './support/seller-backend';

describe.skipIf(skipBrowserSuite)('settings dialog in Chromium', () => {
  const harness = useBrowserHarness();

  async function openDialog(seller: SellerBackend) {
    const backend = new RecordingBackend(seller);
    const opened = await harness().open(backend, { file: 'Settings.html', width: 480, height: 440 });
    await opened.page.locator('#api-key-stored:not(:empty)').waitFor();
    return { ...opened, backend };
  }

  it('shows the stored URL and only a hint of the stored key', async () => {
    const { page, backend, errors } = await openDialog(demoSeller());
    expect(backend.calls).toEqual([{ name: 'getConnectionSettings', argument: {} }]);
    expect(await page.inputValue('#server-url')).toBe(DEMO_URL);
    expect(await page.inputValue('#api-key')).toBe('');
    expect(await textOf(page, '#api-key-stored')).toBe('저장된 키 ••••0001 (비워 두면 유지)');
    expect(await page.content()).not.toContain(DEMO_KEY);
    expect(errors).toEqual([]);
  });

  it('saves a new URL, key and language, and switches the dialog to that language', async () => {
    const seller = new SellerBackend();
    const { page, backend } = await openDialog(seller);
    expect(await textOf(page, '#api-key-stored')).toBe('저장된 키 없음');
    await page.fill('#server-url', 'https://sync.example.com/');
    await page.fill('#api-key', 'ss_live_new_key_42');
    await page.selectOption('#language', 'en');
    await page.click('#save-button');
    await eventually(() => textOf(page, '#settings-status')).toBe('Saved');
    expect(backend.callsOf('saveConnectionSettings')).toEqual([
      { name: 'saveConnectionSettings', argument: { serverUrl: 'https://sync.example.com/', apiKey: 'ss_live_new_key_42', language: 'en' } },
    ]);
    expect(seller.settings).toEqual({ serverUrl: 'https://sync.example.com/', apiKey: 'ss_live_new_key_42', language: 'en' });
    expect(await page.inputValue('#api-key')).toBe('');
    expect(await textOf(page, '#api-key-stored')).toBe('Stored key ••••y_42 (leave empty to keep)');
    expect(await textOf(page, '#save-button')).toBe('Save');
  });

  it('keeps the stored key when the key field is left empty', async () => {
    const seller = demoSeller();
    const { page, backend } = await openDialog(seller);
    await page.fill('#server-url', 'https://sync2.example.com');
    await page.click('#save-button');
    await eventually(() => textOf(page, '#settings-status')).toBe('저장했습니다');
    expect(backend.callsOf('saveConnectionSettings')[0]?.argument).toEqual({ serverUrl: 'https://sync2.example.com', language: 'ko' });
    expect(seller.settings.apiKey).toBe(DEMO_KEY);
  });

  it('names the field when the URL or the key is malformed, without calling the add-on', async () => {
    const { page, backend } = await openDialog(demoSeller());
    await page.fill('#server-url', 'sync.example.com');
    await page.click('#save-button');
    await eventually(() => textOf(page, '#settings-status')).toBe('서버 주소는 https://로 시작하는 전체 주소여야 합니다');
    expect(await page.getAttribute('#server-url', 'aria-invalid')).toBe('true');
    await settle(page);
    expect(backend.callsOf('saveConnectionSettings')).toEqual([]);
    await page.fill('#server-url', DEMO_URL);
    await page.fill('#api-key', 'has space');
    await page.click('#test-button');
    await eventually(() => textOf(page, '#settings-status')).toBe('API 키는 공백 없이 8자 이상이어야 합니다');
    expect(await page.getAttribute('#api-key', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#server-url', 'aria-invalid')).toBeNull();
    await settle(page);
    expect(backend.callsOf('testConnection')).toEqual([]);
  });

  it('연결 테스트 shows the seller and key label for the typed values', async () => {
    const seller = new SellerBackend();
    seller.remote.keys.set('ss_live_typed_0002', 'office-pc');
    const { page, backend } = await openDialog(seller);
    await page.fill('#server-url', DEMO_URL);
    await page.fill('#api-key', 'ss_live_typed_0002');
    await page.click('#test-button');
    await eventually(() => textOf(page, '#settings-status')).toBe('연결 성공: 하늘상점 (키 office-pc)');
    expect(backend.callsOf('testConnection')).toEqual([{ name: 'testConnection', argument: { serverUrl: DEMO_URL, apiKey: 'ss_live_typed_0002' } }]);
    expect(seller.settings.apiKey).toBeUndefined();
  });

  it('연결 테스트 shows a rejected key and an unreachable server readably', async () => {
    const { page, backend } = await openDialog(demoSeller());
    await page.fill('#api-key', 'ss_live_wrong_key');
    await page.click('#test-button');
    await eventually(() => textOf(page, '#settings-status')).toBe('API 키가 없거나 올바르지 않습니다');
    expect(await page.getAttribute('#settings-status', 'data-kind')).toBe('error');
    await page.fill('#api-key', '');
    await page.fill('#server-url', 'https://elsewhere.example.net');
    await page.click('#test-button');
    await eventually(() => textOf(page, '#settings-status')).toBe('서버에 연결할 수 없습니다: DNS error: elsewhere.example.net');
    expect(backend.callsOf('testConnection').map((call) => call.argument)).toEqual([{ serverUrl: DEMO_URL, apiKey: 'ss_live_wrong_key' }, { serverUrl: 'https://elsewhere.example.net' }]);
  });

  it('닫기 closes the dialog through google.script.host', async () => {
    const { page, hostCloses } = await openDialog(demoSeller());
    await page.click('#close-button');
    await eventually(hostCloses).toBe(1);
  });
});
