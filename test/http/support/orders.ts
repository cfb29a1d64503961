/** A valid order body for POST /v1/orders, one line per entry. */
export function orderBody(orderId: string, lines: { listingId: string; quantity: number }[], overrides: Record<string, unknown> = {}) {
  return {
    channel: 'manual',
    account: 'main',
    orderId,
    lines: lines.map((line, index) => ({ lineId: `${orderId}-${index + 1}`, ...line })),
    receiver: { name: '김철수', phone: '010-1234-5678', zip: '06234', address1: '서울 강남구 테헤란로 1', address2: '101호' },
    ...overrides,
  };
}
