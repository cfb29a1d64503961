import { describe, expect, it } from 'vitest';
import { renderLabels } from '../../../server/carriers/labels';
import { withCheckDigit } from '../../../shared/carriers';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { cjLabel } from './fixtures';
import { pdfText } from './pdf-tools';

const masking = DEFAULT_SETTINGS.masking;
const digitsOf = (text: string): string => text.replace(/[^0-9*]/g, '');

describe('label PDF text, read back with pdf.js', () => {
  it('prints one 123 × 100 mm page per box, each with its number in 4-4-4', async () => {
    const numbers = ['601234567890', '601234567891', '601234567892'];
    const labels = numbers.map((trackingNumber, index) => cjLabel({ trackingNumber, package: { index: index + 1, count: 3 } }));
    const pages = await pdfText(await renderLabels(labels, { masking }));
    expect(pages).toHaveLength(3);
    pages.forEach((page, index) => {
      expect(page.widthPt).toBeCloseTo((123 / 25.4) * 72, 1);
      expect(page.heightPt).toBeCloseTo((100 / 25.4) * 72, 1);
      const number = numbers[index] ?? '';
      expect(page.runs).toContain(`${number.slice(0, 4)}-${number.slice(4, 8)}-${number.slice(8)}`);
      expect(page.runs).toContain(`${index + 1}/3`);
    });
  });

  it('shows the masked name and phone and never the full ones, even when the buyer typed them into the message', async () => {
    const label = cjLabel({ message: '홍길동 부재 시 010-2468-1357 또는 010 2468 1357로 연락' });
    const [page] = await pdfText(await renderLabels([label], { masking }));
    expect(page?.runs).toContain('홍*동');
    expect(page?.runs).toContain('010-2468-****');
    expect(page?.joined).not.toContain('홍길동');
    expect(page?.joined).not.toContain('길');
    expect(digitsOf(page?.joined ?? '')).not.toContain('1357');
  });

  it('follows the seller masking setting', async () => {
    const pdf = await renderLabels([cjLabel()], { masking: { name: 'last', phone: 'middle4' } });
    const [page] = await pdfText(pdf);
    expect(page?.runs).toContain('홍길*');
    expect(page?.runs).toContain('010-****-1357');
    expect(page?.joined).not.toContain('홍길동');
    expect(digitsOf(page?.joined ?? '')).not.toContain('2468');
  });

  it('keeps the Hangul extractable as text: captions, address, sender, items, message and sort pieces', async () => {
    const [page] = await pdfText(await renderLabels([cjLabel()], { masking }));
    const text = page?.joined ?? '';
    for (const expected of ['CJ대한통운', '받는분', '서울특별시 강남구 테헤란로 152 21층', '강남 테헤란152', '시트쉽 스토어', '031-8017-1234']) {
      expect(text).toContain(expected);
    }
    for (const expected of ['유기농 제주 감귤 5kg [로얄과]', '2개', '부재 시 문 앞에 놓아주세요', '강남역삼 - 12-가', '7', 'K41', '-2c']) {
      expect(page?.runs).toContain(expected);
    }
  });

  it('marks a reprint with its print count, and a first print with nothing', async () => {
    const pages = await pdfText(await renderLabels([cjLabel({ printCount: 1 }), cjLabel({ printCount: 3 })], { masking }));
    expect(pages[0]?.joined).not.toContain('재출력');
    expect(pages[1]?.runs).toContain('재출력 3');
  });

  it('prints the zip large when no sort code is known, and lists items beyond the box as "외 N건"', async () => {
    const items = Array.from({ length: 9 }, (_, index) => ({ name: `상품 ${index + 1}`, quantity: 1 }));
    const label = cjLabel({ carrier: 'lotte', trackingNumber: withCheckDigit('lotte', '40246360001'), items, message: undefined });
    delete label.sort;
    const [page] = await pdfText(await renderLabels([label], { masking }));
    expect(page?.runs).toContain('롯데택배');
    expect(page?.runs).toContain('06236');
    expect(page?.runs).toContain('상품 1');
    expect(page?.runs.some((run) => /^외 \d건$/.test(run))).toBe(true);
    expect(page?.runs).toContain('총 9개');
  });
});
