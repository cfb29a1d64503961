import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../shared/api/common';
import { LabelsResponseSchema, ListWaybillsResponseSchema } from '../../shared/api/waybills';
import { formatTrackingNumber } from '../../shared/carriers';
import { signLabelLink } from '../../server/waybills/label-links';
import { decodeCode128, pdfText, renderPage } from '../carriers/labels/pdf-tools';
import { alerts, applied, call, issue, postOrders, RECEIVER, shippingSeller, startShippingServer } from './support/harness';

const server = await startShippingServer();
const HONG = { ...RECEIVER, name: '홍길동', phone: '010-2468-1357' };

async function fetchPdf(url: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  // No Authorization header: a browser tab opens the link as it is.
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
}

describe('labels PDF behind a signed link', () => {
  it('serves one masked page per box, in order, with a barcode an independent decoder reads', async () => {
    const seller = await shippingSeller(server);
    await call(server, 'PUT', '/v1/waybill-ranges/lotte', { key: seller.key, body: { first: '40246360001', last: '40246460000' } });
    const [a, b, c] = await postOrders(server, seller, [
      { id: 'lb1', receiver: HONG, lines: [{ sku: 'A', quantity: 2, productName: '무선 키보드' }], message: '부재 시 010-2468-1357로 연락' },
      { id: 'lb2', receiver: HONG, lines: [{ sku: 'B', quantity: 1, productName: '마우스' }] },
      { id: 'lb3', receiver: { ...HONG, address2: '305호' }, lines: [{ sku: 'A', quantity: 4, productName: '무선 키보드' }] },
    ]);
    const results = await issue(server, seller, { carrier: 'lotte', parcels: [{ orderKeys: [a ?? '', b ?? ''] }, { orderKeys: [c ?? ''], packages: 2 }] });
    const numbers = results.flatMap((result) => applied(result).waybills.map((waybill) => waybill.trackingNumber));

    const link = await call(server, 'POST', '/v1/labels', { key: seller.key, body: { orderKeys: [a ?? '', b ?? '', c ?? ''] } });
    expect(link.status, link.text).toBe(200);
    const { url, expiresAt, waybillIds } = LabelsResponseSchema.parse(link.body);
    expect(url.startsWith(`${server.url}/v1/labels/`)).toBe(true);
    expect(waybillIds).toHaveLength(3);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());

    const pdf = await fetchPdf(url);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const pages = await pdfText(pdf.body);
    expect(pages).toHaveLength(3);
    pages.forEach((page, index) => {
      expect(page.runs).toContain(formatTrackingNumber(numbers[index] ?? ''));
      expect(page.runs).toContain('홍*동');
      expect(page.joined).not.toContain('홍길동');
      expect(page.joined.replace(/[^0-9*]/g, '')).not.toContain('1357');
      expect(page.joined).toContain('받는분');
      expect(page.joined).not.toContain('재출력');
    });
    expect(pages[0]?.joined).toContain('무선 키보드');
    expect(pages[0]?.joined).toContain('마우스');
    expect(pages[1]?.runs).toContain('1/2');
    expect(pages[2]?.runs).toContain('2/2');
    const decoded = decodeCode128(renderPage(pdf.body, 2)).map((symbol) => symbol.text);
    expect(decoded).toContain(numbers[1]);

    // Fetching the same link again is the same print.
    await fetchPdf(url);
    const listed = ListWaybillsResponseSchema.parse((await call(server, 'GET', `/v1/waybills?orderKey=${encodeURIComponent(a ?? '')}`, { key: seller.key })).body);
    expect(listed.waybills[0]?.printCount).toBe(1);
  });

  it('counts a reprint (same number, 재출력 N), and an address changed after printing raises an alert', async () => {
    const seller = await shippingSeller(server);
    await call(server, 'PUT', '/v1/waybill-ranges/hanjin', { key: seller.key, body: { first: '30000000000', last: '30000000999' } });
    const [key] = await postOrders(server, seller, [{ id: 'rp1', receiver: HONG }]);
    const number = applied((await issue(server, seller, { carrier: 'hanjin', parcels: [{ orderKeys: [key ?? ''] }] }))[0]).waybills[0]?.trackingNumber ?? '';
    for (let print = 1; print <= 2; print += 1) {
      const { url } = LabelsResponseSchema.parse((await call(server, 'POST', '/v1/labels', { key: seller.key, body: { orderKeys: [key ?? ''] } })).body);
      const [page] = await pdfText((await fetchPdf(url)).body);
      expect(page?.runs).toContain(formatTrackingNumber(number));
      if (print === 2) expect(page?.joined).toContain('재출력 2');
    }
    const listed = ListWaybillsResponseSchema.parse((await call(server, 'GET', `/v1/waybills?orderKey=${encodeURIComponent(key ?? '')}`, { key: seller.key })).body);
    expect(listed.waybills).toMatchObject([{ trackingNumber: number, printCount: 2 }]);

    await postOrders(server, seller, [{ id: 'rp1', receiver: { ...HONG, address1: '부산 해운대구 센텀중앙로 79' } }]);
    expect(await alerts(server, seller)).toContainEqual(expect.objectContaining({ type: 'ADDRESS_CHANGED_AFTER_PRINT', subject: key }));
    // The reprint carries the new address, so the alert closes.
    const { url } = LabelsResponseSchema.parse((await call(server, 'POST', '/v1/labels', { key: seller.key, body: { orderKeys: [key ?? ''] } })).body);
    expect((await pdfText((await fetchPdf(url)).body))[0]?.joined).toContain('센텀중앙로');
    expect((await alerts(server, seller)).some((alert) => alert.type === 'ADDRESS_CHANGED_AFTER_PRINT')).toBe(false);
  });

  it('refuses forged and expired links, and orders without a waybill', async () => {
    const seller = await shippingSeller(server);
    const [key] = await postOrders(server, seller, [{ id: 'nw' }]);
    const none = await call(server, 'POST', '/v1/labels', { key: seller.key, body: { orderKeys: [key ?? ''] } });
    expect(none.status).toBe(409);
    expect(ErrorBodySchema.parse(none.body).error.code).toBe('NO_WAYBILL');

    const labelKey = server.assembled.deps.shipping.labelKey;
    const expired = signLabelLink(labelKey, { sellerId: seller.sellerId, jobId: 'job', expiresAtMs: Date.now() - 1 });
    const answer = await call(server, 'GET', `/v1/labels/${expired}`);
    expect(answer.status).toBe(410);
    expect(ErrorBodySchema.parse(answer.body).error.code).toBe('LABEL_LINK_EXPIRED');

    const other = signLabelLink(Buffer.alloc(32, 7), { sellerId: seller.sellerId, jobId: 'job', expiresAtMs: Date.now() + 60_000 });
    const forged = await call(server, 'GET', `/v1/labels/${other}`);
    expect(forged.status).toBe(403);
    expect(ErrorBodySchema.parse(forged.body).error).toMatchObject({ code: 'LABEL_LINK_INVALID', message: '송장 출력 링크가 올바르지 않습니다' });
  });
});
