import type { SandboxChange, SandboxClaim, SandboxOrder, SandboxProduct, SandboxProductOrder } from './model';

/**
 * Sandbox records → Naver's JSON, following the sample shapes and field lists of channels.md §1.2, §1.5 and
 * §1.8: ids of pay-order APIs as strings, ids of product APIs as numbers, dates with ms and +09:00.
 */

const KST_MS = 9 * 60 * 60 * 1000;

export function kst(epochMs: number): string {
  return new Date(epochMs + KST_MS).toISOString().replace('Z', '+09:00');
}

function kstOrNull(epochMs: number | null | undefined): string | null {
  return epochMs === null || epochMs === undefined ? null : kst(epochMs);
}

export function renderChange(change: SandboxChange) {
  return {
    orderId: change.orderId,
    productOrderId: change.productOrderId,
    lastChangedType: change.lastChangedType,
    lastChangedDate: kst(change.at),
    paymentDate: kstOrNull(change.paymentDate),
    productOrderStatus: change.productOrderStatus,
    claimType: change.claimType,
    claimStatus: change.claimStatus,
    receiverAddressChanged: change.receiverAddressChanged,
    giftReceivingStatus: null,
  };
}

/**
 * One entry of product-orders/query. Without quantityClaimCompatibility Naver answers in the older shape,
 * where partial-claim fields are missing; the sandbox mirrors that so a client that forgets the flag
 * loses them visibly.
 */
export function renderProductOrder(order: SandboxOrder, line: SandboxProductOrder, quantityClaimCompatibility: boolean) {
  const claim = (section: SandboxClaim | undefined, reasonField: string) =>
    section
      ? {
          claimId: section.claimId,
          claimStatus: section.claimStatus,
          claimRequestDate: kst(section.claimRequestDate),
          [reasonField]: section.reason,
          ...(quantityClaimCompatibility ? { requestQuantity: section.requestQuantity } : {}),
          ...(section.completedDate === undefined ? {} : { completedDate: kst(section.completedDate) }),
        }
      : null;
  return {
    order: {
      orderId: order.orderId,
      orderDate: kst(order.orderDate),
      paymentDate: kstOrNull(order.paymentDate),
      ordererName: order.ordererName,
      ordererTel: order.ordererTel,
      paymentMeans: '신용카드',
    },
    productOrder: {
      productOrderId: line.productOrderId,
      productOrderStatus: line.productOrderStatus,
      placeOrderStatus: line.placeOrderStatus,
      placeOrderDate: kstOrNull(line.placeOrderDate),
      productId: line.channelProductNo,
      originalProductId: line.originProductNo,
      optionCode: line.optionId,
      optionManageCode: line.optionManageCode ?? null,
      sellerProductCode: line.sellerProductCode ?? null,
      productName: line.productName,
      productOption: line.productOption ?? null,
      unitPrice: line.unitPrice,
      quantity: line.initialQuantity,
      ...(quantityClaimCompatibility ? { initialQuantity: line.initialQuantity, remainQuantity: line.remainQuantity } : {}),
      totalPaymentAmount: line.unitPrice * line.initialQuantity,
      shippingDueDate: kst(line.shippingDueDate),
      shippingMemo: line.shippingMemo ?? null,
      shippingAddress: {
        addressType: 'DOMESTIC',
        name: line.shippingAddress.name,
        tel1: line.shippingAddress.tel1,
        baseAddress: line.shippingAddress.baseAddress,
        detailedAddress: line.shippingAddress.detailedAddress ?? null,
        zipCode: line.shippingAddress.zipCode,
      },
      claimType: line.claimType,
      claimStatus: line.claimStatus,
    },
    delivery: line.delivery
      ? {
          deliveryCompany: line.delivery.deliveryCompany,
          trackingNumber: line.delivery.trackingNumber,
          deliveryMethod: line.delivery.deliveryMethod,
          sendDate: kst(line.delivery.sendDate),
          deliveryStatus: line.productOrderStatus === 'DELIVERING' ? 'DELIVERING' : 'DELIVERY_COMPLETION',
        }
      : null,
    cancel: claim(line.claims.cancel, 'cancelReason'),
    return: claim(line.claims.return, 'returnReason'),
    exchange: claim(line.claims.exchange, 'exchangeReason'),
  };
}

/** GET /v2/products/origin-products/{no}: the combinations sit at originProduct.detailAttribute.optionInfo. */
export function renderProduct(product: SandboxProduct) {
  return {
    originProduct: {
      statusType: product.stockQuantity > 0 ? 'SALE' : 'OUTOFSTOCK',
      saleType: 'NEW',
      name: product.name,
      salePrice: product.salePrice,
      stockQuantity: product.stockQuantity,
      detailAttribute: {
        sellerCodeInfo: { sellerManagementCode: product.sellerManagementCode ?? null },
        optionInfo: product.options
          ? {
              optionCombinationSortType: 'CREATE',
              optionCombinationGroupNames: { optionGroupName1: '옵션' },
              optionCombinations: product.options.map((option) => ({
                id: Number(option.id),
                optionName1: option.optionName1,
                ...(option.optionName2 ? { optionName2: option.optionName2 } : {}),
                stockQuantity: option.stockQuantity,
                price: option.price,
                sellerManagerCode: option.sellerManagerCode ?? null,
                usable: option.usable,
              })),
              useStockManagement: true,
            }
          : null,
      },
    },
    smartstoreChannelProduct: { channelProductNo: Number(product.channelProductNo), channelProductDisplayStatusType: 'ON' },
  };
}
