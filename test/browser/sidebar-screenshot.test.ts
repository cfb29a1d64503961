import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { demoSeller } from './support/demo-seller';
import { skipBrowserSuite, TEST_OUTPUT, useBrowserHarness } from './support/harness';
import { eventually, sidebarReady, textOf } from './support/page-helpers';

/** Two screenshots side by side on a light backdrop, as the README shows them. */
function sideBySide(left: Buffer, right: Buffer): Buffer {
  const images = [PNG.sync.read(left), PNG.sync.read(right)];
  const margin = 32;
  const width = images.reduce((sum, image) => sum + image.width, 0) + margin * (images.length + 1);
  const height = Math.max(...images.map((image) => image.height)) + margin * 2;
  const canvas = new PNG({ width, height });
  canvas.data.fill(0xe8);
  for (let offset = 3; offset < canvas.data.length; offset += 4) canvas.data[offset] = 0xff;
  let x = margin;
  for (const image of images) {
    PNG.bitblt(image, canvas, 0, 0, image.width, image.height, x, margin);
    x += image.width + margin;
  }
  return PNG.sync.write(canvas);
}

describe.skipIf(skipBrowserSuite)('sidebar screenshot', () => {
  const harness = useBrowserHarness();

  it('renders the status, the actions and a scan session, saved under test-output/', async () => {
    const seller = demoSeller();
    seller.check('smartstore:hanul:2025112612001', 'smartstore:hanul:2025112612002');
    const { page, errors } = await harness().open(seller, { height: 720 });
    await sidebarReady(page);
    await page.click('#issue-button');
    await eventually(() => textOf(page, '#result')).toContain('송장 2건 발급');
    await page.mouse.move(0, 0);
    const status = await page.screenshot({ fullPage: false });

    await page.click('#scan-button');
    for (const code of ['600000000101', '600000000102', '600000000301', '600000000102', '600000000103']) {
      await page.locator('#scan-input').fill(code);
      await page.keyboard.press('Enter');
    }
    await eventually(() => page.locator('.scan-entry[data-status="ok"], .scan-entry[data-status="refused"]').count()).toBe(5);
    await page.mouse.move(0, 0);
    const scan = await page.screenshot({ fullPage: false });

    mkdirSync(TEST_OUTPUT, { recursive: true });
    writeFileSync(join(TEST_OUTPUT, 'sidebar-status.png'), status);
    writeFileSync(join(TEST_OUTPUT, 'sidebar-scan.png'), scan);
    const combined = sideBySide(status, scan);
    writeFileSync(join(TEST_OUTPUT, 'sidebar.png'), combined);
    expect(PNG.sync.read(combined).width).toBe(2 * 600 + 3 * 32);
    expect(errors).toEqual([]);
  });

  it('renders the settings dialog after a successful connection test', async () => {
    const { page, errors } = await harness().open(demoSeller(), { file: 'Settings.html', width: 460, height: 460 });
    await page.locator('#api-key-stored:not(:empty)').waitFor();
    await page.click('#test-button');
    await eventually(() => textOf(page, '#settings-status')).toBe('연결 성공: 하늘상점 (키 packer-1)');
    await page.mouse.move(0, 0);
    mkdirSync(TEST_OUTPUT, { recursive: true });
    writeFileSync(join(TEST_OUTPUT, 'settings.png'), await page.screenshot());
    expect(errors).toEqual([]);
  });
});
