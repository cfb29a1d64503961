import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RecordingBackend } from './support/backend';
import { demoSeller } from './support/demo-seller';
import { skipBrowserSuite, useBrowserHarness } from './support/harness';
import { eventually, settle, sidebarReady, textOf } from './support/page-helpers';
import type { SellerBackend } from './support/seller-backend';

/**
 * The page runs on Playwright's fake clock, so 30–60 s pass in an instant; Math.random is pinned so the
 * jittered delay is known.
 */
describe.skipIf(skipBrowserSuite)('sidebar auto-refresh in Chromium', () => {
  const harness = useBrowserHarness();

  async function openOnFakeClock(random: number, setup: (seller: SellerBackend) => void = () => undefined) {
    const seller = demoSeller();
    setup(seller);
    const backend = new RecordingBackend(seller);
    const opened = await harness().open(backend, {
      beforeLoad: async (page: Page) => {
        await page.clock.install();
        await page.addInitScript((value) => {
          Math.random = () => value;
        }, random);
      },
    });
    await sidebarReady(opened.page);
    return { ...opened, seller, backend };
  }

  // The delay is 30 s plus up to 30 s of jitter.
  for (const [random, delayMs] of [
    [0, 30_000],
    [0.5, 45_000],
    [0.99999, 59_999],
  ] as const) {
    it(`refreshes ${delayMs} ms after opening, and again ${delayMs} ms after that (random ${random})`, async () => {
      const { page, backend } = await openOnFakeClock(random);
      await page.clock.runFor(delayMs - 500);
      await settle(page);
      expect(backend.callsOf('refresh')).toHaveLength(0);
      await page.clock.runFor(1000);
      await eventually(() => backend.callsOf('refresh').length).toBe(1);
      await eventually(() => textOf(page, '#last-sync')).toBe('마지막 동기화 2025-11-26 10:42');
      await page.clock.runFor(delayMs + 1000);
      await eventually(() => backend.callsOf('refresh').length).toBe(2);
      // An automatic refresh reports nothing in the result area; that is for what the seller pressed.
      expect(await page.locator('#result').isHidden()).toBe(true);
    });
  }

  it('never overlaps a running refresh: the timer waits and the button joins it', async () => {
    let release = () => undefined as void;
    const { page, backend } = await openOnFakeClock(0, (seller) => seller.holdOnce('refresh', new Promise<void>((resolve) => (release = resolve))));
    await page.clock.runFor(31_000);
    await eventually(() => backend.callsOf('refresh').length).toBe(1);
    await page.clock.runFor(120_000);
    await page.click('#refresh-button');
    await settle(page);
    expect(backend.callsOf('refresh')).toHaveLength(1);
    expect(await page.locator('#refresh-button').isDisabled()).toBe(true);
    release();
    await eventually(() => textOf(page, '#result')).toContain('새로고침 완료');
    await settle(page);
    expect(backend.callsOf('refresh')).toHaveLength(1);
    // The next automatic refresh is counted from the end of the last one.
    await page.clock.runFor(29_000);
    await settle(page);
    expect(backend.callsOf('refresh')).toHaveLength(1);
    await page.clock.runFor(2_000);
    await eventually(() => backend.callsOf('refresh').length).toBe(2);
  });

  it('shows a failed automatic refresh as the sync error, readably', async () => {
    const { page } = await openOnFakeClock(0, (seller) => seller.failOnce('refresh', { code: 'sidebar.error.UNREACHABLE', params: { detail: 'Address unavailable: https://sync.example.com/v1/orders' } }));
    await page.clock.runFor(31_000);
    await eventually(() => textOf(page, '#last-error')).toBe('동기화 오류: 서버에 연결할 수 없습니다: Address unavailable: https://sync.example.com/v1/orders');
    expect(await page.locator('#result').isHidden()).toBe(true);
  });
});
