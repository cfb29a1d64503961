/**
 * The records a sandbox account holds, in Naver's own terms (channels.md §1.2–1.6). Times are epoch ms;
 * they become +09:00 strings only when rendered (render.ts).
 */

export interface SandboxOption {
  id: string;
  optionName1: string;
  optionName2?: string;
  stockQuantity: number;
  price: number;
  sellerManagerCode?: string;
  usable: boolean;
}

export interface SandboxProduct {
  originProductNo: string;
  channelProductNo: string;
  name: string;
  salePrice: number;
  sellerManagementCode?: string;
  /** Stock of a product without options; for a product with options it is the sum of theirs. */
  stockQuantity: number;
  options: SandboxOption[] | null;
}

export interface SandboxAddress {
  name: string;
  tel1: string;
  baseAddress: string;
  detailedAddress?: string;
  zipCode: string;
}

export type ClaimSection = 'cancel' | 'return' | 'exchange';

export interface SandboxClaim {
  claimId: string;
  claimStatus: string;
  requestQuantity: number;
  claimRequestDate: number;
  reason: string;
  completedDate?: number;
}

export interface SandboxProductOrder {
  productOrderId: string;
  orderId: string;
  productOrderStatus: string;
  placeOrderStatus: 'NOT_YET' | 'OK' | 'CANCEL';
  placeOrderDate?: number;
  originProductNo: string;
  channelProductNo: string;
  optionId: string | null;
  optionManageCode?: string;
  sellerProductCode?: string;
  productName: string;
  productOption?: string;
  unitPrice: number;
  initialQuantity: number;
  remainQuantity: number;
  shippingDueDate: number;
  shippingMemo?: string;
  shippingAddress: SandboxAddress;
  delivery: { deliveryCompany: string; trackingNumber: string; deliveryMethod: string; sendDate: number } | null;
  claimType: string | null;
  claimStatus: string | null;
  claims: Partial<Record<ClaimSection, SandboxClaim>>;
  receiverAddressChanged: boolean;
}

export interface SandboxOrder {
  orderId: string;
  orderDate: number;
  paymentDate: number | null;
  ordererName: string;
  ordererTel: string;
  productOrderIds: string[];
}

/** One row of the change feed: the line's state at the time of the change. */
export interface SandboxChange {
  productOrderId: string;
  orderId: string;
  lastChangedType: string;
  at: number;
  paymentDate: number | null;
  productOrderStatus: string;
  claimType: string | null;
  claimStatus: string | null;
  receiverAddressChanged: boolean;
}

/** A business refusal of a control call (placing an order on a sold-out option, say). */
export class SandboxError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}
