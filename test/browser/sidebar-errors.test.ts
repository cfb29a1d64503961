import { describe, expect, it } from 'vitest';
import { RecordingBackend, type GasBackend } from './support/backend';
import { demoSeller } from './support/demo-seller';
import { skipBrowserSuite, useBrowserHarness } from './support/harness';
import { eventually, sidebarReady, textOf } from './support/page-helpers';
import { SellerBackend } from './support/seller-backend';

/** Answers one call with something that breaks the contract, as a stale or buggy add-on would. */
class MalformedReply implements GasBackend {
  constructor(
    private readonly inner: GasBackend,
    private readonly name: string,
    private readonly reply: unknown,
  ) {}

  call(name: string, argument: unknown): unknown {
    return name === this.name ? this.reply : this.inner.call(name, argument);
  }
}

describe.skipIf(skipBrowserSuite)('sidebar errors in Chromium', () => {
  const harness = useBrowserHarness();

  async function open(backend: GasBackend) {
    const recording = new RecordingBackend(backend);
    const opened = await harness().open(recording);
    await sidebarReady(opened.page);
    return { ...opened, backend: recording };
  }

  it('shows an error reply from the message table', async () => {
    const seller = demoSeller();
    seller.check('smartstore:hanul:2025112612001');
    seller.failOnce('issueWaybills', { code: 'error.RATE_LIMITED', params: { seconds: 30 } });
    const { page } = await open(seller);
    await page.click('#issue-button');
    await eventually(() => textOf(page, '#result')).toBe('요청이 너무 많습니다. 30초 뒤에 다시 시도하세요');
    expect(await page.locator('#result').getAttribute('data-kind')).toBe('error');
  });

  it('shows a failed execution as one readable line, never its stack trace', async () => {
    const seller = demoSeller();
    seller.check('coupang:hanul:31000021');
    seller.throwOnce('bulkShip', 'Exception: Request failed for https://sync.example.com returned code 502\n    at callApi (Code:123:4)\n    at bulkShip (Code:456:7)');
    const { page, backend } = await open(seller);
    await page.click('#ship-button');
    await eventually(() => textOf(page, '#result')).toBe('Apps Script 호출에 실패했습니다: Exception: Request failed for https://sync.example.com returned code 502');
    const shown = await page.locator('body').innerText();
    expect(shown).not.toContain('Code:123');
    expect(shown).not.toMatch(/\bat \w+ \(/);
    expect(backend.callsOf('bulkShip')).toHaveLength(1);
  });

  it('names the call and the field when a reply breaks the contract', async () => {
    const seller = demoSeller();
    const { page } = await open(new MalformedReply(seller, 'bulkShip', { ok: true, value: { results: 'all good' } }));
    await page.click('#ship-button');
    await eventually(() => textOf(page, '#result')).toBe('응답 형식이 올바르지 않습니다 (bulkShip value.results)');
  });

  it('tells a seller with no connection where to set it up, on load and on every button', async () => {
    const { page, backend } = await open(new SellerBackend());
    expect(await textOf(page, '#connection-text')).toBe('서버 연결이 설정되지 않았습니다');
    expect(await textOf(page, '#connection-who')).toBe('설정에서 서버 주소와 API 키를 입력하세요');
    await page.click('#ship-button');
    await eventually(() => textOf(page, '#result')).toBe('설정에서 서버 주소와 API 키를 입력하세요');
    expect(backend.callsOf('bulkShip')).toHaveLength(1);
  });

  it('closes the tab it opened for labels when printing fails', async () => {
    const seller = demoSeller();
    seller.check('coupang:hanul:31000021');
    seller.failOnce('printLabels', { code: 'error.INTERNAL', params: { requestId: 'req-7f3a' } });
    const { page } = await open(seller);
    const popup = page.waitForEvent('popup');
    await page.click('#print-button');
    const tab = await popup;
    await eventually(() => tab.isClosed()).toBe(true);
    expect(await textOf(page, '#result')).toBe('서버 오류가 발생했습니다 (요청 req-7f3a)');
  });

  it('says so when no row is checked', async () => {
    const { page } = await open(demoSeller());
    await page.click('#print-button');
    await eventually(() => textOf(page, '#result')).toBe('주문 시트에서 체크된 행이 없습니다');
  });

  it('shows a failed first load as a connection error', async () => {
    const seller = demoSeller();
    seller.throwOnce('getSidebarState', 'Authorization is required to perform that action.');
    const opened = await harness().open(seller);
    await eventually(() => textOf(opened.page, '#connection-text')).toBe('연결 오류');
    expect(await textOf(opened.page, '#connection-who')).toBe('Apps Script 호출에 실패했습니다: Authorization is required to perform that action.');
  });

  it('speaks English when the seller chose it, errors included', async () => {
    const seller = demoSeller();
    seller.settings.language = 'en';
    seller.failOnce('bulkShip', { code: 'error.UNAUTHORIZED', params: {} });
    const { page } = await open(seller);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await textOf(page, '#issue-button')).toBe('Issue waybills');
    expect(await textOf(page, '#scan-button')).toBe('Scan to ship');
    expect(await textOf(page, '#counts [data-state="HELD"] .tile-label')).toBe('Held');
    expect(await textOf(page, '#connection-text')).toBe('Connected');
    await page.click('#ship-button');
    await eventually(() => textOf(page, '#result')).toBe('Missing or invalid API key');
  });
});
