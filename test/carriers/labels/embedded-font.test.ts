import { describe, expect, it } from 'vitest';
import { renderLabels } from '../../../server/carriers/labels';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { cjLabel } from './fixtures';
import { pdfFonts } from './pdf-tools';

describe('label fonts, listed by pdffonts', () => {
  it('embeds only subsets of Pretendard with a Unicode map, and names no system font', async () => {
    const fonts = pdfFonts(await renderLabels([cjLabel(), cjLabel({ trackingNumber: '601234567899' })], { masking: DEFAULT_SETTINGS.masking }));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toMatchObject({ embedded: true, subset: true, unicodeMap: true });
      // A subset's name is a six-letter tag, "+", then the font's own name.
      expect(font.name).toMatch(/^[A-Z]{6}\+Pretendard-/);
    }
  });

  it('tells the text-only baseline apart: Helvetica, not embedded', async () => {
    const label = cjLabel({
      sort: undefined,
      receiver: { name: 'Hong Gildong', phone: '010-2468-1357', zip: '06236', address1: '152 Teheran-ro, Gangnam-gu, Seoul' },
      sender: { name: 'Sheetship Store', phone: '031-8017-1234', address1: '660 Daewangpangyo-ro, Seongnam' },
      items: [{ name: 'Organic tangerines 5kg', quantity: 2 }],
      message: 'Leave at the door',
    });
    const fonts = pdfFonts(await renderLabels([label], { masking: DEFAULT_SETTINGS.masking, language: 'en', textOnly: true }));
    expect(fonts.map((font) => font.name).sort()).toEqual(['Helvetica', 'Helvetica-Bold']);
    expect(fonts.every((font) => !font.embedded)).toBe(true);
  });
});
