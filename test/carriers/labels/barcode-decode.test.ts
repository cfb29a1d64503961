import { describe, expect, it } from 'vitest';
import { renderLabels, type LabelData } from '../../../server/carriers/labels';
import { withCheckDigit } from '../../../shared/carriers';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { cjLabel } from './fixtures';
import { decodeCode128, renderPage, symbolCount } from './pdf-tools';

describe('label barcodes, decoded by zxing from pages rasterised by pdftoppm', () => {
  const cases: Array<{ name: string; label: LabelData; number: string }> = [
    { name: 'a 12-digit CJ number typed with hyphens', label: cjLabel({ trackingNumber: '6012-3456-7890' }), number: '601234567890' },
    { name: 'a legacy 10-digit CJ number', label: cjLabel({ trackingNumber: '3456789012' }), number: '3456789012' },
    { name: 'a 13-digit Korea Post number (odd length)', label: cjLabel({ carrier: 'epost', trackingNumber: '6865109394355', sort: undefined }), number: '6865109394355' },
    { name: 'an 11-digit Logen number', label: cjLabel({ carrier: 'logen', trackingNumber: withCheckDigit('logen', '1234567890'), sort: undefined }), number: '12345678903' },
  ];

  it.each(cases)('every barcode on the page of $name reads the bare number', async ({ label, number }) => {
    const pdf = await renderLabels([label], { masking: DEFAULT_SETTINGS.masking });
    const decoded = decodeCode128(renderPage(pdf, 1));
    expect(decoded.map((symbol) => symbol.text)).toEqual([number]);
    // The large barcode under the header and the small one in the footer, as CJ prints them.
    expect(symbolCount(decoded[0]?.rows ?? [])).toBe(2);
  });

  it('gives each page of a batch its own number', async () => {
    const numbers = ['601234567890', '601234567891'];
    const pdf = await renderLabels(numbers.map((trackingNumber) => cjLabel({ trackingNumber })), { masking: DEFAULT_SETTINGS.masking });
    expect(decodeCode128(renderPage(pdf, 1)).map((symbol) => symbol.text)).toEqual([numbers[0]]);
    expect(decodeCode128(renderPage(pdf, 2)).map((symbol) => symbol.text)).toEqual([numbers[1]]);
  });
});
