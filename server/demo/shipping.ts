import type { CarrierContract } from '../../shared/settings';
import type { Store } from '../store';
import { WaybillStore } from '../waybills/waybill-store';

/** The CJ sandbox's customer, as demo mode starts it (server/carriers/cj/sandbox). */
export interface DemoCjCustomer {
  customerCode: string;
  businessNumber: string;
}

const DEMO_SENDER = { senderName: '데모상점', senderPhone: '02-1577-1111', senderZip: '06234', senderAddress1: '서울 강남구 테헤란로 1', senderAddress2: '3층' } as const;

/** A Lotte contract range (11-digit bodies; issuance appends the mod-7 check digit): works without any carrier API. */
const DEMO_LOTTE_RANGE = { first: '40246360001', last: '40246369999' } as const;

/**
 * What the demo seller needs to issue waybills out of the box: a Lotte contract with a number range, and, when
 * demo mode runs the CJ sandbox, a CJ contract for the sandbox's customer with CJ numbers taken from the DX API.
 * Demo mode only: real sellers register their own (docs/waybills.md).
 */
export async function seedDemoShipping(store: Store, sellerId: string, cj: DemoCjCustomer | null): Promise<'cj' | 'lotte'> {
  const seller = store.forSeller(sellerId, 'demo');
  const contracts: Partial<Record<'cj' | 'lotte', CarrierContract>> = { lotte: { customerCode: 'DEMO-LOTTE', ...DEMO_SENDER } };
  if (cj) contracts.cj = { customerCode: cj.customerCode, businessNumber: cj.businessNumber, ...DEMO_SENDER };
  await seller.settings.patch({ carrierContracts: contracts, ...(cj ? { waybillSources: { cj: 'cj' } } : {}) });
  await new WaybillStore(store.sellerContext(sellerId, 'demo')).putRange('lotte', DEMO_LOTTE_RANGE.first, DEMO_LOTTE_RANGE.last, true);
  return cj ? 'cj' : 'lotte';
}
