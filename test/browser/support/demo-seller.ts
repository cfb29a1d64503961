import { message } from '../../../shared/messages';
import type { OrderState } from '../../../shared/state-machine';
import { SellerBackend, type FakeOrder } from './seller-backend';

export const DEMO_KEY = 'ss_live_demo_0001';
export const DEMO_URL = 'https://sync.example.com';

function order(key: string, state: OrderState, extra: Partial<FakeOrder> = {}): FakeOrder {
  return { key, state, checked: false, items: [{ barcode: '8801234567890', quantity: 1, scanned: 0 }], packed: false, ...extra };
}

/**
 * A connected seller on a busy morning: orders in every working state across three channels, a few
 * waybills already issued, and open alerts.
 */
export function demoSeller(): SellerBackend {
  const backend = new SellerBackend();
  backend.settings = { serverUrl: DEMO_URL, apiKey: DEMO_KEY, language: 'ko' };
  backend.now = () => new Date('2025-11-26T01:42:00Z');
  backend.lastSyncAt = '2025-11-26T01:41:00Z';
  backend.history = { SHIPPED: 35, DELIVERED: 128, CANCELLED: 4, RETURNED: 2 };
  const orders: FakeOrder[] = [
    order('smartstore:hanul:2025112611001', 'HELD'),
    order('coupang:hanul:31000017', 'HELD'),
    order('cafe24:hanulmall:20251126-0000012', 'HELD'),
  ];
  for (let n = 1; n <= 12; n++) orders.push(order(`smartstore:hanul:20251126120${String(n).padStart(2, '0')}`, 'ALLOCATED'));
  for (let n = 1; n <= 5; n++) {
    orders.push(order(`coupang:hanul:3100002${n}`, 'WAYBILL_ISSUED', { trackingNumber: `60000000010${n}`, items: [{ barcode: '8801234567890', quantity: 2, scanned: 0 }, { barcode: '8809876543210', quantity: 1, scanned: 0 }] }));
  }
  orders.push(order('smartstore:hanul:2025112509001', 'SHIPPED', { trackingNumber: '600000000201' }));
  orders.push(order('cafe24:hanulmall:20251126-0000020', 'WAYBILL_ISSUED', { trackingNumber: '600000000301', cancelRequested: true }));
  backend.orders = orders;
  const language = backend.settings.language;
  backend.alerts = [
    { id: 'CANCEL_REQUESTED:cafe24:hanulmall:20251126-0000020', type: 'CANCEL_REQUESTED', severity: 'critical', text: '취소 요청: cafe24 20251126-0000020 (송장 발급됨, 출고 금지)' },
    { id: 'SHORTAGE:TEE-BLK-L', type: 'SHORTAGE', severity: 'warning', text: message('alert.SHORTAGE', language, { subject: 'TEE-BLK-L', missing: 3 }) },
    { id: 'UNMAPPED_LISTING:coupang:hanul:8812', type: 'UNMAPPED_LISTING', severity: 'info', text: message('alert.UNMAPPED_LISTING', language, { subject: 'coupang 8812', productName: '린넨 셔츠 아이보리' }) },
  ];
  return backend;
}
